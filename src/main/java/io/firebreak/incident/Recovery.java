package io.firebreak.incident;

import java.time.Instant;
import java.util.List;

/**
 * Whether the brand's negative share came back to its usual level after an incident, read from the
 * indexed mentions.
 *
 * @param baselineShare the brand's negative share in the week before detection
 * @param hours         the negative share hour by hour from detection on
 * @param backAt        the start of the first hour after the peak at or below the baseline (with a margin), null if none yet
 */
public record Recovery(double baselineShare, long baselineMentions, List<Hour> hours, Instant backAt) {

    public Recovery {
        hours = List.copyOf(hours);
    }

    /** One hour: mentions and how many of them were negative. */
    public record Hour(Instant at, long mentions, long negative) {
        public double share() {
            return mentions == 0 ? 0 : (double) negative / mentions;
        }
    }

    /** How far above the baseline share still counts as back (sampling noise of a quiet brand). */
    public static final double MARGIN = 0.05;

    /** Finds the first hour after the peak hour whose share is within the margin of the baseline. */
    public static Recovery of(double baselineShare, long baselineMentions, List<Hour> hours) {
        int peak = 0;
        for (int k = 0; k < hours.size(); k++) {
            if (hours.get(k).negative() > hours.get(peak).negative()) {
                peak = k;
            }
        }
        Instant back = null;
        for (int k = peak + 1; k < hours.size(); k++) {
            Hour h = hours.get(k);
            if (h.mentions() > 0 && h.share() <= baselineShare + MARGIN) {
                back = h.at();
                break;
            }
        }
        return new Recovery(baselineShare, baselineMentions, hours, back);
    }

    /** Looks the recovery of an incident up (Elasticsearch in the service). */
    @FunctionalInterface
    public interface Lookup {
        Lookup NONE = incident -> null;

        /** null when it cannot be told (no mentions kept). */
        Recovery of(Incident incident);
    }
}
