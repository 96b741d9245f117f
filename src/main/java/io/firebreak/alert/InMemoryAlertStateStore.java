package io.firebreak.alert;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Alert state in a map: for tests and one-shot runs, forgotten on exit. */
public final class InMemoryAlertStateStore implements AlertStateStore {

    private final Map<String, AlertState> states = new ConcurrentHashMap<>();

    @Override
    public Optional<AlertState> find(String alertId) {
        return Optional.ofNullable(states.get(alertId));
    }

    @Override
    public void save(AlertState state) {
        states.put(state.alertId(), state);
    }
}
