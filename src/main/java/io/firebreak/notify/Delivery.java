package io.firebreak.notify;

import io.firebreak.alert.Alert;
import io.firebreak.detect.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What has been told about one alert: the version last delivered (a notifier drops what is not newer),
 * its highest severity so far (which decides the channel, so a de-escalation never moves an alert
 * back), and the Slack messages it lives in, oldest first.
 *
 * @param lastSent the alert as last delivered, null before the first delivery
 */
public record Delivery(String alertId, Alert lastSent, Instant lastSentAt, Severity peak, List<Thread> threads) {

    /** One message of the alert: the channel it was routed to (as configured), Slack's channel id, its ts. */
    public record Thread(String route, String channel, String ts) {}

    public Delivery {
        threads = threads == null ? List.of() : List.copyOf(threads);
    }

    public static Delivery none(String alertId) {
        return new Delivery(alertId, null, null, null, List.of());
    }

    /** The version last delivered, 0 before the first. */
    public long version() {
        return lastSent == null ? 0 : lastSent.version();
    }

    /** The message where the alert is followed now: the newest one. */
    public Thread home() {
        return threads.isEmpty() ? null : threads.get(threads.size() - 1);
    }

    public Thread threadFor(String route) {
        return threads.stream().filter(t -> t.route().equals(route)).findFirst().orElse(null);
    }

    public Delivery withThread(Thread thread) {
        List<Thread> next = new ArrayList<>(threads);
        next.removeIf(t -> t.route().equals(thread.route()));
        next.add(thread);
        return new Delivery(alertId, lastSent, lastSentAt, peak, next);
    }

    public Delivery withoutThread(String route) {
        List<Thread> next = new ArrayList<>(threads);
        next.removeIf(t -> t.route().equals(route));
        return new Delivery(alertId, lastSent, lastSentAt, peak, next);
    }

    public Delivery delivered(Alert alert, Instant at) {
        Severity worst = peak == null ? alert.severity() : Severity.worst(peak, alert.severity());
        return new Delivery(alertId, alert, at, worst, threads);
    }
}
