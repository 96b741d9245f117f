package io.firebreak.detect;

import java.util.List;

/**
 * Why a rule fired: the window it read, its counts next to the baseline, and the mentions and terms
 * a reader checks first. The {@code evidence} object of Alert v1.
 */
public record Evidence(
        String window,
        long count,
        long negativeCount,
        double baseline,
        double ratio,
        double negativeShare,
        long reach,
        List<String> topMentions,
        List<String> topTerms) {
    public Evidence {
        topMentions = topMentions == null ? List.of() : List.copyOf(topMentions);
        topTerms = topTerms == null ? List.of() : List.copyOf(topTerms);
    }
}
