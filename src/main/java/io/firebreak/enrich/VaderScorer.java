package io.firebreak.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * English sentiment after VADER (Hutto &amp; Gilbert, ICWSM-14): a port of vaderSentiment 3.3.2's
 * compound score with its lexicon and emoji lexicon, rules for negation, boosters, "but", ALL CAPS
 * and punctuation, normalised with alpha = 15; plus what social posts need and VADER lacks (reading them:
 * {@link SentimentText}): elongations as emphasis, symbols that negations cannot flip, idioms and
 * special-case phrases wherever they stand.
 */
public final class VaderScorer implements SentimentScorer {

    // empirically derived constants from the VADER paper
    private static final double B_INCR = 0.293;
    private static final double B_DECR = -0.293;
    private static final double C_INCR = 0.733;
    private static final double N_SCALAR = -0.74;
    private static final double ALPHA = 15;

    // HashSet and HashMap rather than Set.of/Map.of for the tables below and the lexicon: they are consulted
    // several times per word, and the immutable collections probe linearly through colliding slots
    private static final Set<String> NEGATE = new HashSet<>(List.of(
            "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
            "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
            "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
            "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
            "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
            "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
            "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
            "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite"));

    private static final Map<String, Double> BOOSTERS = boosters();

    // vaderSentiment lists idioms without lexicon words but never applies them
    private static final Map<String, Double> IDIOMS = Map.ofEntries(
            Map.entry("cut the mustard", 2.0), Map.entry("hand to mouth", -2.0), Map.entry("back handed", -2.0),
            Map.entry("blow smoke", -2.0), Map.entry("blowing smoke", -2.0), Map.entry("upper hand", 1.0),
            Map.entry("break a leg", 2.0), Map.entry("cooking with gas", 2.0), Map.entry("in the black", 2.0),
            Map.entry("in the red", -2.0), Map.entry("on the ball", 2.0), Map.entry("under the weather", -2.0),
            // common idioms whose words VADER reads the wrong way round, mostly through a negation
            Map.entry("thanks for nothing", -2.0), Map.entry("never again", -2.0),
            Map.entry("doesn't get any better", 2.5), Map.entry("does not get any better", 2.5),
            Map.entry("don't get any better", 2.5), Map.entry("can't get any better", 2.5),
            Map.entry("couldn't be happier", 3.0), Map.entry("could not be happier", 3.0),
            Map.entry("couldn't be better", 2.5), Map.entry("could not be better", 2.5),
            Map.entry("can't complain", 1.0), Map.entry("cannot complain", 1.0), Map.entry("no complaints", 1.5),
            Map.entry("save your money", -1.5), Map.entry("not worth it", -1.5), Map.entry("not worth the", -1.5));

    private static final Map<String, Double> SPECIAL_CASES = new HashMap<>(Map.of(
            "the shit", 3.0, "the bomb", 3.0, "bad ass", 1.5, "badass", 1.5, "bus stop", 0.0,
            "yeah right", -2.0, "kiss of death", -1.5, "to die for", 3.0,
            "beating heart", 3.1, "broken heart", -2.9));

    // VADER applies its special cases only three words into a text ("💔" alone stayed positive); idioms and
    // special cases are whole phrases here, wherever they stand
    private static final Map<String, List<Phrase>> PHRASES_BY_START = phrasesByStart();

    // every word that occurs in a multi-word special case or booster ("kind of"): a sequence with any other
    // word cannot be one, and is not joined into a string to look it up
    private static final Set<String> MULTI_WORD_PARTS = Stream.concat(SPECIAL_CASES.keySet().stream(), BOOSTERS.keySet().stream())
            .filter(k -> k.indexOf(' ') > 0)
            .flatMap(k -> Arrays.stream(k.split(" ")))
            .collect(Collectors.toCollection(HashSet::new));

    private final Map<String, Double> lexicon;
    private final SentimentText reader;

    VaderScorer(Map<String, Double> lexicon, Map<String, String> emoji) {
        this.lexicon = new HashMap<>(lexicon);
        Set<String> known = new HashSet<>(this.lexicon.keySet());
        known.addAll(BOOSTERS.keySet());
        known.addAll(NEGATE);
        this.reader = new SentimentText(this.lexicon, emoji, known::contains);
    }

    /** The shipped lexicons from {@code src/main/resources/sentiment}. */
    public static VaderScorer english() {
        Map<String, Double> lexicon = new HashMap<>();
        readTabbed("sentiment/vader_lexicon.txt", false, (k, v) -> lexicon.put(k, Double.parseDouble(v)));
        readTabbed("sentiment/additions_en.txt", true, (k, v) -> lexicon.put(k, Double.parseDouble(v)));
        Map<String, String> emoji = new HashMap<>();
        readTabbed("sentiment/emoji_utf8_lexicon.txt", false, emoji::put);
        readTabbed("sentiment/emoji_meaning_en.txt", true, emoji::put);
        return new VaderScorer(lexicon, emoji);
    }

