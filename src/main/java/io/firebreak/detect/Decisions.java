package io.firebreak.detect;

/**
 * What decides around the rules, read from the {@code decisions:} entry of {@code config/thresholds.yaml}
 * and reloaded with it: when a brand is calm again, when a growing wave is looked at early, which
 * mentions reach the rules on their own, and whether a signal of no particular category joins an open
 * alert. A key left out keeps the default below, which is how the engine behaved before these were keys.
 *
 * @param calm       when a brand is back near its baseline (an alert may then resolve after quiet-time)
 * @param earlyLooks when a growing wave gets an early look at its open minute
 * @param notable    which negative mentions reach the rules as events of their own
 * @param mergeOther a signal of category "other" (nothing specific known, e.g. volume alone) joins the
 *                   brand's most severe open alert instead of opening an alert of its own
 * @param category   when a window's negatives hold a category clearly enough to be named by it
 *
 * <p>A number left out reads as 0 and takes its default; any other value out of range is refused here
 * (and, with its line, by {@link DecisionKeys} when the file is read), never replaced by the default.
 */
public record Decisions(Calm calm, EarlyLooks earlyLooks, Notable notable, Boolean mergeOther, CategoryShare category) {

    public Decisions {
        calm = calm != null ? calm : new Calm(0, 0);
        earlyLooks = earlyLooks != null ? earlyLooks : new EarlyLooks(0, 0, 0);
        notable = notable != null ? notable : new Notable(0, 0, null, 0);
        mergeOther = mergeOther == null || mergeOther;
        category = category != null ? category : new CategoryShare(0);
    }

    public Decisions(Calm calm, EarlyLooks earlyLooks, Notable notable, Boolean mergeOther) {
        this(calm, earlyLooks, notable, mergeOther, null);
    }

    public static final Decisions DEFAULTS = new Decisions(null, null, null, null, null);

    /** {@code value}, or {@code fallback} when it was left out (0); throws when it is out of range. */
    private static double checked(String key, double value, double fallback, boolean inRange, String range) {
        if (value == 0) {
            return fallback;
        }
        if (!inRange) {
            throw new IllegalArgumentException("decisions." + key + ": must be " + range + ", found " + value);
        }
        return value;
    }

    /**
     * A brand is calm while its 15-minute negatives are at most {@code maxRatio} times its baseline, or
     * too few to tell apart from noise (Poisson z below {@code maxZ}).
     */
    public record Calm(double maxRatio, double maxZ) {
        public Calm {
            maxRatio = checked("calm.max-ratio", maxRatio, 1.5, maxRatio > 0, "above 0");
            maxZ = checked("calm.max-z", maxZ, 2.0, maxZ > 0, "above 0");
        }

        public boolean calm(BrandWindow fifteen) {
            return fifteen == null || fifteen.negativeRatio() <= maxRatio || fifteen.negativeZ() < maxZ;
        }
    }

    /**
     * A wave is looked at early once its 15-minute negatives (open minute included) reach
     * {@code minNegatives}, then each time they grow {@code growth} times again; the step comes back
     * down when they fall below {@code resetBelow} of it, so a second wave is looked at early too.
     * A notable mention is always looked at.
     */
    public record EarlyLooks(int minNegatives, double growth, double resetBelow) {
        public EarlyLooks {
            minNegatives = (int) checked("early-looks.min-negatives", minNegatives, 10, minNegatives > 0, "at least 1");
            growth = checked("early-looks.growth", growth, 1.5, growth > 1, "above 1");
            resetBelow = checked("early-looks.reset-below", resetBelow, 1.0 / 3, resetBelow > 0 && resetBelow < 1,
                    "between 0 and 1");
        }
    }

    /**
     * A negative mention is notable (an event the rules see on its own, kept an hour) when its author
     * has {@code followers}, it was shared {@code shares} times, or ({@code keywords}) it names a crisis
     * keyword; at most {@code perMinute} per brand and minute, first come, so a flood cannot fill memory.
     */
    public record Notable(long followers, long shares, Boolean keywords, int perMinute) {
        public Notable {
            followers = (long) checked("notable.followers", followers, 50_000, followers > 0, "at least 1");
            shares = (long) checked("notable.shares", shares, 500, shares > 0, "at least 1");
            keywords = keywords == null || keywords;
            perMinute = (int) checked("notable.per-minute", perMinute, 20, perMinute > 0, "at least 1");
        }
    }

    /**
     * A window's negatives are named by their most frequent category only when it holds at least
     * {@code clearShare} of them (those of no category included); below, the window is "other", which
     * routes it by volume alone and lets it join an open alert (merge-other). A wave whose mix flips between
     * two categories would otherwise open a new alert at every flip.
     */
    public record CategoryShare(double clearShare) {
        public CategoryShare {
            clearShare = checked("category.clear-share", clearShare, 0.4, clearShare > 0 && clearShare <= 1,
                    "above 0 and at most 1");
        }
    }
}
