package io.firebreak.detect;

/**
 * One rule's numbers from {@code config/thresholds.yaml}, inserted as a fact so rules hold no literals.
 * Each rule reads the fields it needs; the rest stay 0.
 *
 * @param rule         the rule id this entry belongs to
 * @param span         which window the rule looks at
 * @param minCount     floor: below this many mentions nothing is a crisis, whatever the ratio
 * @param minOriginals floor on negative mentions that are not reshares: one post retweeted a hundred
 *                     times is a viral post, not a hundred people complaining
 * @param minReshares  floor on negative reshares
 * @param ratio        at least this many times the baseline
 * @param minZ         at least this Poisson (or binomial) z
 * @param minShare     negative share at least this
 * @param shift        negative share at least this far above the baseline share (negative-share-shift); for
 *                     volume-spike, at most this far: a spike whose tone turns negative is the negative rules' to tell
 * @param minFollowers author followers at least this
 * @param minVelocity  shares per minute at least this
 * @param sev2         from here on the signal is SEV2
 * @param sev1         from here on it is SEV1
 */
public record Thresholds(
        String rule,
        String span,
        long minCount,
        long minOriginals,
        long minReshares,
        double ratio,
        double minZ,
        double minShare,
        double shift,
        long minFollowers,
        double minVelocity,
        Step sev2,
        Step sev1) {

    /** A severity step: reached when both the count and the rule's measure are at least these. */
    public record Step(long count, double measure) {
        boolean reached(long c, double m) {
            return c >= count && m >= measure;
        }
    }

    public Severity severityFor(long count, double measure) {
        if (sev1 != null && sev1.reached(count, measure)) {
            return Severity.SEV1;
        }
        if (sev2 != null && sev2.reached(count, measure)) {
            return Severity.SEV2;
        }
        return Severity.SEV3;
    }
}
