package io.firebreak.enrich;

import com.ibm.icu.text.Transliterator;

/**
 * Chinese script handling shared by scoring and matching: Traditional characters are converted to
 * Simplified so that one lexicon and one set of brand names and crisis terms serve posts from Hong Kong
 * and Taiwan and from the mainland. The mapping is ICU's "Traditional-Simplified" transliterator, which
 * maps character by character; it is asked once per character of the Han blocks at start and kept as a
 * table, since running it on every post cost more than segmenting the post.
 */
public final class ChineseText {

    private ChineseText() {}

    /** The table: Traditional char to its Simplified char; 0 where the character stays. */
    private static final class Table {
        static final char[] TO_SIMPLIFIED = build();

        private static char[] build() {
            Transliterator icu = Transliterator.getInstance("Traditional-Simplified");
            char[] table = new char[0x10000];
            for (int c = 0x3400; c < 0x10000; c++) {
                if (!isHan(c)) {
                    continue;
                }
                String simplified = icu.transliterate(String.valueOf((char) c));
                if (simplified.length() == 1 && simplified.charAt(0) != c) {
                    table[c] = simplified.charAt(0);
                }
            }
            return table;
        }
    }

    /** The text with Traditional characters in Simplified; a text without Han characters is returned as is. */
    public static String simplified(String text) {
        char[] table = null;
        char[] out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x3400) {
                continue;
            }
            if (table == null) {
                table = Table.TO_SIMPLIFIED;
            }
            char s = table[c];
            if (s != 0) {
                if (out == null) {
                    out = text.toCharArray();
                }
                out[i] = s;
            }
        }
        return out == null ? text : new String(out);
    }

    /** Whether any character is a Han ideograph (the cheap test that decides whether segmentation is needed). */
    public static boolean hasHan(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x3400 && isHan(c)) {
                return true;
            }
        }
        return false;
    }

    static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }
}
