package io.firebreak.notify;

import io.firebreak.alert.Alert;
import io.firebreak.alert.AlertChange;
import io.firebreak.alert.AlertStage;
import io.firebreak.alert.AlertState;
import io.firebreak.alert.AlertStateStore;
import io.firebreak.alert.Routes;
import io.firebreak.statement.HoldingStatement;
import io.firebreak.statement.HoldingStatements;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of the alert pipeline: runs the stages (silence, re-notify, ...), writes the holding
 * statement, routes, queues each notification in the durable outbox, then drains the outbox through
 * the notifier with retries. A notification leaves the outbox only when delivered or permanently
 * refused, so an outage or restart loses nothing and recovery delivers each alert once.
 * Dispatch and drain are serialised: two concurrent first deliveries of one alert would both see
 * "no message yet" and post twice.
 */
public final class AlertDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);

    private final List<AlertStage> stages;
    private final Routes routes;
    private final HoldingStatements statements;
    private final Notifier notifier;
    private final Outbox outbox;
    private final AlertStateStore store;
    private final RetryPolicy retry;
    private final Sleeper sleeper;

    public AlertDispatcher(List<AlertStage> stages, Routes routes, HoldingStatements statements, Notifier notifier,
            Outbox outbox, AlertStateStore store, RetryPolicy retry, Sleeper sleeper) {
        this.stages = List.copyOf(stages);
        this.routes = routes;
        this.statements = statements;
        this.notifier = notifier;
        this.outbox = outbox;
        this.store = store;
        this.retry = retry;
        this.sleeper = sleeper;
    }

    /** Queues what the stages let through, then drains the outbox. */
    public synchronized DispatchReport dispatch(List<AlertView> views, Instant now) {
        Map<String, AlertView> byId = new LinkedHashMap<>();
        views.forEach(v -> byId.put(v.alert().alertId(), v));
        List<Alert> alerts = List.copyOf(byId.values().stream().map(AlertView::alert).toList());
        for (AlertStage stage : stages) {
            if (alerts.isEmpty()) {
                break;
            }
            alerts = stage.apply(alerts, now);
        }
        for (Alert alert : alerts) {
            AlertView view = byId.get(alert.alertId());
            HoldingStatement statement = statements.write(alert, now);
            Alert withStatement = new Alert(alert.alertId(), alert.rule(), alert.brand(), alert.category(),
                    alert.severity(), alert.status(), alert.firedAt(), alert.updatedAt(), alert.resolvedAt(),
                    alert.evidence(), statement.asAlertStatement());
            outbox.put(new Notification(withStatement, statements.displayName(alert.brand()), routes.channelFor(alert),
                    view == null ? List.of() : view.topPosts(), view == null ? List.of() : view.series(),
                    statement.checklist()));
        }
        DispatchReport drained = drain(now);
        return new DispatchReport(alerts.size(), drained.delivered(), drained.failed(), drained.pending());
    }

    /**
     * Tries every pending notification, oldest first. When one is still failing after the retry
     * policy, the rest wait too: the channel is likely down and order matters to readers.
     */
    public synchronized DispatchReport drain(Instant now) {
        int delivered = 0;
        int failed = 0;
        for (OutboxEntry entry : outbox.pending()) {
            Outcome outcome = attempt(entry, now);
            if (outcome == Outcome.DELIVERED) {
                delivered++;
            } else if (outcome == Outcome.GAVE_UP) {
                failed++;
            } else {
                break;
            }
        }
        return new DispatchReport(0, delivered, failed, outbox.pending().size());
    }

    private enum Outcome { DELIVERED, GAVE_UP, PENDING }

    private Outcome attempt(OutboxEntry entry, Instant now) {
        Alert alert = entry.notification().alert();
        for (int attempt = 1; ; attempt++) {
            AlertState state = store.find(alert.alertId()).orElse(AlertState.none(alert.alertId()));
            try {
                notifier.deliver(entry.notification(), AlertChange.between(state.lastSent(), alert));
                AlertState after = store.find(alert.alertId()).orElse(state);
                store.save(after.withSent(alert, now));
                outbox.done(entry);
                return Outcome.DELIVERED;
            } catch (NotifyFailure failure) {
                if (!(failure instanceof NotifyFailure.Retryable e)) {
                    LOG.error("alert {}: not deliverable, moved to dead letters: {}", alert.alertId(), failure.getMessage());
                    outbox.giveUp(entry, failure.getMessage());
                    return Outcome.GAVE_UP;
                }
                if (attempt >= retry.maxAttempts()) {
                    LOG.warn("alert {}: still failing after {} attempts, kept in outbox: {}",
                            alert.alertId(), attempt, e.getMessage());
                    return Outcome.PENDING;
                }
                LOG.info("alert {}: attempt {} failed, retrying: {}", alert.alertId(), attempt, e.getMessage());
                try {
                    sleeper.sleep(retry.backoff(attempt, e));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return Outcome.PENDING;
                }
            }
        }
    }
}
