package io.firebreak.notify;

import io.firebreak.alert.AlertChange;

/**
 * Tells people about one alert. Implementations must be safe to call again with the same
 * notification after a {@link NotifyFailure.Retryable}: the alert id is the identity, so a retry
 * updates what exists instead of adding a second message.
 */
public interface Notifier {

    /** Delivers {@code notification}; {@code change} says what differs from the last delivered version. */
    void deliver(Notification notification, AlertChange change) throws NotifyFailure;
}
