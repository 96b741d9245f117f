package io.firebreak.detect;

import java.util.List;

/**
 * Raw counts of one brand over one span, summed from minute buckets.
 *
 * @param count              all mentions
 * @param negative           negative mentions
 * @param reshares           mentions that are reshares of another post
 * @param negativeReshares   negative mentions that are reshares
 * @param keyword            negative mentions naming a crisis keyword
 * @param reach              followers of the negative mentions' authors
 * @param negativeCategory   the category most negative mentions fall in ("other" when none)
 * @param keywordCategory    the category of most crisis keywords ("other" when none)
 * @param topMentions        ids of the most-followed negative authors' mentions
 * @param topTerms           category terms of those mentions
 */
public record WindowCounts(
        long count,
        long negative,
        long reshares,
        long negativeReshares,
        long keyword,
        long reach,
        String negativeCategory,
        String keywordCategory,
        List<String> topMentions,
        List<String> topTerms) {

    static final WindowCounts EMPTY = new WindowCounts(0, 0, 0, 0, 0, 0, "other", "other", List.of(), List.of());
}
