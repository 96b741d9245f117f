package io.firebreak.detect;

import java.util.List;

/**
 * The fact rules reason over: one brand's counts over one span next to what its baseline expects.
 * There is one per brand and span, updated each event-time minute. It carries no timestamp on purpose:
 * a window that did not change is not re-evaluated.
 *
 * @param span                  "5m", "15m" or "60m"
 * @param negativeOriginals     negative mentions that are not reshares: how many distinct voices complain
 * @param negativeReshares      negative mentions that are reshares: how far a few complaints travel
 * @param reach                 followers of the negative mentions' authors
 * @param shareVelocity         reshares per minute
 * @param baselineNegativeShare expected negative share from the baseline
 * @param shareShift            how far the negative share is above the baseline share
 * @param ratio                 count / expected (expected floored, see {@link #of})
 * @param zScore                Poisson-style z of count against expected
 * @param shareZ                binomial z of the negative share against the baseline share
 * @param category              category most negative mentions fall in
 * @param keywordCategory       category of most crisis keywords
 * @param warmingUp             too little history: spike rules must not fire
 */
public record BrandWindow(
        String brand,
        String span,
        long count,
        long negativeCount,
        long negativeOriginals,
        long negativeReshares,
        long keywordCount,
        long reach,
        double negativeShare,
        double shareVelocity,
        double expectedCount,
        double expectedNegative,
        double expectedKeyword,
        double baselineNegativeShare,
        double shareShift,
        double ratio,
        double negativeRatio,
        double keywordRatio,
        double zScore,
        double negativeZ,
        double keywordZ,
        double shareZ,
        String category,
        String keywordCategory,
        boolean warmingUp,
        List<String> topMentions,
        List<String> topTerms) {

    // below this an expectation is "practically nothing": ratios stay finite, floors in the rules do the rest
    private static final double MIN_EXPECTED = 0.1;

    static BrandWindow of(String brand, Span span, WindowCounts c,
                          double expectedCount, double expectedNegative, double expectedKeyword, boolean warmingUp) {
        double share = c.count() == 0 ? 0 : (double) c.negative() / c.count();
        double baseShare = expectedCount > 0 ? Math.min(1, expectedNegative / expectedCount) : 0;
        return new BrandWindow(brand, span.id(), c.count(), c.negative(), c.negative() - c.negativeReshares(),
                c.negativeReshares(), c.keyword(), c.reach(),
                share, (double) c.reshares() / span.minutes(),
                expectedCount, expectedNegative, expectedKeyword, baseShare, share - baseShare,
                c.count() / Math.max(expectedCount, MIN_EXPECTED),
                c.negative() / Math.max(expectedNegative, MIN_EXPECTED),
                c.keyword() / Math.max(expectedKeyword, MIN_EXPECTED),
                poissonZ(c.count(), expectedCount),
                poissonZ(c.negative(), expectedNegative),
                poissonZ(c.keyword(), expectedKeyword),
                binomialZ(share, baseShare, c.count()),
                c.negativeCategory(), c.keywordCategory(), warmingUp, c.topMentions(), c.topTerms());
    }

    /** (observed - expected) / sqrt(expected + 1): the +1 keeps a near-empty baseline from dividing by ~0. */
    static double poissonZ(long observed, double expected) {
        return (observed - expected) / Math.sqrt(expected + 1);
    }

    static double binomialZ(double share, double baseShare, long n) {
        if (n == 0) {
            return 0;
        }
        double p0 = Math.min(0.98, Math.max(0.02, baseShare));
        return (share - p0) / Math.sqrt(p0 * (1 - p0) / n);
    }
}
