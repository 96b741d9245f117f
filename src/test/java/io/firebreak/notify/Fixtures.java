package io.firebreak.notify;

import io.firebreak.alert.Alert;
import io.firebreak.alert.Alert.Change;
import io.firebreak.alert.Alert.Status;
import io.firebreak.detect.Evidence;
import io.firebreak.detect.Severity;
import java.time.Instant;
import java.util.List;

/** Alerts and views for notifier tests. */
final class Fixtures {
    static final Instant FIRED = Instant.parse("2026-03-02T09:07:00Z");
    static final String HOSTILE = "<!channel> click <http://evil|here> @here *bold*";

    private Fixtures() {}

    static Alert alert(String id, Severity severity, Status status, long count) {
        return alert(id, 1, severity, status, count);
    }

    /** Version {@code version} of an alert; its change follows from the status. */
    static Alert alert(String id, long version, Severity severity, Status status, long count) {
        Instant resolvedAt = status == Status.resolved ? FIRED.plusSeconds(3600) : null;
        Change change = status == Status.resolved ? Change.resolved : status == Status.escalated ? Change.escalated
                : version == 1 ? Change.opened : Change.grown;
        return new Alert(id, version, "negative-spike", "acme", "safety", severity, status, FIRED,
                resolvedAt != null ? resolvedAt : FIRED.plusSeconds(60 * version), resolvedAt,
                new Evidence("15m", count, count * 5 / 6, 40, count / 40.0, 0.83, 1_234_567,
                        List.of("x:1", "x:2"), List.of("battery", "fire", "recall")),
                null, change, false, null, null);
    }

    static AlertView view(Alert alert) {
        return AlertView.of(alert, posts());
    }

    static List<TopPost> posts() {
        return List.of(
                new TopPost("x:1", "My Acme charger caught fire overnight", "https://social.example/p/1", "jane_doe", 12_300, 340),
                new TopPost("x:2", HOSTILE, "javascript:alert(1)", "<@U0ADMIN>", 5, 1));
    }
}
