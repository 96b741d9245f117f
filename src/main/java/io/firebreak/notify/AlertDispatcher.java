package io.firebreak.notify;

import io.firebreak.alert.Alert;
import io.firebreak.alert.AlertChange;
import io.firebreak.alert.AlertStage;
import io.firebreak.alert.Routes;
import io.firebreak.detect.Severity;
import io.firebreak.statement.HoldingStatement;
import io.firebreak.statement.HoldingStatements;
import java.time.Clock;
import java.time.Instant;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of the alert pipeline. Decided versions are queued in the durable outbox at once
 * ({@link #enqueue}, cheap, no lookups); {@link #drain} then delivers them in the order decided: each
 * version goes through the stages (silences), gets its evidence, holding statement and route, and
 * reaches the notifier once. The delivery log says which version each alert's readers have, so a
 * version that is not newer (a restart, a retry) is dropped, and a version leaves the outbox only when
 * delivered or permanently refused: an outage or restart loses nothing and sends nothing twice.
 *
 * <p>An alert is routed by the highest severity it has reached, so an escalation moves it to its
 * channel (the notifier posts it there and points the old message at it) and a de-escalation never
 * moves it back. Drains are serialised: two concurrent first deliveries of one alert would both see
 * "no message yet" and post twice.
 */
public final class AlertDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);

    private final List<AlertStage> stages;
    private final Routes routes;
    private final HoldingStatements statements;
    private final Notifier notifier;
    private final Outbox outbox;
    private final DeliveryLog log;
    private final EvidenceLookup evidence;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Timer deliveries;
    private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);
    private final Counter retries;
    /**
     * Each open alert's wave posts as its versions found them, newest first: a version whose search finds too
     * few (its newest posts not yet searchable) still names the wave its earlier versions named, instead of
     * falling back to the category's words between two that do. Delivery thread only; gone when it closes.
     */
    private final Map<String, List<String>> wavePosts = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int WAVE_POSTS_KEPT = 120;

    public AlertDispatcher(List<AlertStage> stages, Routes routes, HoldingStatements statements, Notifier notifier,
                           Outbox outbox, DeliveryLog log, EvidenceLookup evidence, RetryPolicy retry, Sleeper sleeper,
                           Clock clock) {
        this(stages, routes, statements, notifier, outbox, log, evidence, retry, sleeper, clock, new SimpleMeterRegistry());
    }

    /** @param metrics where delivery latency, outcomes and retries are counted ({@code /metrics}) */
    public AlertDispatcher(List<AlertStage> stages, Routes routes, HoldingStatements statements, Notifier notifier,
                           Outbox outbox, DeliveryLog log, EvidenceLookup evidence, RetryPolicy retry, Sleeper sleeper,
                           Clock clock, MeterRegistry metrics) {
        this.stages = List.copyOf(stages);
        this.routes = routes;
        this.statements = statements;
        this.notifier = notifier;
        this.outbox = outbox;
        this.log = log;
        this.evidence = evidence;
        this.retry = retry;
        this.sleeper = sleeper;
        this.clock = clock;
        this.deliveries = Timer.builder("firebreak_notify_delivery").description("one version's delivery to the notifier, "
                + "retries included").publishPercentiles(0.5, 0.99).register(metrics);
        for (Outcome o : Outcome.values()) {
            outcomes.put(o, Counter.builder("firebreak_notify_versions").description("versions by how their delivery ended "
                    + "(pending: still failing, left in the outbox)").tag("outcome", o.name().toLowerCase(java.util.Locale.ROOT))
                    .register(metrics));
        }
        this.retries = Counter.builder("firebreak_notify_retries").description("delivery attempts that failed and were "
                + "retried").register(metrics);
        Gauge.builder("firebreak_outbox_pending", outbox, Outbox::size).description("alert versions decided, not yet delivered")
                .register(metrics);
    }

    /** Queues decided versions durably, in order; nothing is looked up or sent here. */
    public void enqueue(List<Alert> versions) {
        if (!versions.isEmpty()) {
            outbox.put(versions);
        }
    }

    /** Versions waiting for delivery. */
    public int pending() {
        return outbox.size();
    }

    /**
     * Delivers every pending version, oldest first. When one is still failing after the retry policy, the
     * rest wait too: the channel is likely down, and order matters to readers.
     */
    public synchronized DispatchReport drain() {
        int delivered = 0;
        int skipped = 0;
        int failed = 0;
        for (OutboxEntry entry : outbox.pending()) {
            Outcome outcome = attempt(entry);
            outcomes.get(outcome).increment();
            switch (outcome) {
                case DELIVERED -> delivered++;
                case SKIPPED -> skipped++;
                case GAVE_UP -> failed++;
                case PENDING -> {
                    return new DispatchReport(delivered, skipped, failed, outbox.size());
                }
            }
        }
        return new DispatchReport(delivered, skipped, failed, outbox.size());
    }

    private enum Outcome { DELIVERED, SKIPPED, GAVE_UP, PENDING }

    private Outcome attempt(OutboxEntry entry) {
        Alert alert = entry.alert();
        Delivery before = log.find(alert.alertId()).orElse(Delivery.none(alert.alertId()));
        Instant now = clock.instant();
        if (alert.version() <= before.version()) {
            outbox.done(entry); // its readers have this version or a newer one already
            return Outcome.SKIPPED;
        }
        if (silenced(alert, now)) {
            LOG.info("alert {} v{}: silenced, not sent", alert.alertId(), alert.version());
            outbox.done(entry);
            return Outcome.SKIPPED;
        }
        long t0 = System.nanoTime();
        Notification n = notification(alert, before, now);
        long t1 = System.nanoTime();
        AlertChange change = AlertChange.between(before.lastSent(), alert);
        for (int attempt = 1; ; attempt++) {
            try {
                notifier.deliver(n, change);
                deliveries.record(System.nanoTime() - t0, java.util.concurrent.TimeUnit.NANOSECONDS);
                LOG.debug("alert {} v{}: evidence {} ms, delivery {} ms", alert.alertId(), alert.version(),
                        (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
                // the notifier may have recorded messages meanwhile: build on what the log holds now
                Delivery current = log.find(alert.alertId()).orElse(before);
                log.save(current.delivered(n.alert(), clock.instant()));
                outbox.done(entry);
                return Outcome.DELIVERED;
            } catch (NotifyFailure failure) {
                if (!(failure instanceof NotifyFailure.Retryable e)) {
                    LOG.error("alert {} v{}: not deliverable, moved to dead letters: {}", alert.alertId(),
                            alert.version(), failure.getMessage());
                    outbox.giveUp(entry, failure.getMessage());
                    return Outcome.GAVE_UP;
                }
                if (attempt >= retry.maxAttempts()) {
                    LOG.warn("alert {} v{}: still failing after {} attempts, kept in outbox: {}",
                            alert.alertId(), alert.version(), attempt, e.getMessage());
                    return Outcome.PENDING;
                }
                LOG.info("alert {} v{}: attempt {} failed, retrying: {}", alert.alertId(), alert.version(), attempt,
                        e.getMessage());
                retries.increment();
                try {
                    sleeper.sleep(retry.backoff(attempt, e));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return Outcome.PENDING;
                }
            }
        }
    }

    private boolean silenced(Alert alert, Instant now) {
        List<Alert> through = List.of(alert);
        for (AlertStage stage : stages) {
            through = stage.apply(through, now);
        }
        return through.isEmpty();
    }

    /** The version as its readers see it: evidence, holding statement, and the channel of its highest severity. */
    private Notification notification(Alert alert, Delivery before, Instant now) {
        AlertView view = lookUp(alert);
        Alert shown = view.alert();
        HoldingStatement statement = statements.write(shown, wavePosts(alert, view.postTexts()), now);
        shown = shown.withStatement(statement.asAlertStatement());
        Severity peak = before.peak() == null ? alert.severity() : Severity.worst(before.peak(), alert.severity());
        String route = routes.channelFor(alert.brand(), alert.category(), peak);
        return new Notification(shown, statements.displayName(alert.brand()), route, view.topPosts(), view.series(),
                statement.checklist());
    }

    private List<String> wavePosts(Alert alert, List<String> found) {
        List<String> earlier = wavePosts.getOrDefault(alert.alertId(), List.of());
        List<String> posts = new java.util.ArrayList<>(found.size() + earlier.size());
        posts.addAll(found);
        posts.addAll(earlier);
        List<String> kept = List.copyOf(posts.subList(0, Math.min(posts.size(), WAVE_POSTS_KEPT)));
        if (alert.open()) {
            wavePosts.put(alert.alertId(), kept);
        } else {
            wavePosts.remove(alert.alertId());
        }
        return kept;
    }

    private AlertView lookUp(Alert alert) {
        try {
            return evidence.view(alert);
        } catch (RuntimeException e) {
            LOG.warn("alert {}: evidence lookup failed, sending the engine's evidence: {}", alert.alertId(), e.toString());
            return AlertView.of(alert, List.of());
        }
    }
}
