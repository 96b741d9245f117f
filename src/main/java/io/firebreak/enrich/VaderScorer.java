package io.firebreak.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * English sentiment after VADER (Hutto &amp; Gilbert, ICWSM-14): a port of vaderSentiment 3.3.2's
 * compound score with its lexicon and emoji lexicon, rules for negation, boosters, "but", ALL CAPS
 * and punctuation, normalised with alpha = 15.
 */
public final class VaderScorer implements SentimentScorer {

    // empirically derived constants from the VADER paper
    private static final double B_INCR = 0.293;
    private static final double B_DECR = -0.293;
    private static final double C_INCR = 0.733;
    private static final double N_SCALAR = -0.74;
    private static final double ALPHA = 15;

    private static final Set<String> NEGATE = Set.of(
            "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
            "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
            "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
            "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
            "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
            "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
            "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
            "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite");

    private static final Map<String, Double> BOOSTERS = boosters();

    private static final Map<String, Double> SPECIAL_CASES = Map.of(
            "the shit", 3.0, "the bomb", 3.0, "bad ass", 1.5, "badass", 1.5, "bus stop", 0.0,
            "yeah right", -2.0, "kiss of death", -1.5, "to die for", 3.0,
            "beating heart", 3.1, "broken heart", -2.9);

    private final Map<String, Double> lexicon;
    private final Map<String, String> emoji;

    VaderScorer(Map<String, Double> lexicon, Map<String, String> emoji) {
        this.lexicon = Map.copyOf(lexicon);
        this.emoji = Map.copyOf(emoji);
    }

    /** The shipped lexicons from {@code src/main/resources/sentiment}. */
    public static VaderScorer english() {
        Map<String, Double> lexicon = new HashMap<>();
        readTabbed("sentiment/vader_lexicon.txt", (k, v) -> lexicon.put(k, Double.parseDouble(v)));
        Map<String, String> emoji = new HashMap<>();
        readTabbed("sentiment/emoji_utf8_lexicon.txt", emoji::put);
        return new VaderScorer(lexicon, emoji);
    }

    @Override
    public double score(String text) {
        String plain = describeEmoji(text);
        String[] words = words(plain);
        int n = words.length;
        if (n == 0) {
            return 0;
        }
        String[] lower = new String[n];
        for (int i = 0; i < n; i++) {
            lower[i] = words[i].toLowerCase(java.util.Locale.ROOT);
        }
        boolean capDiff = capDifferential(words);
        double[] sentiments = new double[n];
        for (int i = 0; i < n; i++) {
            // booster words and "kind of" modify their neighbours and carry no valence themselves
            if (BOOSTERS.containsKey(lower[i])
                    || (i < n - 1 && lower[i].equals("kind") && lower[i + 1].equals("of"))) {
                continue;
            }
            sentiments[i] = valence(words, lower, i, capDiff);
        }
        butCheck(lower, sentiments);
        double sum = 0;
        for (double s : sentiments) {
            sum += s;
        }
        double emphasis = punctuationEmphasis(plain);
        if (sum > 0) {
            sum += emphasis;
        } else if (sum < 0) {
            sum -= emphasis;
        }
        return normalize(sum);
    }

    private double valence(String[] words, String[] lower, int i, boolean capDiff) {
        Double lex = lexicon.get(lower[i]);
        if (lex == null) {
            return 0;
        }
        int n = words.length;
        double valence = lex;
        // "no" before a lexicon word negates that word instead of counting as negative itself
        if (lower[i].equals("no") && i != n - 1 && lexicon.containsKey(lower[i + 1])) {
            valence = 0;
        }
        if ((i > 0 && lower[i - 1].equals("no"))
                || (i > 1 && lower[i - 2].equals("no"))
                || (i > 2 && lower[i - 3].equals("no") && (lower[i - 1].equals("or") || lower[i - 1].equals("nor")))) {
            valence = lex * N_SCALAR;
        }
        if (capDiff && isUpper(words[i])) {
            valence += valence > 0 ? C_INCR : -C_INCR;
        }
        for (int start = 0; start < 3; start++) {
            int j = i - (start + 1);
            if (i > start && !lexicon.containsKey(lower[j])) {
                double s = scalar(words[j], lower[j], valence, capDiff);
                if (start == 1) {
                    s *= 0.95;
                } else if (start == 2) {
                    s *= 0.9;
                }
                valence += s;
                valence = negationCheck(valence, lower, start, i);
                if (start == 2) {
                    valence = specialIdioms(valence, lower, i);
                }
            }
        }
        return leastCheck(valence, lower, i);
    }

