package io.firebreak.detect;

import java.util.List;

/** What a rule concludes: this brand may be in a crisis of this category and severity, and why. */
public record CrisisSignal(String rule, String brand, String category, Severity severity, Evidence evidence) {

    public static CrisisSignal of(String rule, BrandWindow w, Severity severity) {
        return of(rule, w, w.category(), severity);
    }

    public static CrisisSignal of(String rule, BrandWindow w, String category, Severity severity) {
        // a volume rule is about all mentions; every other window rule about the negative ones
        boolean volume = "volume-spike".equals(rule);
        return new CrisisSignal(rule, w.brand(), category, severity, new Evidence(
                w.span(), w.count(), w.negativeCount(),
                round(volume ? w.expectedCount() : w.expectedNegative()),
                round(volume ? w.ratio() : w.negativeRatio()),
                round(w.negativeShare()), w.reach(), w.topMentions(), w.topTerms()));
    }

    public static CrisisSignal of(String rule, NotableMention m, Severity severity) {
        return new CrisisSignal(rule, m.brand(), m.category(), severity, new Evidence(
                "post", 1, 1, 0, round(m.shareVelocity()), 1.0, m.followers(), List.of(m.key()), m.terms()));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
