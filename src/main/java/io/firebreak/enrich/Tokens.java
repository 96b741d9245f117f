package io.firebreak.enrich;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A text cut once into lower-case, accent-free tokens for brand and category lookup: words,
 * {@code @handles} and {@code #hashtags}. Links are dropped so their paths cannot match.
 */
public final class Tokens {

    private final String[] tokens;

    private Tokens(String[] tokens) {
        this.tokens = tokens;
    }

    public static Tokens of(String text) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if ((c == 'h' || c == 'H' || c == 'w') && isLinkStart(text, i)) {
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                continue;
            }
            boolean marker = (c == '@' || c == '#') && i + 1 < n && isWordChar(text.charAt(i + 1));
            if (marker || isWordChar(c)) {
                int start = i;
                i = marker ? i + 1 : i;
                while (i < n && (isWordChar(text.charAt(i)) || isInvisible(text.charAt(i)))) {
                    i++;
                }
                String token = normalize(text, start, i);
                if (!token.isEmpty()) {
                    out.add(token);
                }
            } else {
                i++;
            }
        }
        return new Tokens(out.toArray(new String[0]));
    }

    public int size() {
        return tokens.length;
    }

    public String get(int i) {
        return tokens[i];
    }

    /** Normalises a configured phrase the way text is, so both sides meet: "Café Nero" -> ["cafe", "nero"]. */
    public static List<String> phrase(String configured) {
        return List.of(of(configured).tokens);
    }

    private static boolean isLinkStart(String text, int i) {
        // most words starting with h or w are not links: one more letter settles it before the region compares
        char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
        if (next != 't' && next != 'T' && next != 'w') {
            return false;
        }
        return text.regionMatches(true, i, "http://", 0, 7) || text.regionMatches(true, i, "https://", 0, 8)
                || text.startsWith("www.", i);
    }

    private static boolean isWordChar(char c) {
        // '_' belongs to handles and hashtags (@Acme_Air); surrogates keep non-BMP letters in one piece
        return Character.isLetterOrDigit(c) || c == '_' || Character.isSurrogate(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    /**
     * Zero-width and bidi formatting characters (Unicode category Cf: U+200B-U+200F, U+202A-U+202E, U+2060-U+2064,
     * U+2066-U+2069, U+00AD, U+FEFF ...) show nothing: inside a word they are read through and dropped, so
     * "Ac\u200Bme" is still Acme and an invisible character cannot hide a brand from its watchers.
     */
    private static boolean isInvisible(char c) {
        return c >= 0x80 && Character.getType(c) == Character.FORMAT;
    }

    private static String asciiLowerCase(String text, int from, int to) {
        byte[] lower = new byte[to - from];
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            lower[i - from] = (byte) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        }
        return new String(lower, StandardCharsets.ISO_8859_1);
    }

    private static String normalize(String text, int from, int to) {
        boolean ascii = true;
        boolean upper = false;
        for (int i = from; i < to && ascii; i++) {
            char c = text.charAt(i);
            ascii = c < 0x80;
            upper |= c >= 'A' && c <= 'Z';
        }
        if (ascii) {
            // one string per token, not a substring and then its lower-case copy
            return upper ? asciiLowerCase(text, from, to) : text.substring(from, to);
        }
        String token = text.substring(from, to).toLowerCase(Locale.ROOT);
        // accents folded: "Citroën" and "citroen" are the same word to a brand watcher
        String decomposed = Normalizer.normalize(token, Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            int type = Character.getType(c);
            if (type == Character.SURROGATE && Character.isHighSurrogate(c) && i + 1 < decomposed.length()
                    && Character.getType(decomposed.codePointAt(i)) == Character.FORMAT) {
                i++; // an invisible tag character (U+E0000-U+E007F): dropped like the others
                continue;
            }
            if (type != Character.NON_SPACING_MARK && type != Character.FORMAT) {
                folded.append(c);
            }
        }
        return folded.toString();
    }
}
