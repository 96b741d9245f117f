package io.firebreak.alert;

import io.firebreak.alert.Alert.Status;
import io.firebreak.detect.Evidence;
import io.firebreak.detect.Severity;
import java.time.Instant;
import java.util.List;

/** Alerts for stage tests. */
final class Alerts {
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private Alerts() {}

    static Alert alert(String id, String brand, String category, Severity severity, Status status, long count) {
        return new Alert(id, 1, "negative-spike", brand, category, severity, status, T0, T0, null,
                new Evidence("15m", count, count / 2, 40, count / 40.0, 0.5, 10_000, List.of(), List.of()), null,
                Alert.Change.opened, false, null, null);
    }

    static Alert firing(String id, long count) {
        return alert(id, "acme", "outage", Severity.SEV2, Status.firing, count);
    }
}