    /** The lexicon's plain words of three letters or more: evidence that a text is English. */
    public Set<String> vocabulary() {
        return lexicon.keySet().stream()
                .filter(w -> w.length() >= 3 && w.chars().allMatch(Character::isLetter))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public double score(String text) {
        SentimentText.Words words = reader.words(text);
        int n = words.size();
        if (n == 0) {
            return 0;
        }
        String[] original = words.original();
        String[] lower = words.lower();
        boolean capDiff = capDifferential(original);
        double[] sentiments = new double[n];
        for (int i = 0; i < n; i++) {
            // booster words and "kind of" modify their neighbours and carry no valence themselves
            if (BOOSTERS.containsKey(lower[i])
                    || (i < n - 1 && lower[i].equals("kind") && lower[i + 1].equals("of"))) {
                continue;
            }
            sentiments[i] = words.symbol()[i]
                    ? symbolValence(original[i], lower[i], capDiff)
                    : valence(original, lower, words.elongated(), i, capDiff);
        }
        phrases(lower, sentiments);
        butCheck(lower, sentiments);
        double sum = 0;
        for (double s : sentiments) {
            sum += s;
        }
        double emphasis = punctuationEmphasis(words.exclamations(), words.questions());
        if (sum > 0) {
            sum += emphasis;
        } else if (sum < 0) {
            sum -= emphasis;
        }
        return normalize(sum);
    }

    /**
     * An emoji or emoticon means what it means: in "not happy :(" or "thanks for nothing 👎" VADER let the
     * words before the symbol negate it, turning the frown positive. VADER's capitals bonus stays (":D"
     * gets it), as its calibration on rated tweets included it.
     */
    private double symbolValence(String word, String lower, boolean capDiff) {
        Double lex = lexicon.get(lower);
        if (lex == null) {
            return 0;
        }
        return capDiff && isUpper(word) ? lex + (lex > 0 ? C_INCR : -C_INCR) : lex;
    }

    private double valence(String[] words, String[] lower, boolean[] elongated, int i, boolean capDiff) {
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
        if (elongated[i]) {
            valence += valence > 0 ? B_INCR : -B_INCR;
        }
        for (int start = 0; start < 3; start++) {
            int j = i - (start + 1);
            if (i > start && !lexicon.containsKey(lower[j])) {
                double s = scalar(words[j], lower[j], elongated[j], valence, capDiff);
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

    private static double scalar(String word, String lower, boolean elongated, double valence, boolean capDiff) {
        Double boost = BOOSTERS.get(lower);
        if (boost == null) {
            return 0;
        }
        double scalar = valence < 0 ? -boost : boost;
        if (capDiff && isUpper(word)) {
            scalar += valence > 0 ? C_INCR : -C_INCR;
        }
        if (elongated) {
            scalar += scalar > 0 ? B_INCR : -B_INCR;
        }
        return scalar;
    }

    private static double negationCheck(double valence, String[] lower, int start, int i) {
        if (start == 0) {
            return negatedAt(lower, i - 1) ? valence * N_SCALAR : valence;
        }
        if (start == 1) {
            if (lower[i - 2].equals("never") && (lower[i - 1].equals("so") || lower[i - 1].equals("this"))) {
                return valence * 1.25;
            }
            if (lower[i - 2].equals("without") && lower[i - 1].equals("doubt")) {
                return valence;
            }
            return negatedAt(lower, i - 2) ? valence * N_SCALAR : valence;
        }
        // vaderSentiment's operator precedence made any "so"/"this" right before the word an intensifier
        // here; "never so/this good" is what the rule means
        if (lower[i - 3].equals("never") && (lower[i - 2].equals("so") || lower[i - 2].equals("this")
                || lower[i - 1].equals("so") || lower[i - 1].equals("this"))) {
            return valence * 1.25;
        }
        if (lower[i - 3].equals("without") && (lower[i - 2].equals("doubt") || lower[i - 1].equals("doubt"))) {
            return valence;
        }
        return negatedAt(lower, i - 3) ? valence * N_SCALAR : valence;
    }

    /** "nothing but great" and "not only good" praise: a negation followed by "but" or "only" is none. */
    private static boolean negatedAt(String[] lower, int j) {
        if (!negated(lower[j])) {
            return false;
        }
        String next = j + 1 < lower.length ? lower[j + 1] : "";
        return !(next.equals("but") || (lower[j].equals("not") && next.equals("only")));
    }

    private static boolean negated(String lowerWord) {
        return NEGATE.contains(lowerWord) || lowerWord.contains("n't");
    }

    private static double specialIdioms(double valence, String[] lower, int i) {
        // the sequences VADER tries, in its order, as word spans [from, to]: "i-1 i", "i-2 i-1 i", "i-2 i-1",
        // "i-3 i-2 i-1", "i-3 i-2"; a span is only joined into a string when every word of it could match
        for (int[] span : new int[][] {{i - 1, i}, {i - 2, i}, {i - 2, i - 1}, {i - 3, i - 1}, {i - 3, i - 2}}) {
            Double special = multiWord(SPECIAL_CASES, lower, span[0], span[1]);
            if (special != null) {
                valence = special;
                break;
            }
        }
        int n = lower.length;
        if (n - 1 > i) {
            Double special = multiWord(SPECIAL_CASES, lower, i, i + 1);
            if (special != null) {
                valence = special;
            }
        }
        if (n - 1 > i + 1) {
            Double special = multiWord(SPECIAL_CASES, lower, i, i + 2);
            if (special != null) {
                valence = special;
            }
        }
        for (int[] span : new int[][] {{i - 3, i - 1}, {i - 3, i - 2}, {i - 2, i - 1}}) {
            Double boost = multiWord(BOOSTERS, lower, span[0], span[1]);
            if (boost != null) {
                valence += boost;
            }
        }
        return valence;
    }

    /** The entry for words [from, to] joined by spaces, asked only when each word occurs in some multi-word entry. */
    private static Double multiWord(Map<String, Double> table, String[] lower, int from, int to) {
        for (int k = from; k <= to; k++) {
            if (!MULTI_WORD_PARTS.contains(lower[k])) {
                return null;
            }
        }
        return table.get(String.join(" ", Arrays.asList(lower).subList(from, to + 1)));
    }

    private static double leastCheck(double valence, String[] lower, int i) {
        if (i > 0 && lower[i - 1].equals("least")) {
            boolean atOrVeryLeast = i > 1 && (lower[i - 2].equals("at") || lower[i - 2].equals("very"));
            return atOrVeryLeast ? valence : valence * N_SCALAR;
        }
        return valence;
    }

    /** A phrase's valence replaces its words' own: "under the weather" is not about weather. */
    private static void phrases(String[] lower, double[] sentiments) {
        for (int i = 0; i + 1 < lower.length; i++) {
            List<Phrase> candidates = PHRASES_BY_START.get(lower[i]);
            if (candidates == null) {
                continue;
            }
            // shortest first, as VADER grows the phrase word by word
            for (Phrase phrase : candidates) {
                if (phrase.at(lower, i)) {
                    Arrays.fill(sentiments, i, i + phrase.words().length, 0);
                    sentiments[i] = phrase.valence();
                    break;
                }
            }
        }
    }

    /** An idiom or multi-word special case, by its words. */
    private record Phrase(String[] words, double valence) {
        boolean at(String[] lower, int i) {
            if (i + words.length > lower.length) {
                return false;
            }
            for (int k = 1; k < words.length; k++) {
                if (!words[k].equals(lower[i + k])) {
                    return false;
                }
            }
            return true;
        }
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

    private static double punctuationEmphasis(int exclamations, int questions) {
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

    /** Python's str.isupper(): at least one cased letter and no lower-case one. */
    private static boolean isUpper(String word) {
        boolean cased = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            // ASCII answered without the Unicode tables: every word of every post comes through here
            if (c < 0x80) {
                if (c >= 'a' && c <= 'z') {
                    return false;
                }
                cased |= c >= 'A' && c <= 'Z';
                continue;
            }
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

    private static Map<String, List<Phrase>> phrasesByStart() {
        Map<String, Double> all = new HashMap<>(IDIOMS);
        SPECIAL_CASES.forEach((phrase, valence) -> {
            if (phrase.indexOf(' ') > 0) {
                all.put(phrase, valence);
            }
        });
        Map<String, List<Phrase>> byStart = new HashMap<>();
        all.forEach((phrase, valence) -> {
            String[] words = phrase.split(" ");
            byStart.computeIfAbsent(words[0], w -> new ArrayList<>()).add(new Phrase(words, valence));
        });
        byStart.values().forEach(list -> list.sort(Comparator.comparingInt(p -> p.words().length)));
        return byStart;
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
        return b;
    }

    private static void readTabbed(String resource, boolean comments, BiConsumer<String, String> sink) {
        try (InputStream in = VaderScorer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (comments && line.startsWith("#")) {
                    continue;
                }
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
