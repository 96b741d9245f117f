package io.firebreak.incident;

import io.firebreak.alert.Alert;
import io.firebreak.notify.Outbox;
import io.firebreak.notify.OutboxEntry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The incident side's one way in. Decided alert versions are queued in an outbox of its own, durably
 * and in order ({@link #accept}, called where decisions are saved, beside the notifier's outbox); a
 * thread of its own then hands them to {@link Incidents} and marks each done once the incident saved it,
 * so Elasticsearch being down delays incidents, never loses a version, and never holds up detection or
 * Slack. The same tick marks what is overdue and posts the notices not yet posted.
 */
public final class IncidentDesk implements Consumer<List<Alert>>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentDesk.class);

    private final Incidents incidents;
    private final Outbox feed;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "incidents");
        t.setDaemon(true);
        return t;
    });
    private final Object notices;
    private boolean failing;

    /** @param feed the desk's own outbox of alert versions (a {@code FileOutbox} under the data folder) */
    public IncidentDesk(Incidents incidents, Outbox feed) {
        this(incidents, feed, null);
    }

    /** @param notices where the incidents' notices go: closed with the desk when it holds a connection */
    public IncidentDesk(Incidents incidents, Outbox feed, IncidentNotices notices) {
        this.incidents = incidents;
        this.feed = feed;
        this.notices = notices;
    }

    public Incidents incidents() {
        return incidents;
    }

    /** Queues decided versions; durable on return. */
    @Override
    public void accept(List<Alert> versions) {
        if (!versions.isEmpty()) {
            feed.put(versions);
            timer.execute(this::drainQuietly);
        }
    }

    /** Ticks every {@code every}: versions in, overdue steps reminded, notices out. */
    public IncidentDesk start(Duration every) {
        timer.scheduleWithFixedDelay(this::tick, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Versions waiting for the incident side. */
    public int pending() {
        return feed.size();
    }

    /** Hands every queued version to the incidents, oldest first; stops at the first that cannot be saved. */
    public synchronized int drain() {
        int done = 0;
        for (OutboxEntry entry : feed.pending()) {
            try {
                incidents.record(entry.alert());
            } catch (RuntimeException e) {
                if (!failing) {
                    LOG.error("incidents: alert {} v{} not recorded ({} waiting), trying again: {}", entry.alertId(),
                            entry.alert().version(), feed.size(), e.toString());
                }
                failing = true;
                return done;
            }
            feed.done(entry);
            done++;
            if (failing) {
                LOG.info("incidents: recording again");
                failing = false;
            }
        }
        return done;
    }

    /** One round: queued versions, reminders, notices. */
    public synchronized void tick() {
        try {
            drain();
            incidents.remind();
            incidents.sendNotices();
        } catch (RuntimeException e) {
            LOG.error("incident tick failed; trying again at the next", e);
        }
    }

    private void drainQuietly() {
        try {
            drain();
            incidents.sendNotices();
        } catch (RuntimeException e) {
            LOG.error("incidents: drain failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drainQuietly();
        for (Object o : new Object[] {feed, notices}) {
            if (o instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.warn("closing {}: {}", o.getClass().getSimpleName(), e.toString());
                }
            }
        }
    }
}
