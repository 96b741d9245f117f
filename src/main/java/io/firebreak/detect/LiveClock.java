package io.firebreak.detect;

import io.firebreak.alert.Alert;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real clock for a live engine: every few seconds moves event time to "now", so minutes become final
 * (and alerts resolve) even when no mention arrives. Backtests leave it out and let the mentions drive time.
 */
public final class LiveClock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveClock.class);

    private final DetectionEngine engine;
    private final Clock clock;
    private final Consumer<List<Alert>> sink;
    private final ScheduledExecutorService timer;

    /**
     * @param every how often to advance; a few seconds is plenty, minutes are the engine's grain
     * @param sink  gets the alerts each advance produced (never called with an empty list)
     */
    public LiveClock(DetectionEngine engine, Clock clock, Duration every, Consumer<List<Alert>> sink) {
        this.engine = engine;
        this.clock = clock;
        this.sink = sink;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "detection-clock");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::tick, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One advance to the clock's now; what the timer runs, callable directly by tests. */
    public void tick() {
        try {
            List<Alert> alerts = engine.advanceTo(clock.instant());
            if (!alerts.isEmpty()) {
                sink.accept(alerts);
            }
        } catch (RuntimeException e) {
            // a failing sink must not stop the clock: later minutes would never become final
            log.error("detection clock tick failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
