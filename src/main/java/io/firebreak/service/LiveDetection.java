package io.firebreak.service;

import io.firebreak.alert.AlertJournal;
import io.firebreak.alert.AlertLog;
import io.firebreak.alert.Lifecycle;
import io.firebreak.detect.BaselineStore;
import io.firebreak.detect.BrandBaseline;
import io.firebreak.detect.Detection;
import io.firebreak.enrich.EnrichedMention;
import io.firebreak.notify.AlertDispatcher;
import io.firebreak.store.RecentMentions;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detection on the live path: stored mentions go into the same {@link Partitions} a backtest uses, with
 * the wall clock as the clock; each decision is made durable ({@link Decisions}) before the brand moves
 * on, and a thread of its own delivers it (evidence look-ups, Slack), so Slack retries never hold up
 * ingest. A clock tick every second closes the minutes of live streams and retries decisions that
 * could not be saved; baselines are saved every {@link #BASELINE_EVERY} in the background.
 *
 * <p>At start the alert books come back from the journal and each brand's windows are rebuilt from
 * the mentions indexed in the last hour of its event time, so a restart mid-wave neither misses the
 * wave nor alerts twice.
 */
public final class LiveDetection implements Consumer<List<EnrichedMention>>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveDetection.class);
    static final Duration BASELINE_EVERY = Duration.ofSeconds(30);

    private final Partitions partitions;
    private final Decisions decisions;
    private final AlertDispatcher dispatcher;
    private final BaselineStore baselines;
    private final Clock clock;
    private final List<AutoCloseable> resources;
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(daemon("alert-delivery"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("detection-clock"));
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private final Map<String, BrandBaseline> unsaved = new HashMap<>();
    private volatile DetectionMetrics metrics;
    private volatile io.firebreak.notify.slack.SlackInteractions interactions;

    /**
     * @param resources closed with this, in order, after the last delivery: the rule watcher, journals, notifier
     */
    public LiveDetection(Detection detection, Lifecycle lifecycle, AlertJournal journal, BaselineStore baselines,
                         AlertDispatcher dispatcher, AlertLog alertLog, Clock clock, List<AutoCloseable> resources) {
        this(detection, lifecycle, journal, baselines, dispatcher, alertLog, clock, resources, List.of());
    }

    /**
     * @param followers get every decided version too, after the outbox (the incident desk): one way, in order
     */
    public LiveDetection(Detection detection, Lifecycle lifecycle, AlertJournal journal, BaselineStore baselines,
                         AlertDispatcher dispatcher, AlertLog alertLog, Clock clock, List<AutoCloseable> resources,
                         List<Consumer<List<io.firebreak.alert.Alert>>> followers) {
        this.dispatcher = dispatcher;
        this.baselines = baselines;
        this.clock = clock;
        this.resources = List.copyOf(resources);
        this.decisions = new Decisions(journal, dispatcher, alertLog, this::wake, followers);
        this.partitions = new Partitions(detection, lifecycle, baselines.load(), journal.restore(), decisions);
    }

    /**
     * Rebuilds every brand's windows from the mentions it indexed in the last hour of its event time (and
     * its baseline from those since it was last saved), each on the clock of its arrival, so a brand that
     * was a live stream is one again. Its book skips the minutes it had already decided, so nothing is
     * announced twice.
     */
    public LiveDetection rebuild(RecentMentions recent) {
        long t0 = System.nanoTime();
        long fed = recent.replay(partitions::replayFrom, partitions::acceptFor);
        partitions.advanceTo(clock.instant());
        LOG.info("detection: rebuilt the windows of {} brand(s) from {} indexed mention(s) in {} ms; {} open alert(s)",
                partitions.counters().brands(), fed, (System.nanoTime() - t0) / 1_000_000, partitions.openAlerts().size());
        return this;
    }

    public LiveDetection start() {
        timer.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(this::saveBaselines, BASELINE_EVERY.toSeconds(), BASELINE_EVERY.toSeconds(),
                TimeUnit.SECONDS);
        // a version whose delivery failed is tried again even when nothing new is decided
        timer.scheduleWithFixedDelay(this::wake, 10, 10, TimeUnit.SECONDS);
        wake();
        return this;
    }

    @Override
    public void accept(List<EnrichedMention> stored) {
        for (EnrichedMention em : stored) {
            partitions.accept(em, clock.instant());
        }
    }

    /** What a person did to an alert (a Slack button): a version of its own, journaled and delivered like any. */
    public io.firebreak.alert.AlertBook.Acted act(io.firebreak.alert.AlertBook.Action action) {
        return partitions.act(action);
    }

    /** Slack's buttons, acting through {@link #act}; closed with this, before anything they act on. */
    public LiveDetection withInteractions(io.firebreak.notify.slack.SlackInteractions slack) {
        this.interactions = slack;
        return this;
    }

    /** Slack's buttons and modals, or null when interactivity is not configured. */
    public io.firebreak.notify.slack.SlackInteractions interactions() {
        return interactions;
    }

    /** Closes every open minute now, as a backtest does at the end of its input. */
    public void finish() {
        partitions.finish();
    }

    /** One of the resources this was started with, by type (the incident desk, for the API and the demo). */
    public <T> java.util.Optional<T> resource(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    public Partitions partitions() {
        return partitions;
    }

    /** Versions decided and not yet delivered. */
    public int pendingDeliveries() {
        return dispatcher.pending();
    }

    /** Decisions not yet saved: non-zero only while the journal or the outbox cannot be written. */
    public int decisionsWaiting() {
        return decisions.waiting();
    }

    /** Alert versions decided so far that made this change. */
    public long versions(io.firebreak.alert.Alert.Change change) {
        return decisions.versions(change);
    }

    /** Registers the meters of sources that appeared since the last tick. */
    void refreshMetrics() {
        if (metrics != null) {
            metrics.refresh();
        }
    }

    /** Publishes detection's figures at {@code /metrics}. */
    public LiveDetection withMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
        metrics = new DetectionMetrics(registry, this, clock);
        return this;
    }

    /** Waits until every decided version has been delivered (or given up), at most {@code timeout}. */
    public void awaitDispatched(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            decisions.flush();
            if (decisions.waiting() == 0 && dispatcher.pending() == 0 && !drainQueued.get()) {
                // one more drain on the delivery thread: anything it was sending is finished after it
                var done = new java.util.concurrent.CountDownLatch(1);
                delivery.execute(done::countDown);
                done.await(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (dispatcher.pending() == 0) {
                    return;
                }
            }
            wake();
            Thread.sleep(20);
        }
    }

    private void tick() {
        try {
            partitions.advanceTo(clock.instant());
            decisions.flush();
            refreshMetrics();
        } catch (RuntimeException e) {
            LOG.error("detection clock tick failed", e);
        }
    }

    /** Saves the baselines that changed; what could not be saved is kept and tried again next time. */
    private synchronized void saveBaselines() {
        try {
            unsaved.putAll(partitions.changedBaselines());
            if (!unsaved.isEmpty()) {
                baselines.save(unsaved);
                unsaved.clear();
            }
        } catch (RuntimeException e) {
            LOG.warn("saving {} baseline(s) failed, trying again in {} s: {}", unsaved.size(), BASELINE_EVERY.toSeconds(),
                    e.toString());
        }
    }

    /** Asks the delivery thread for a drain, unless one is already waiting to run. */
    private void wake() {
        if (drainQueued.compareAndSet(false, true)) {
            try {
                delivery.execute(() -> {
                    drainQueued.set(false);
                    try {
                        dispatcher.drain();
                    } catch (RuntimeException e) {
                        LOG.error("delivering alerts failed; they stay in the outbox", e);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                drainQueued.set(false);
            }
        }
    }

    @Override
    public void close() {
        if (interactions != null) {
            interactions.close();
        }
        timer.shutdownNow();
        decisions.flush();
        saveBaselines();
        wake();
        delivery.shutdown();
        try {
            if (!delivery.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("alert delivery still busy after 30 s; what is left stays in the outbox for the next start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        partitions.close();
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("closing {}: {}", resource.getClass().getSimpleName(), e.toString());
            }
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