    private static double scalar(String word, String lower, double valence, boolean capDiff) {
        Double boost = BOOSTERS.get(lower);
        if (boost == null) {
            return 0;
        }
        double scalar = valence < 0 ? -boost : boost;
        if (capDiff && isUpper(word)) {
            scalar += valence > 0 ? C_INCR : -C_INCR;
        }
        return scalar;
    }

    private static double negationCheck(double valence, String[] lower, int start, int i) {
        if (start == 0) {
            return negated(lower[i - 1]) ? valence * N_SCALAR : valence;
        }
        if (start == 1) {
            if (lower[i - 2].equals("never") && (lower[i - 1].equals("so") || lower[i - 1].equals("this"))) {
                return valence * 1.25;
            }
            if (lower[i - 2].equals("without") && lower[i - 1].equals("doubt")) {
                return valence;
            }
            return negated(lower[i - 2]) ? valence * N_SCALAR : valence;
        }
        // vaderSentiment's operator precedence: "so"/"this" right before the word also counts here
        if ((lower[i - 3].equals("never") && (lower[i - 2].equals("so") || lower[i - 2].equals("this")))
                || lower[i - 1].equals("so") || lower[i - 1].equals("this")) {
            return valence * 1.25;
        }
        if (lower[i - 3].equals("without") && (lower[i - 2].equals("doubt") || lower[i - 1].equals("doubt"))) {
            return valence;
        }
        return negated(lower[i - 3]) ? valence * N_SCALAR : valence;
    }

    private static boolean negated(String lowerWord) {
        return NEGATE.contains(lowerWord) || lowerWord.contains("n't");
    }

    private static double specialIdioms(double valence, String[] lower, int i) {
        String oneZero = lower[i - 1] + " " + lower[i];
        String twoOneZero = lower[i - 2] + " " + oneZero;
        String twoOne = lower[i - 2] + " " + lower[i - 1];
        String threeTwoOne = lower[i - 3] + " " + twoOne;
        String threeTwo = lower[i - 3] + " " + lower[i - 2];
        for (String seq : new String[] {oneZero, twoOneZero, twoOne, threeTwoOne, threeTwo}) {
            Double special = SPECIAL_CASES.get(seq);
            if (special != null) {
                valence = special;
                break;
            }
        }
        int n = lower.length;
        if (n - 1 > i) {
            Double special = SPECIAL_CASES.get(lower[i] + " " + lower[i + 1]);
            if (special != null) {
                valence = special;
            }
        }
        if (n - 1 > i + 1) {
            Double special = SPECIAL_CASES.get(lower[i] + " " + lower[i + 1] + " " + lower[i + 2]);
            if (special != null) {
                valence = special;
            }
        }
        for (String seq : new String[] {threeTwoOne, threeTwo, twoOne}) {
            Double boost = BOOSTERS.get(seq);
            if (boost != null) {
                valence += boost;
            }
        }
        return valence;
    }

    private static double leastCheck(double valence, String[] lower, int i) {
        if (i > 0 && lower[i - 1].equals("least")) {
            boolean atOrVeryLeast = i > 1 && (lower[i - 2].equals("at") || lower[i - 2].equals("very"));
            return atOrVeryLeast ? valence : valence * N_SCALAR;
        }
        return valence;
    }

