package io.firebreak.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Chinese sentiment for "zh", in VADER's manner and on its scale: the post's own words (a repost chain is
 * quoted, not the reposter's opinion: {@link WeiboText}), Traditional read as Simplified, cut into words by
 * smartcn, looked up in a lexicon (NTUSD, MIT, converted to Simplified, under project-authored additions with
 * internet slang and complaint words) with the longest run of up to four words that is an entry winning (差|评 is
 * 差评); a negator (不 没 别 未 非 无 ...) up to three words before flips a word, degree words (很 太 非常 有点 ...)
 * scale it, within the clause; after a contrast (但是 可是 不过 ...) the clause after counts more and the
 * one before less; Weibo emoji codes ({@code [怒]}) count as words. The sum is squashed into [-1, 1] as VADER does.
 *
 * <p>The shipped scorer ({@link #standard()}) reads the post through the model the build trained
 * ({@link ChineseModel}), with the lexicon's score as one of its inputs; it measures better on every open set.
 */
public final class ChineseScorer implements SentimentScorer {

    private static final int LONGEST_ENTRY = 4;
    private static final int NEGATION_REACH = 3;
    private static final double NTUSD_VALENCE = 1.5;
    // VADER's squashing constant and its "but" weights
    private static final double ALPHA = 15;
    private static final double BEFORE_CONTRAST = 0.5;
    private static final double AFTER_CONTRAST = 1.5;

    static final Set<String> NEGATORS = Set.of("不", "没", "没有", "别", "未", "非", "无", "不是", "并不", "并非", "从不",
            "从没", "从未", "毫无", "绝不", "决不", "不会", "不能", "不够", "不太", "没什么", "木有", "甭", "勿", "不要", "不用");
    static final Map<String, Double> DEGREE = Map.ofEntries(
            Map.entry("很", 1.3), Map.entry("挺", 1.2), Map.entry("蛮", 1.2), Map.entry("真", 1.3), Map.entry("真的", 1.3),
            Map.entry("太", 1.5), Map.entry("非常", 1.6), Map.entry("特别", 1.5), Map.entry("极其", 1.8), Map.entry("极", 1.7),
            Map.entry("极度", 1.8), Map.entry("十分", 1.5), Map.entry("相当", 1.4), Map.entry("超", 1.5), Map.entry("超级", 1.6),
            Map.entry("最", 1.6), Map.entry("更", 1.3), Map.entry("越来越", 1.3), Map.entry("巨", 1.6), Map.entry("贼", 1.5),
            Map.entry("好", 1.3), Map.entry("太过", 1.5), Map.entry("简直", 1.4), Map.entry("实在", 1.3), Map.entry("完全", 1.3),
            Map.entry("有点", 0.7), Map.entry("有点儿", 0.7), Map.entry("有些", 0.7), Map.entry("稍微", 0.6), Map.entry("略", 0.6),
            Map.entry("比较", 0.9), Map.entry("还", 0.9));
    static final Set<String> CONTRAST = Set.of("但是", "可是", "不过", "但", "然而", "却", "只是", "就是");

    private final Map<String, Double> lexicon;
    private final Map<String, Double> emoji;

    private final ChineseModel model;

    ChineseScorer(Map<String, Double> lexicon, Map<String, Double> emoji, ChineseModel model) {
        this.lexicon = Map.copyOf(lexicon);
        this.emoji = Map.copyOf(emoji);
        this.model = model;
    }

    /** The same lexicon read through a model: what {@link ChineseModelTrainer} and its evaluation build. */
    ChineseScorer withModel(ChineseModel model) {
        return new ChineseScorer(lexicon, emoji, model);
    }

    /**
     * The shipped scorer: the lexicons from {@code src/main/resources/sentiment/zh}, read through the model the
     * build trained ({@link ChineseModelTrainer}), or the lexicons alone where the build had no training data.
     */
    public static ChineseScorer standard() {
        return Holder.STANDARD;
    }

    /** The lexicons alone, VADER's way: what the rule tables test and what the model takes as one input. */
    public static ChineseScorer lexiconOnly() {
        return Holder.LEXICON;
    }

    /** Whether this scorer reads posts through a trained model. */
    public boolean hasModel() {
        return model != null;
    }

    private static final class Holder {
        static final ChineseScorer LEXICON = lexicons();
        static final ChineseScorer STANDARD = LEXICON.withModel(shippedModel());
    }

    private static ChineseScorer lexicons() {
        Map<String, Double> lexicon = new HashMap<>();
        readLines("sentiment/zh/ntusd_positive.txt", (w, v) -> lexicon.put(w, NTUSD_VALENCE));
        readLines("sentiment/zh/ntusd_negative.txt", (w, v) -> lexicon.put(w, -NTUSD_VALENCE));
        readLines("sentiment/zh/additions_zh.txt", (w, v) -> {
            double valence = Double.parseDouble(v);
            if (valence == 0) {
                lexicon.remove(w);
            } else {
                lexicon.put(w, valence);
            }
        });
        Map<String, Double> emoji = new HashMap<>();
        readLines("sentiment/zh/emoji_zh.txt", (w, v) -> emoji.put(w, Double.parseDouble(v)));
        return new ChineseScorer(lexicon, emoji, null);
    }

    private static ChineseModel shippedModel() {
        try (InputStream in = ChineseScorer.class.getClassLoader().getResourceAsStream(ChineseModelTrainer.RESOURCE)) {
            return in == null ? null : ChineseModel.read(new java.io.BufferedInputStream(in));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + ChineseModelTrainer.RESOURCE, e);
        }
    }

    @Override
    public double score(String text) {
        ChineseModel.Post post = read(text);
        if (model == null) {
            return post.lexicon();
        }
        // 2 * sigmoid(z) - 1: the model's probability of "positive" on VADER's scale, 0 where it cannot tell
        return Math.tanh(model.logit(post) / 2);
    }

    /** The post as the model reads it: own words in Simplified, emoji codes, words, and the lexicon's score. */
    ChineseModel.Post read(String text) {
        WeiboText post = WeiboText.parse(text);
        double sum = 0;
        for (String code : post.emoji()) {
            sum += emoji.getOrDefault(code, 0.0);
        }
        HanText own = HanText.of(post.own());
        if (!post.own().isEmpty()) {
            sum += words(own.words());
        }
        double lexiconScore = sum == 0 ? 0 : sum / Math.sqrt(sum * sum + ALPHA);
        return new ChineseModel.Post(own.text(), post.emoji(), own.words(), lexiconScore);
    }

    /** The valence of the words, clause by clause. */
    private double words(List<String> words) {
        double before = 0;
        double current = 0;
        boolean contrast = false;
        int clauseStart = 0;
        int n = words.size();
        for (int i = 0; i < n; ) {
            String w = words.get(i);
            if (HanText.isPunctuation(w)) {
                clauseStart = i + 1;
                i++;
                continue;
            }
            if (CONTRAST.contains(w)) {
                // what came before the contrast counts less, what follows more (VADER's "but")
                before = before * BEFORE_CONTRAST + current * BEFORE_CONTRAST;
                current = 0;
                contrast = true;
                clauseStart = i + 1;
                i++;
                continue;
            }
            int len = longestEntry(words, i);
            if (len > 0 && modifies(words, i, len)) {
                i++;
                continue;
            }
            if (len == 0) {
                i++;
                continue;
            }
            String entry = join(words, i, len);
            double valence = lexicon.get(entry);
            current += modified(valence, words, i, clauseStart);
            i += len;
        }
        return before + (contrast ? current * AFTER_CONTRAST : current);
    }

    /**
     * Whether the word at {@code i} is a degree word or negator to apply to the entry after it rather than
     * part of one entry: 好 in 好失望 is "very", and 非常失望 is 失望 made stronger, though NTUSD lists it as a
     * word of its own. An entry whose sign differs from the rest's is an idiom and stays whole (不错 is praise).
     */
    private boolean modifies(List<String> words, int i, int len) {
        String w = words.get(i);
        if (!DEGREE.containsKey(w) && !NEGATORS.contains(w)) {
            return false;
        }
        int rest = longestEntry(words, i + 1);
        if (rest == 0 || rest < len - 1) {
            return false;
        }
        if (len == 1) {
            return true;
        }
        double whole = lexicon.get(join(words, i, len));
        double after = lexicon.get(join(words, i + 1, rest));
        return Math.signum(whole) == Math.signum(after);
    }

    /** The number of words from {@code i} that make the longest lexicon entry (0: none starts here). */
    private int longestEntry(List<String> words, int i) {
        int max = Math.min(LONGEST_ENTRY, words.size() - i);
        if (max <= 0) {
            return 0;
        }
        for (int len = max; len >= 1; len--) {
            String candidate = join(words, i, len);
            if (lexicon.containsKey(candidate) && !(len == 1 && NEGATORS.contains(candidate))) {
                return len;
            }
        }
        return 0;
    }

    /** Negators and degree words in the three words before, within the clause. */
    private static double modified(double valence, List<String> words, int at, int clauseStart) {
        boolean negated = false;
        double degree = 1;
        for (int j = at - 1; j >= Math.max(clauseStart, at - NEGATION_REACH); j--) {
            String w = words.get(j);
            if (NEGATORS.contains(w)) {
                negated = !negated;
            } else {
                Double d = DEGREE.get(w);
                if (d != null) {
                    degree *= d;
                }
            }
        }
        double v = valence * degree;
        if (!negated) {
            return v;
        }
        // "不好" is plainly negative, "不差" only faintly positive (VADER's negation weight for the latter)
        return v > 0 ? -v * 0.9 : -v * 0.5;
    }

    private static String join(List<String> words, int from, int len) {
        if (len == 1) {
            return words.get(from);
        }
        StringBuilder out = new StringBuilder();
        for (int k = from; k < from + len; k++) {
            out.append(words.get(k));
        }
        return out.toString();
    }

    private static void readLines(String resource, BiConsumer<String, String> sink) {
        try (InputStream in = ChineseScorer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] cols = line.strip().split("\t");
                sink.accept(cols[0], cols.length > 1 ? cols[1] : "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }
}
