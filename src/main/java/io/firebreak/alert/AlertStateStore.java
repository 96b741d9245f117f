package io.firebreak.alert;

import java.util.Optional;

/**
 * Durable per-alert notification state, so a restart neither forgets a message (and re-posts) nor
 * repeats a notification. Production keeps it in Elasticsearch; {@link InMemoryAlertStateStore} is
 * for tests. {@link #save} must be durable when it returns: callers record a message ts before
 * doing anything else.
 */
public interface AlertStateStore {

    Optional<AlertState> find(String alertId);

    void save(AlertState state);
}
