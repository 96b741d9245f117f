package io.firebreak.enrich;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whole-word phrases (one or more normalised tokens) and stems ("injur*") mapped to values, found
 * in a text in one pass: each token is looked up, and longer phrases are only tried where one starts,
 * so the cost does not grow with the number of phrases.
 */
final class PhraseIndex<V> {

    private static final int STEM_KEY = 3;

    // one lookup per token answers both "is this word a term" and "does a longer phrase start here"
    private final Map<String, Word<V>> words = new HashMap<>();
    private final Map<String, List<V>> phrases = new HashMap<>();
    // keyed by the stem's first three letters packed in a long: a token is asked without a substring
    private final Long2ObjectOpenHashMap<List<Stem<V>>> stemsByKey = new Long2ObjectOpenHashMap<>();
    private int longest = 1;

    private record Stem<V>(String prefix, V value) {}

    /** What one token can be: a term on its own, and the first word of longer phrases. */
    private static final class Word<V> {
        final List<V> alone = new ArrayList<>(1);
        boolean startsPhrase;
    }

    /** A match: the value, the normalised words that matched, and their token span [from, to). */
    @FunctionalInterface
    interface Found<V> {
        void accept(V value, String words, int from, int to);
    }

    /** Adds a phrase; a single word ending in '*' is a stem of at least {@value #STEM_KEY} letters. */
    void add(String configured, V value) {
        String trimmed = configured.strip();
        if (trimmed.endsWith("*")) {
            List<String> words = Tokens.phrase(trimmed.substring(0, trimmed.length() - 1));
            if (words.size() != 1 || words.get(0).length() < STEM_KEY) {
                throw new IllegalArgumentException("a stem must be one word of at least " + STEM_KEY
                        + " letters followed by '*': '" + configured + "'");
            }
            String prefix = words.get(0);
            stemsByKey.computeIfAbsent(stemKey(prefix), k -> new ArrayList<>()).add(new Stem<>(prefix, value));
            return;
        }
        List<String> words = Tokens.phrase(trimmed);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("no words in '" + configured + "'");
        }
        Word<V> first = this.words.computeIfAbsent(words.get(0), k -> new Word<>());
        if (words.size() == 1) {
            first.alone.add(value);
        } else {
            phrases.computeIfAbsent(String.join(" ", words), k -> new ArrayList<>()).add(value);
            first.startsPhrase = true;
            longest = Math.max(longest, words.size());
        }
    }

    private static long stemKey(String word) {
        return ((long) word.charAt(0) << 32) | ((long) word.charAt(1) << 16) | word.charAt(2);
    }

    /** Calls {@code found} with each value whose phrase or stem occurs, and the words that matched. */
    void find(Tokens tokens, Found<V> found) {
        int n = tokens.size();
        for (int i = 0; i < n; i++) {
            String token = tokens.get(i);
            Word<V> word = words.get(token);
            if (word != null) {
                for (V v : word.alone) {
                    found.accept(v, token, i, i + 1);
                }
            }
            if (token.length() >= STEM_KEY) {
                List<Stem<V>> stems = stemsByKey.get(stemKey(token));
                if (stems != null) {
                    for (Stem<V> stem : stems) {
                        if (token.startsWith(stem.prefix())) {
                            found.accept(stem.value(), token, i, i + 1);
                        }
                    }
                }
            }
            if (word != null && word.startsPhrase) {
                StringBuilder phrase = new StringBuilder(token);
                for (int len = 2; len <= longest && i + len <= n; len++) {
                    phrase.append(' ').append(tokens.get(i + len - 1));
                    List<V> values = phrases.get(phrase.toString());
                    if (values != null) {
                        for (V v : values) {
                            found.accept(v, phrase.toString(), i, i + len);
                        }
                    }
                }
            }
        }
    }
}
