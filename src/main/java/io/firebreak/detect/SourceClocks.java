package io.firebreak.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Event time per source: the newest mention time each source has delivered, and how many of its
 * mentions came too late to count. A source whose late share rises (a collector falling behind, a
 * time-zone slip) is reported in the log and in status, once when it starts and once when it ends.
 * Thread-safe: every brand partition reports here.
 */
public final class SourceClocks {

    private static final Logger log = LoggerFactory.getLogger(SourceClocks.class);
    /** The late share is judged over blocks of this many mentions of the source. */
    static final int BLOCK = 500;

    /** What status and metrics show for one source. */
    public record Status(
            String source,
            Instant watermark,
            Instant lastArrival,
            long mentions,
            long behind,
            long late,
            long duplicates,
            long ahead,
            double recentLateShare,
            boolean lateRising) {}

    /** How a mention was taken by its brand's windows. */
    public enum Outcome {
        /** counted in an open minute */
        COUNTED,
        /** counted, though its minute was already final: later windows include it */
        BEHIND,
        /** too old for any window still to come: not counted */
        LATE,
        /** already counted (a re-delivery) */
        DUPLICATE,
        /** stamped further ahead of the clock than the allowed skew: not counted, the brand's time not moved */
        AHEAD
    }

    private final double warnShare;
    private final Map<String, Source> sources = new ConcurrentHashMap<>();

    /** @param warnShare a source is reported once this share of a block of its mentions is late */
    public SourceClocks(double warnShare) {
        this.warnShare = warnShare;
    }

    void record(String source, long eventMs, Instant now, Outcome outcome) {
        sources.computeIfAbsent(source, Source::new).record(eventMs, now, outcome, warnShare);
    }

    public List<Status> statuses() {
        List<Status> out = new ArrayList<>();
        sources.values().forEach(s -> out.add(s.status()));
        out.sort(Comparator.comparing(Status::source));
        return out;
    }

    /** One source's figures, or null before its first mention. */
    public Status status(String source) {
        Source s = sources.get(source);
        return s == null ? null : s.status();
    }

    /** Mentions of all sources that came too late to count. */
    public long late() {
        return sources.values().stream().mapToLong(s -> s.status().late()).sum();
    }

    /** One source's figures; lock-free on the per-mention path, a lock only when a block of mentions is judged. */
    private static final class Source {
        private final String name;
        private final LongAccumulator watermark = new LongAccumulator(Math::max, Long.MIN_VALUE);
        private volatile Instant lastArrival;
        private final LongAdder mentions = new LongAdder();
        private final LongAdder behind = new LongAdder();
        private final LongAdder late = new LongAdder();
        private final LongAdder duplicates = new LongAdder();
        private final LongAdder ahead = new LongAdder();
        private final AtomicLong blockSeen = new AtomicLong();
        private final AtomicLong blockLate = new AtomicLong();
        private volatile double recentLateShare;
        private volatile boolean rising;

        Source(String name) {
            this.name = name;
        }

        void record(long eventMs, Instant now, Outcome outcome, double warnShare) {
            if (outcome != Outcome.AHEAD) {
                watermark.accumulate(eventMs);
            }
            if (now != null) {
                lastArrival = now;
            }
            mentions.increment();
            switch (outcome) {
                case BEHIND -> behind.increment();
                case LATE -> {
                    late.increment();
                    blockLate.incrementAndGet();
                }
                case DUPLICATE -> duplicates.increment();
                case AHEAD -> ahead.increment();
                case COUNTED -> { }
            }
            if (blockSeen.incrementAndGet() % BLOCK == 0) {
                judge(warnShare);
            }
        }

        private synchronized void judge(double warnShare) {
            recentLateShare = Math.min(1.0, (double) blockLate.getAndSet(0) / BLOCK);
            boolean nowRising = recentLateShare >= warnShare;
            if (nowRising && !rising) {
                log.warn("source {}: {}% of its last {} mentions came too late to count (newest event time {}); "
                        + "check its collector's delay and time zone", name, Math.round(recentLateShare * 100), BLOCK,
                        Instant.ofEpochMilli(watermark.get()));
            } else if (!nowRising && rising) {
                log.info("source {}: late share back to {}%", name, Math.round(recentLateShare * 100));
            }
            rising = nowRising;
        }

        Status status() {
            long w = watermark.get();
            return new Status(name, w == Long.MIN_VALUE ? null : Instant.ofEpochMilli(w), lastArrival,
                    mentions.sum(), behind.sum(), late.sum(), duplicates.sum(), ahead.sum(), recentLateShare, rising);
        }
    }
}
