package io.firebreak.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Whether the brand's negative share came back to its usual level after an incident, read from the
 * indexed mentions. An hour tells only when it has enough mentions ({@link #MIN_MENTIONS}), and the share
 * is back only when two such hours in a row are within {@link #MARGIN} of the baseline: one quiet hour of a
 * few posts says nothing (one post moves its share by 20 points or more).
 *
 * @param baselineShare the brand's negative share in the week before detection
 * @param hours         the negative share hour by hour from detection on (hours without mentions left out)
 * @param backAt        the start of the first of two hours in a row after the peak, each measurable and within the
 *                      margin of the baseline; null if none yet
 * @param measurable    how many hours after the peak had enough mentions to tell
 */
public record Recovery(double baselineShare, long baselineMentions, List<Hour> hours, Instant backAt, int measurable) {

    public Recovery {
        hours = List.copyOf(hours);
    }

    /** One hour: mentions and how many of them were negative. */
    public record Hour(Instant at, long mentions, long negative) {
        public double share() {
            return mentions == 0 ? 0 : (double) negative / mentions;
        }

        /** Enough mentions for its share to mean something: with fewer, a single post moves it by more than the margin. */
        public boolean measurable() {
            return mentions >= MIN_MENTIONS;
        }
    }

    /** How far above the baseline share still counts as back (sampling noise of a quiet brand). */
    public static final double MARGIN = 0.05;
    /**
     * Mentions an hour needs before its share counts: at 20 one post moves it by 5 points (the margin); and
     * with a baseline of 27%, a share really still at 47% looks back in two such hours in a row about once in
     * a hundred incidents (binomial, 6 of 20 or fewer negative twice).
     */
    public static final long MIN_MENTIONS = 20;
    /** How long after detection the hours are read: what the report calls its range. */
    public static final Duration SPAN = Duration.ofHours(48);
    /** Measurable hours in a row the share must stay back for. */
    public static final int HOURS_IN_A_ROW = 2;

    /** Finds, after the peak hour, the first run of {@link #HOURS_IN_A_ROW} consecutive measurable hours back within the margin. */
    public static Recovery of(double baselineShare, long baselineMentions, List<Hour> hours) {
        int peak = 0;
        for (int k = 0; k < hours.size(); k++) {
            if (hours.get(k).negative() > hours.get(peak).negative()) {
                peak = k;
            }
        }
        Instant back = null;
        int measurable = 0;
        int run = 0;
        Instant previous = null;
        for (int k = peak + 1; k < hours.size(); k++) {
            Hour h = hours.get(k);
            if (h.measurable()) {
                measurable++;
            }
            boolean follows = previous != null && Duration.between(previous, h.at()).equals(Duration.ofHours(1));
            boolean backHere = h.measurable() && h.share() <= baselineShare + MARGIN;
            run = backHere ? (follows ? run : 0) + 1 : 0;
            previous = h.at();
            if (run == HOURS_IN_A_ROW && back == null) {
                back = h.at().minus(Duration.ofHours(HOURS_IN_A_ROW - 1));
            }
        }
        return new Recovery(baselineShare, baselineMentions, hours, back, measurable);
    }

    /** Looks the recovery of an incident up (Elasticsearch in the service). */
    @FunctionalInterface
    public interface Lookup {
        Lookup NONE = incident -> null;

        /** null when it cannot be told (no mentions kept). */
        Recovery of(Incident incident);
    }
}
