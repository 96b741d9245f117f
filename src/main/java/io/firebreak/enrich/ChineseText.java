package io.firebreak.enrich;

import com.ibm.icu.text.Transliterator;

/**
 * Chinese script handling shared by scoring and matching: Traditional characters are converted to
 * Simplified (ICU's "Traditional-Simplified" transliterator) so that one lexicon and one set of brand
 * names and crisis terms serve posts from Hong Kong and Taiwan and from the mainland.
 */
public final class ChineseText {

    // a transliterator keeps state while it runs: one per thread
    private static final ThreadLocal<Transliterator> TO_SIMPLIFIED =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));

    private ChineseText() {}

    /** The text with Traditional characters in Simplified; a text without Han characters is returned as is. */
    public static String simplified(String text) {
        return hasHan(text) ? TO_SIMPLIFIED.get().transliterate(text) : text;
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
