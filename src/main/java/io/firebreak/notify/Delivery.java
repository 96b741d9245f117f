package io.firebreak.notify;

import io.firebreak.alert.Alert;
import io.firebreak.detect.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What has been told about one alert: the version last delivered (a notifier drops what is not newer),
 * its highest severity so far (which decides the channel, so a de-escalation never moves an alert
 * back), the Slack messages it lives in, oldest first, and the messages being sent whose outcome is not
 * known yet (a send that timed out may still have been made: before sending it again, look for it).
 *
 * @param lastSent the alert as last delivered, null before the first delivery
 * @param sending  key of each message sent without a clear answer yet, and when it was first tried
 */
public record Delivery(String alertId, Alert lastSent, Instant lastSentAt, Severity peak, List<Thread> threads,
                       Map<String, Instant> sending) {

    /** One message of the alert: the channel it was routed to (as configured), Slack's channel id, its ts. */
    public record Thread(String route, String channel, String ts) {}

    public Delivery {
        threads = threads == null ? List.of() : List.copyOf(threads);
        sending = sending == null ? Map.of() : Map.copyOf(sending);
    }

    public static Delivery none(String alertId) {
        return new Delivery(alertId, null, null, null, List.of(), Map.of());
    }

    /** About to send the message {@code key}: until {@link #sent}, its outcome is unknown. */
    public Delivery sending(String key, Instant since) {
        Map<String, Instant> next = new HashMap<>(sending);
        next.putIfAbsent(key, since);
        return new Delivery(alertId, lastSent, lastSentAt, peak, threads, next);
    }

    /** The message {@code key} is known to be in Slack. */
    public Delivery sent(String key) {
        Map<String, Instant> next = new HashMap<>(sending);
        next.remove(key);
        return new Delivery(alertId, lastSent, lastSentAt, peak, threads, next);
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
        return new Delivery(alertId, lastSent, lastSentAt, peak, next, sending);
    }

    public Delivery withoutThread(String route) {
        List<Thread> next = new ArrayList<>(threads);
        next.removeIf(t -> t.route().equals(route));
        return new Delivery(alertId, lastSent, lastSentAt, peak, next, sending);
    }

    public Delivery delivered(Alert alert, Instant at) {
        Severity worst = peak == null ? alert.severity() : Severity.worst(peak, alert.severity());
        return new Delivery(alertId, alert, at, worst, threads, sending);
    }
}
