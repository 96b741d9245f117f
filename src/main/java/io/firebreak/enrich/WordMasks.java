package io.firebreak.enrich;

import java.util.Map;

/**
 * Lower-case words mapped to bit masks, looked up straight from a span of a text: the span is
 * lower-cased (and a curly apostrophe read as a straight one) while it is hashed and compared, so
 * the language scan asks about every word of every mention without making a string of it.
 */
final class WordMasks {

    private final String[] keys;
    private final int[] masks;
    private final int slotMask;

    WordMasks(Map<String, Integer> words) {
        int capacity = Integer.highestOneBit(Math.max(4, words.size() * 2) - 1) << 1;
        keys = new String[capacity];
        masks = new int[capacity];
        slotMask = capacity - 1;
        words.forEach((word, mask) -> {
            int slot = spread(word.hashCode()) & slotMask;
            while (keys[slot] != null) {
                slot = (slot + 1) & slotMask;
            }
            keys[slot] = word;
            masks[slot] = mask;
        });
    }

    /** The mask of {@code text[from, to)} read in lower case, or 0 when the word is not here. */
    int get(String text, int from, int to) {
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + fold(text.charAt(i));
        }
        for (int slot = spread(hash) & slotMask; keys[slot] != null; slot = (slot + 1) & slotMask) {
            if (matches(keys[slot], text, from, to)) {
                return masks[slot];
            }
        }
        return 0;
    }

    private static boolean matches(String key, String text, int from, int to) {
        if (key.length() != to - from) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (key.charAt(i - from) != fold(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static char fold(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return c == '’' ? '\'' : Character.toLowerCase(c);
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
