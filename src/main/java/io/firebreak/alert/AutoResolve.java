package io.firebreak.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves an open alert once its wave has stayed quiet (no signal, brand back near baseline) for the
 * configured time; that is how a comms team learns it is over, not by silence.
 */
public final class AutoResolve implements AlertStage {

    /** Whether a brand is back near its baseline at the given event time. */
    @FunctionalInterface
    public interface Calm {
        boolean calm(String brand, String category, Instant now);
    }

    private final OpenAlerts open;
    private final Duration quietTime;
    private final Calm calm;

    public AutoResolve(OpenAlerts open, Duration quietTime, Calm calm) {
        this.open = open;
        this.quietTime = quietTime;
        this.calm = calm;
    }

    @Override
    public List<Alert> apply(List<Alert> alerts, Instant now) {
        List<Alert> out = new ArrayList<>(alerts);
        for (OpenAlerts.Entry e : open.entries()) {
            Alert a = e.alert();
            if (!calm.calm(a.brand(), a.category(), now)) {
                open.put(a, now);
            } else if (!now.isBefore(e.lastActive().plus(quietTime))) {
                open.remove(a);
                out.add(new Alert(a.alertId(), a.rule(), a.brand(), a.category(), a.severity(),
                        Alert.Status.resolved, a.firedAt(), now, now, a.evidence(), a.statement()));
            }
        }
        return out;
    }
}
