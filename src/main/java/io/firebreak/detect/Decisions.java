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
 */
public record Decisions(Calm calm, EarlyLooks earlyLooks, Notable notable, Boolean mergeOther) {

    public Decisions {
        calm = calm != null ? calm : new Calm(0, 0);
        earlyLooks = earlyLooks != null ? earlyLooks : new EarlyLooks(0, 0, 0);
        notable = notable != null ? notable : new Notable(0, 0, null, 0);
        mergeOther = mergeOther == null || mergeOther;
    }

    public static final Decisions DEFAULTS = new Decisions(null, null, null, null);

    /**
     * A brand is calm while its 15-minute negatives are at most {@code maxRatio} times its baseline, or
     * too few to tell apart from noise (Poisson z below {@code maxZ}).
     */
    public record Calm(double maxRatio, double maxZ) {
        public Calm {
            maxRatio = maxRatio > 0 ? maxRatio : 1.5;
            maxZ = maxZ > 0 ? maxZ : 2.0;
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
            minNegatives = minNegatives > 0 ? minNegatives : 10;
            growth = growth > 1 ? growth : 1.5;
            resetBelow = resetBelow > 0 && resetBelow < 1 ? resetBelow : 1.0 / 3;
        }
    }

    /**
     * A negative mention is notable (an event the rules see on its own, kept an hour) when its author
     * has {@code followers}, it was shared {@code shares} times, or ({@code keywords}) it names a crisis
     * keyword; at most {@code perMinute} per brand and minute, first come, so a flood cannot fill memory.
     */
    public record Notable(long followers, long shares, Boolean keywords, int perMinute) {
        public Notable {
            followers = followers > 0 ? followers : 50_000;
            shares = shares > 0 ? shares : 500;
            keywords = keywords == null || keywords;
            perMinute = perMinute > 0 ? perMinute : 20;
        }
    }
}
