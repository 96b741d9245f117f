package io.firebreak.detect;

import java.time.Duration;
import java.time.Instant;

/**
 * One brand's event time: the newest mention time it has seen (its watermark) and the last minute it
 * has made final. Only the brand's own mentions move the watermark, so one brand's data never makes
 * another's late.
 *
 * <p>A minute is final once the watermark is past its end plus the allowed lateness. In a live
 * stream the clock ({@code now}, the wall clock or a replay's) also closes minutes, so a quiet
 * minute is evaluated without waiting for the next mention; that holds only while the brand's
 * newest mentions arrive fresh (less than {@link #LIVE_HORIZON} behind the clock). An import of
 * history is driven by its own timestamps, never by the wall clock, which would make it all late.
 * The watermark never moves the brand past the clock: a mention stamped a little ahead (inside the
 * allowed clock skew) waits for the clock.
 */
final class BrandClock {

    static final long MINUTE_MS = 60_000;
    /** A brand whose newest mention arrived less than this behind the clock is a live stream. */
    static final Duration LIVE_HORIZON = Duration.ofMinutes(15);
    private static final long NONE = Long.MIN_VALUE;

    private final long latenessMs;
    private long watermark = NONE;
    private long lastFinal = NONE;
    private boolean live;

    BrandClock(Duration allowedLateness) {
        this.latenessMs = allowedLateness.toMillis();
    }

    /** Before the first mention: nothing is final yet and no mention is behind. */
    boolean started() {
        return lastFinal != NONE;
    }

    long lastFinal() {
        return lastFinal;
    }

    long watermark() {
        return watermark;
    }

    boolean live() {
        return live;
    }

    /**
     * Takes a mention's event time; {@code now} is the clock at arrival, null in a backtest (no clock).
     * Only a new newest mention decides whether the brand is live: a straggler from a slower source
     * says nothing about the stream.
     */
    void observe(long eventMs, Instant now) {
        long minute = Math.floorDiv(eventMs, MINUTE_MS);
        if (lastFinal == NONE) {
            lastFinal = minute - 1;
        }
        if (eventMs > watermark) {
            watermark = eventMs;
            live = now != null && now.toEpochMilli() - eventMs < LIVE_HORIZON.toMillis();
        }
    }

    /** The last minute that should be final now, given the watermark and (for a live stream) the clock. */
    long dueFinal(Instant now) {
        if (lastFinal == NONE) {
            return NONE;
        }
        long time = now == null ? watermark : live ? now.toEpochMilli() : Math.min(watermark, now.toEpochMilli());
        return Math.max(lastFinal, Math.floorDiv(time - latenessMs, MINUTE_MS) - 1);
    }

    /** Every open minute final, as at the end of a replay: waits for no more late mentions. */
    long dueAtEnd() {
        return lastFinal == NONE ? NONE : Math.max(lastFinal, Math.floorDiv(watermark, MINUTE_MS));
    }

    void finalised(long minute) {
        lastFinal = minute;
    }

    /** The minute a growing wave is looked at early: the newest the brand has, never past the clock. */
    long openMinute(Instant now) {
        long time = now == null ? watermark : Math.min(watermark, now.toEpochMilli());
        return Math.max(lastFinal + 1, Math.floorDiv(time, MINUTE_MS));
    }
}
