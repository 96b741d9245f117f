package io.firebreak.service;

import io.firebreak.alert.Alert;
import io.firebreak.alert.AlertLog;
import io.firebreak.detect.DetectionEngine;
import io.firebreak.detect.OpenAlertsSnapshot;
import io.firebreak.enrich.EnrichedMention;
import io.firebreak.notify.AlertDispatcher;
import io.firebreak.store.AlertEvidence;
import io.firebreak.store.StateDocuments;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detection on the live path: stored mentions go into the same {@link DetectionEngine} a backtest
 * uses, and the alerts it returns go, with their evidence, to the dispatcher.
 *
 * <p>Early looks ({@link DetectionEngine#onPreview}) go out as soon as a wave passes a step, under
 * the id the final alert will have; the engine's own alerts, the same as a backtest's, follow
 * once their minutes are final and update that message.
 *
 * <p>Event time drives the engine. The wall clock only closes minutes of a live stream (one whose
 * newest mention is recent), so a quiet minute still gets evaluated; a historical import is never
 * pushed forward by the wall clock, which would make its later mentions late. Dispatch runs on
 * its own thread: Slack retries must never hold up ingest.
 */
public final class LiveDetection implements Consumer<List<EnrichedMention>>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveDetection.class);
    /** A stream whose newest mention is younger than this is live: the wall clock may close its minutes. */
    static final Duration LIVE_HORIZON = Duration.ofMinutes(15);

    private final DetectionEngine engine;
    private final AlertDispatcher dispatcher;
    private final AlertEvidence evidence;
    private final StateDocuments state;
    private final Clock clock;
    private final ExecutorService dispatch = Executors.newSingleThreadExecutor(daemon("alert-dispatch"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("detection-clock"));
    private volatile long newestEventMillis = Long.MIN_VALUE;

    private final List<AutoCloseable> resources;

    /**
     * @param resources closed with this, in order, after the last dispatch: the rule watcher, the
     *                  baseline store (its last snapshot), the outbox
     */
    private final AlertLog log;

    public LiveDetection(DetectionEngine engine, AlertDispatcher dispatcher, AlertEvidence evidence, StateDocuments state,
                         AlertLog alertLog, Clock clock, List<AutoCloseable> resources) {
        this.engine = engine;
        this.dispatcher = dispatcher;
        this.evidence = evidence;
        this.state = state;
        this.clock = clock;
        this.resources = List.copyOf(resources);
        this.log = alertLog;
        state.get(OpenAlertsSnapshot.ID, OpenAlertsSnapshot.class).ifPresent(s -> engine.restoreOpenAlerts(s.entries()));
        // a growing wave goes out at once; the final minutes then update the same message
        engine.onPreview(preview -> dispatch(List.of(preview)));
    }

    public LiveDetection start() {
        timer.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(() -> dispatch.execute(() -> dispatcher.drain(clock.instant())), 10, 10, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(this::saveOpenAlerts, 60, 60, TimeUnit.SECONDS);
        return this;
    }

    @Override
    public void accept(List<EnrichedMention> stored) {
        for (EnrichedMention em : stored) {
            // each tick's alerts go out on their own: a fast import still shows firing, escalation, resolution
            submit(engine.accept(em));
            newestEventMillis = Math.max(newestEventMillis, em.mention().createdAt().toEpochMilli());
        }
    }

    /** Closes every open minute now, as a backtest does at the end of its input. */
    public void finish() {
        submit(engine.finish());
    }

    public DetectionEngine engine() {
        return engine;
    }

    private void tick() {
        try {
            Instant now = clock.instant();
            long newest = newestEventMillis;
            if (newest != Long.MIN_VALUE && now.toEpochMilli() - newest < LIVE_HORIZON.toMillis()) {
                submit(engine.advanceTo(now));
            }
        } catch (RuntimeException e) {
            LOG.error("detection clock tick failed", e);
        }
    }

    /** The engine's own alerts: logged as decided, then dispatched. */
    private void submit(List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return;
        }
        log.append(alerts);
        dispatch(alerts);
    }

    private void dispatch(List<Alert> alerts) {
        dispatch.execute(() -> {
            try {
                Instant now = clock.instant();
                dispatcher.dispatch(evidence.views(alerts, now), now);
            } catch (RuntimeException e) {
                LOG.error("dispatching {} alert(s) failed; they stay in the outbox if queued", alerts.size(), e);
            }
        });
    }

    private void saveOpenAlerts() {
        try {
            state.put(OpenAlertsSnapshot.ID, new OpenAlertsSnapshot(engine.openAlerts()));
        } catch (RuntimeException e) {
            LOG.warn("saving open alerts failed: {}", e.toString());
        }
    }

    /** Waits for queued dispatches (tests, shutdown). */
    public void awaitDispatched(Duration timeout) throws InterruptedException {
        var done = new java.util.concurrent.CountDownLatch(1);
        dispatch.execute(done::countDown);
        done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        saveOpenAlerts();
        dispatch.shutdown();
        try {
            dispatch.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        engine.close();
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("closing {}: {}", resource.getClass().getSimpleName(), e.toString());
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
