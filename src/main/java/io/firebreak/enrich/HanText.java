package io.firebreak.enrich;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * A Chinese text in Simplified characters cut into words by Lucene's smartcn segmenter (a hidden Markov
 * model over its own dictionary, offline): Chinese has no spaces, so a term "matches" only where the
 * segmenter puts a word boundary both before and after it; 火 (fire) is not found in 火锅 (hot pot).
 *
 * @param text     the text in Simplified characters, the offsets' reference
 * @param words    the words in order (punctuation as a word of its own, shown as ","); Latin words lower-cased
 * @param starts   each word's start offset in {@code text}
 */
public record HanText(String text, List<String> words, int[] starts, BitSet boundaries) {

    /** Segments a text (converted to Simplified first). */
    public static HanText of(String text) {
        return ofSimplified(ChineseText.simplified(text));
    }

    /** Segments a text already in Simplified characters. */
    public static HanText ofSimplified(String simplified) {
        List<String> words = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        BitSet boundaries = new BitSet(simplified.length() + 1);
        // a tokenizer is cheap next to its dictionaries, which smartcn loads once and shares
        try (HMMChineseTokenizer tokenizer = new HMMChineseTokenizer()) {
            tokenizer.setReader(new StringReader(simplified));
            CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                words.add(term.toString());
                starts.add(offset.startOffset());
                boundaries.set(offset.startOffset());
                boundaries.set(offset.endOffset());
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException("segmenting a string cannot fail on I/O", e);
        }
        return new HanText(simplified, List.copyOf(words), starts.stream().mapToInt(Integer::intValue).toArray(), boundaries);
    }

    /** The words worth indexing: no punctuation, no single characters (的, 了, 我 say nothing of a wave). */
    public List<String> indexWords() {
        List<String> out = new ArrayList<>(words.size());
        for (String w : words) {
            if (w.length() > 1 && !isPunctuation(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /** Whether a word starts or ends at this offset (so a term may begin or end here). */
    public boolean boundary(int offset) {
        return boundaries.get(offset);
    }

    /** Whether the word is punctuation (smartcn writes every punctuation mark as ","), which ends a clause. */
    static boolean isPunctuation(String word) {
        return word.length() == 1 && !Character.isLetterOrDigit(word.charAt(0));
    }
}
