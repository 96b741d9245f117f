package io.firebreak.enrich;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * How the English scorer reads a social post before scoring it: emoji replaced by their descriptions
 * (marked as symbols), VADER's white-space words with punctuation stripped, handles and links dropped,
 * hashtags read as words, emoticons split off words, elongations shortened and flagged.
 */
final class SentimentText {

    // marks the words an emoji was replaced by, so that words before it cannot negate or boost it
    private static final char SYMBOL_MARK = '\uE000';

    private final Map<String, Double> lexicon;
    private final Map<String, String> emoji;
    private final int longestEmoji;
    // first code points of all emoji, sorted, so accented letters cost one binary search, not one lookup per
    // possible length; an int[] rather than a Set<Integer>, which boxed every code point looked up
    private final int[] emojiStarts;
    private final Predicate<String> known;

    /** {@code known}: words the scorer has a rule for (lexicon, boosters, negations), for elongations. */
    SentimentText(Map<String, Double> lexicon, Map<String, String> emoji, Predicate<String> known) {
        this.lexicon = lexicon;
        Map<String, String> marked = new HashMap<>();
        emoji.forEach((e, description) -> marked.put(e, SYMBOL_MARK + description.replace(" ", " " + SYMBOL_MARK)));
        // a HashMap: Map.copyOf probes linearly through colliding slots, and this table has thousands of entries
        this.emoji = marked;
        this.longestEmoji = emoji.keySet().stream().mapToInt(String::length).max().orElse(1);
        this.emojiStarts = emoji.keySet().stream().mapToInt(e -> e.codePointAt(0)).distinct().sorted().toArray();
        this.known = known;
    }

    /** Curly apostrophes and the HTML entities tweets arrive with, so "don’t" negates and "&lt;3" is a heart. */
    private static String clean(String text) {
        if (text.indexOf('’') < 0 && text.indexOf('&') < 0) {
            return text;
        }
        return text.replace('’', '\'').replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'");
    }

    /**
     * Replaces each emoji by its description, longest sequence first ("👍🏽" is one emoji); a variation
     * selector, joiner or skin tone left over adds nothing and is dropped.
     */
    private String describeEmoji(String text) {
        StringBuilder out = null;
        boolean prevSpace = true;
        int n = text.length();
        for (int i = 0; i < n; ) {
            int cp = text.codePointAt(i);
            int len = Character.charCount(cp);
            String description = null;
            int matched = len;
            if (cp >= 0xA9 && Arrays.binarySearch(emojiStarts, cp) >= 0) {
                for (int l = Math.min(longestEmoji, n - i); l >= len && description == null; l--) {
                    description = emoji.get(text.substring(i, i + l));
                    matched = l;
                }
            }
            boolean modifier = cp == 0xFE0F || cp == 0x200D || (cp >= 0x1F3FB && cp <= 0x1F3FF);
            if (description != null || modifier) {
                if (out == null) {
                    out = new StringBuilder(n + 32).append(text, 0, i);
                }
                if (description != null) {
                    if (!prevSpace) {
                        out.append(' ');
                    }
                    out.append(description).append(' ');
                    prevSpace = true;
                }
                i += description != null ? matched : len;
                continue;
            }
            if (out != null) {
                out.appendCodePoint(cp);
            }
            prevSpace = cp == ' ';
            i += len;
        }
        return out == null ? text : out.toString();
    }

    /** The scored words of a text with their lower-case forms, and the punctuation that adds emphasis. */
    record Words(String[] original, String[] lower, boolean[] elongated, boolean[] symbol,
                         int exclamations, int questions) {
        int size() {
            return original.length;
        }
    }

