package io.firebreak.enrich;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chinese terms (in Simplified characters) mapped to values, found in a {@link HanText} segment-aware: a term
 * matches where it begins and ends on the segmenter's word boundaries, whatever the segmenter does inside
 * it (致癌 matches "致|癌" as well as "致癌"), and never inside a longer word (火 is not in 火锅). Terms are
 * stored simplified, so Traditional spellings in config match too.
 */
final class HanPhrases<V> {

    private final Map<String, List<V>> terms = new HashMap<>();
    private int longest;

    /** A match: the value, the term as configured (simplified), and its character span [from, to). */
    @FunctionalInterface
    interface Found<V> {
        void accept(V value, String term, int from, int to);
    }

    /** Whether a configured term belongs here rather than in the whole-word {@link PhraseIndex}. */
    static boolean isHan(String term) {
        return ChineseText.hasHan(term);
    }

    void add(String configured, V value) {
        String term = ChineseText.simplified(configured.strip()).toLowerCase(Locale.ROOT);
        if (term.isEmpty()) {
            throw new IllegalArgumentException("empty term");
        }
        if (term.contains("*")) {
            throw new IllegalArgumentException("a Chinese term is matched on word boundaries and takes no '*': '" + configured + "'");
        }
        terms.computeIfAbsent(term, k -> new ArrayList<>(1)).add(value);
        longest = Math.max(longest, term.length());
    }

    boolean isEmpty() {
        return terms.isEmpty();
    }

    void find(HanText text, Found<V> found) {
        String s = text.text();
        int n = s.length();
        for (int from = text.boundaries().nextSetBit(0); from >= 0 && from < n; from = text.boundaries().nextSetBit(from + 1)) {
            int max = Math.min(n, from + longest);
            for (int to = text.boundaries().nextSetBit(from + 1); to >= 0 && to <= max; to = text.boundaries().nextSetBit(to + 1)) {
                String term = s.substring(from, to).toLowerCase(Locale.ROOT);
                List<V> values = terms.get(term);
                if (values != null) {
                    for (V v : values) {
                        found.accept(v, term, from, to);
                    }
                }
            }
        }
    }
}
