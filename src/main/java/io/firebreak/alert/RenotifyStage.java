package io.firebreak.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Lets an alert through when it is new or materially changed; an unchanged open alert only once
 * its repeat interval has passed since it was last sent, and an already-sent resolved alert never again.
 */
public final class RenotifyStage implements AlertStage {

    private final AlertStateStore store;
    private final Function<Alert, Duration> interval;

    /** One interval for every alert. */
    public RenotifyStage(AlertStateStore store, Duration interval) {
        this(store, alert -> interval);
    }

    /** An interval per alert, e.g. {@code routes::repeatIntervalFor}. */
    public RenotifyStage(AlertStateStore store, Function<Alert, Duration> interval) {
        this.store = store;
        this.interval = interval;
    }

    @Override
    public List<Alert> apply(List<Alert> alerts, Instant now) {
        return alerts.stream().filter(a -> due(a, now)).toList();
    }

    private boolean due(Alert alert, Instant now) {
        AlertState state = store.find(alert.alertId()).orElse(null);
        if (state == null || state.lastSent() == null) {
            return true;
        }
        if (AlertChange.between(state.lastSent(), alert).material()) {
            return true;
        }
        if (alert.status() == Alert.Status.resolved) {
            return false;
        }
        return !now.isBefore(state.lastNotifiedAt().plus(interval.apply(alert)));
    }
}