    /**
     * Splits on white space as VADER does; @handles and links are dropped (a handle like "@united" or a
     * link's path is not an opinion, and a link's "?" is not a question), "#great" reads as "great", and an
     * elongated word not in the lexicon is read in its short form and marked as emphasised.
     */
    Words words(String raw) {
        String text = describeEmoji(clean(raw));
        ArrayList<String> kept = new ArrayList<>();
        int exclamations = 0;
        int questions = 0;
        int n = text.length();
        int start = -1;
        for (int i = 0; i <= n; i++) {
            boolean space = i == n || Character.isWhitespace(text.charAt(i)) || Character.isSpaceChar(text.charAt(i));
            if (space && start >= 0) {
                String token = text.substring(start, i);
                if (!isHandleOrLink(token)) {
                    for (int k = 0; k < token.length(); k++) {
                        char c = token.charAt(k);
                        exclamations += c == '!' ? 1 : 0;
                        questions += c == '?' ? 1 : 0;
                    }
                    if (token.length() > 1 && token.charAt(0) == '#' && Character.isLetter(token.charAt(1))) {
                        token = token.substring(1);
                    }
                    int emoticon = trailingEmoticon(token);
                    if (emoticon > 0) {
                        kept.add(stripPunctuationIfWord(token.substring(0, emoticon)));
                        kept.add(token.substring(emoticon));
                    } else {
                        kept.add(stripPunctuationIfWord(token));
                    }
                }
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        int size = kept.size();
        String[] original = new String[size];
        String[] lower = new String[size];
        boolean[] elongated = new boolean[size];
        boolean[] symbol = new boolean[size];
        for (int i = 0; i < size; i++) {
            String word = kept.get(i);
            if (word.indexOf(SYMBOL_MARK) >= 0) {
                symbol[i] = true;
                word = word.replace(String.valueOf(SYMBOL_MARK), "");
            }
            String low = word.toLowerCase(Locale.ROOT);
            symbol[i] |= isEmoticon(low);
            // the letter-run test first: it is cheap and rarely true, the lookup is neither
            if (hasLetterRun(low) && !known.test(low)) {
                String shortForm = shortForm(low);
                if (shortForm != null) {
                    elongated[i] = true;
                    word = shortForm;
                    low = shortForm;
                }
            }
            original[i] = word;
            lower[i] = low;
        }
        return new Words(original, lower, elongated, symbol, exclamations, questions);
    }

    /**
     * Where an emoticon glued to a word starts ("thanks:)" -> 6), or -1: stripping punctuation would
     * otherwise throw the emoticon away with it.
     */
    private int trailingEmoticon(String token) {
        for (int k = 3; k >= 2; k--) {
            int at = token.length() - k;
            char first = at > 0 ? token.charAt(at) : ' ';
            // "(:" and "):" after a word are more often a closing bracket and a colon
            if (at > 0 && isAsciiPunctuation(first) && first != '(' && first != ')' && Character.isLetter(token.charAt(0))
                    && lexicon.containsKey(token.substring(at).toLowerCase(Locale.ROOT))) {
                return at;
            }
        }
        return -1;
    }

    /** A lexicon entry of at most four characters with punctuation and at most two letters: ":)", ":-p", "</3". */
    private boolean isEmoticon(String low) {
        if (low.length() > 4) {
            return false;
        }
        int letters = 0;
        boolean punctuation = false;
        for (int k = 0; k < low.length(); k++) {
            char c = low.charAt(k);
            letters += Character.isLetter(c) ? 1 : 0;
            punctuation |= isAsciiPunctuation(c);
        }
        // the shape first, the lexicon only for the few short tokens with punctuation in them
        return punctuation && letters <= 2 && lexicon.containsKey(low);
    }

    private static boolean isHandleOrLink(String token) {
        return (token.length() > 1 && token.charAt(0) == '@' && Character.isLetterOrDigit(token.charAt(1)))
                || token.startsWith("http://") || token.startsWith("https://") || token.startsWith("www.");
    }

    private static boolean hasLetterRun(String word) {
        for (int i = 2; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLetter(c) && c == word.charAt(i - 1) && c == word.charAt(i - 2)) {
                return true;
            }
        }
        return false;
    }

    /** "gooood" -> "good", "sooooo" -> "so", "nooooope" -> "nope": runs of 3+ cut to two, then to one. */
    private String shortForm(String word) {
        String two = collapseRuns(word, 2);
        if (known.test(two)) {
            return two;
        }
        String one = collapseRuns(word, 1);
        return known.test(one) ? one : null;
    }

    private static String collapseRuns(String word, int keep) {
        StringBuilder out = new StringBuilder(word.length());
        int run = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            run = i > 0 && c == word.charAt(i - 1) ? run + 1 : 1;
            if (run <= keep || !Character.isLetter(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Strips ASCII punctuation around a word, but keeps short tokens whole so emoticons like ":)" survive. */
    private static String stripPunctuationIfWord(String token) {
        int from = 0;
        int to = token.length();
        while (from < to && isAsciiPunctuation(token.charAt(from))) {
            from++;
        }
        while (to > from && isAsciiPunctuation(token.charAt(to - 1))) {
            to--;
        }
        return token.codePointCount(from, to) <= 2 ? token : token.substring(from, to);
    }

    private static boolean isAsciiPunctuation(char c) {
        return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
    }
}