    /** Words after "but" weigh 1.5, words before it 0.5: the clause after "but" carries the opinion. */
    private static void butCheck(String[] lower, double[] sentiments) {
        int but = -1;
        for (int i = 0; i < lower.length; i++) {
            if (lower[i].equals("but")) {
                but = i;
                break;
            }
        }
        if (but < 0) {
            return;
        }
        for (int i = 0; i < sentiments.length; i++) {
            if (i < but) {
                sentiments[i] *= 0.5;
            } else if (i > but) {
                sentiments[i] *= 1.5;
            }
        }
    }

    private static double punctuationEmphasis(String text) {
        int exclamations = 0;
        int questions = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '!') {
                exclamations++;
            } else if (c == '?') {
                questions++;
            }
        }
        double emphasis = Math.min(exclamations, 4) * 0.292;
        if (questions > 1) {
            emphasis += questions <= 3 ? questions * 0.18 : 0.96;
        }
        return emphasis;
    }

    static double normalize(double score) {
        double norm = score / Math.sqrt(score * score + ALPHA);
        return Math.max(-1, Math.min(1, norm));
    }

    private String describeEmoji(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        boolean prevSpace = true;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int len = Character.charCount(cp);
            String description = cp < 0x80 ? null : emoji.get(text.substring(i, i + len));
            if (description != null) {
                if (!prevSpace) {
                    out.append(' ');
                }
                out.append(description);
                prevSpace = false;
            } else {
                out.appendCodePoint(cp);
                prevSpace = cp == ' ';
            }
            i += len;
        }
        return out.toString().strip();
    }

    private static String[] words(String text) {
        java.util.ArrayList<String> words = new java.util.ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean space = i == text.length() || Character.isWhitespace(text.charAt(i)) || Character.isSpaceChar(text.charAt(i));
            if (space && start >= 0) {
                words.add(stripPunctuationIfWord(text.substring(start, i)));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return words.toArray(new String[0]);
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

    /** Python's str.isupper(): at least one cased letter and no lower-case one. */
    private static boolean isUpper(String word) {
        boolean cased = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLowerCase(c) || Character.isTitleCase(c)) {
                return false;
            }
            cased |= Character.isUpperCase(c);
        }
        return cased;
    }

    private static boolean capDifferential(String[] words) {
        int caps = 0;
        for (String w : words) {
            if (isUpper(w)) {
                caps++;
            }
        }
        int diff = words.length - caps;
        return diff > 0 && diff < words.length;
    }

    private static Map<String, Double> boosters() {
        Map<String, Double> b = new HashMap<>();
        for (String w : new String[] {"absolutely", "amazingly", "awfully", "completely", "considerable",
                "considerably", "decidedly", "deeply", "effing", "enormous", "enormously", "entirely", "especially",
                "exceptional", "exceptionally", "extreme", "extremely", "fabulously", "flipping", "flippin",
                "frackin", "fracking", "fricking", "frickin", "frigging", "friggin", "fully", "fuckin", "fucking",
                "fuggin", "fugging", "greatly", "hella", "highly", "hugely", "incredible", "incredibly", "intensely",
                "major", "majorly", "more", "most", "particularly", "purely", "quite", "really", "remarkably", "so",
                "substantially", "thoroughly", "total", "totally", "tremendous", "tremendously", "uber",
                "unbelievably", "unusually", "utter", "utterly", "very"}) {
            b.put(w, B_INCR);
        }
        for (String w : new String[] {"almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof",
                "kind-of", "less", "little", "marginal", "marginally", "occasional", "occasionally", "partly",
                "scarce", "scarcely", "slight", "slightly", "somewhat", "sort of", "sorta", "sortof", "sort-of"}) {
            b.put(w, B_DECR);
        }
        return Map.copyOf(b);
    }

    private static void readTabbed(String resource, java.util.function.BiConsumer<String, String> sink) {
        try (InputStream in = VaderScorer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String[] cols = line.strip().split("\t");
                if (cols.length >= 2) {
                    sink.accept(cols[0], cols[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }
}
