package io.firebreak.enrich;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Measures the Chinese scorer on the open binary-labelled sets in {@code ../shared/data/zh} (read here, never
 * shipped): accuracy with positive at a score of 0 or above, and 5-fold cross-validated accuracy when the cut
 * is chosen on four folds and applied to the fifth; beside it the reference, a character-bigram naive Bayes
 * trained and tested the same five ways.
 */
public final class ChineseSentimentEvaluation {

    /** A text and its human label. */
    public record Labelled(String text, boolean positive) {}

    /** Results on one set. */
    public record Result(int n, double accuracyAtZero, double decided, double crossValidated, double naiveBayes) {}

    private static final int FOLDS = 5;

    private ChineseSentimentEvaluation() {}

    /**
     * {@code weibo2018/train.txt}: "mid,label,text", label 1 positive; the set escapes topics and link titles as
     * {@code {%...%}}, which Weibo itself shows as the plain text ({@code #topic#} for a topic).
     */
    public static List<Labelled> weibo(Path file) throws IOException {
        List<Labelled> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] cols = line.split(",", 3);
            if (cols.length == 3 && (cols[1].equals("0") || cols[1].equals("1"))) {
                out.add(new Labelled(cols[2].replace("{%", "").replace("%}", " "), cols[1].equals("1")));
            }
        }
        return out;
    }

    /** {@code label,review} CSV (ChnSentiCorp hotel reviews, waimai_10k); empty reviews left out. */
    public static List<Labelled> labelReviewCsv(Path file) throws IOException {
        List<Labelled> out = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                String review = r.get("review");
                if (!review.isBlank()) {
                    out.add(new Labelled(review, r.get("label").strip().equals("1")));
                }
            }
        }
        return out;
    }

    public static Result evaluate(List<Labelled> set, ToDoubleFunction<String> scorer) {
        int n = set.size();
        double[] scores = new double[n];
        int right = 0;
        int decided = 0;
        for (int i = 0; i < n; i++) {
            scores[i] = scorer.applyAsDouble(set.get(i).text());
            right += (scores[i] >= 0) == set.get(i).positive() ? 1 : 0;
            decided += scores[i] != 0 ? 1 : 0;
        }
        int[] fold = folds(n);
        int cvRight = 0;
        int nbRight = 0;
        for (int f = 0; f < FOLDS; f++) {
            List<Integer> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                (fold[i] == f ? test : train).add(i);
            }
            double cut = bestCut(set, scores, train);
            for (int i : test) {
                cvRight += (scores[i] >= cut) == set.get(i).positive() ? 1 : 0;
            }
            BigramBayes nb = new BigramBayes();
            train.forEach(i -> nb.learn(set.get(i)));
            for (int i : test) {
                nbRight += nb.positive(set.get(i).text()) == set.get(i).positive() ? 1 : 0;
            }
        }
        return new Result(n, right / (double) n, decided / (double) n, cvRight / (double) n, nbRight / (double) n);
    }

    /**
     * The model's 5-fold cross-validated accuracy: trained on four folds (and on {@code extra}, other sets'
     * posts, if any), tested on the fifth, on the same folds as {@link #evaluate}.
     */
    public static double modelCrossValidated(List<Labelled> set, List<Labelled> extra, ChineseScorer lexicon,
            ChineseModel.Settings settings) {
        List<ChineseModel.Example> examples = examples(set, lexicon);
        List<ChineseModel.Example> more = examples(extra, lexicon);
        int[] fold = folds(set.size());
        int right = 0;
        for (int f = 0; f < FOLDS; f++) {
            List<ChineseModel.Example> train = new ArrayList<>(more);
            for (int i = 0; i < set.size(); i++) {
                if (fold[i] != f) {
                    train.add(examples.get(i));
                }
            }
            ChineseModel model = ChineseModel.train(train, settings);
            for (int i = 0; i < set.size(); i++) {
                if (fold[i] == f) {
                    right += (model.logit(examples.get(i).post()) >= 0) == set.get(i).positive() ? 1 : 0;
                }
            }
        }
        return right / (double) set.size();
    }

    static List<ChineseModel.Example> examples(List<Labelled> set, ChineseScorer lexicon) {
        return set.stream().map(l -> new ChineseModel.Example(lexicon.read(l.text()), l.positive())).toList();
    }

    private static int[] folds(int n) {
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            fold[i] = i % FOLDS;
        }
        // a fixed shuffle: the same folds every run
        Random random = new Random(16);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = fold[i];
            fold[i] = fold[j];
            fold[j] = t;
        }
        return fold;
    }

    /** The cut "positive at or above" that classifies the training texts best. */
    private static double bestCut(List<Labelled> set, double[] scores, List<Integer> train) {
        double[] candidates = train.stream().mapToDouble(i -> scores[i]).distinct().sorted().toArray();
        double best = 0;
        int bestRight = -1;
        for (double cut : candidates) {
            int right = 0;
            for (int i : train) {
                right += (scores[i] >= cut) == set.get(i).positive() ? 1 : 0;
            }
            if (right > bestRight) {
                bestRight = right;
                best = cut;
            }
        }
        return best;
    }

    /** The reference model: multinomial naive Bayes over character bigrams, Laplace smoothing. */
    static final class BigramBayes {
        private final Map<String, int[]> counts = new HashMap<>();
        private final int[] totals = new int[2];
        private final int[] docs = new int[2];

        void learn(Labelled l) {
            int c = l.positive() ? 1 : 0;
            docs[c]++;
            for (String g : bigrams(l.text())) {
                counts.computeIfAbsent(g, k -> new int[2])[c]++;
                totals[c]++;
            }
        }

        boolean positive(String text) {
            double[] logp = new double[2];
            int vocabulary = counts.size() + 1;
            for (int c = 0; c < 2; c++) {
                logp[c] = Math.log(docs[c] / (double) (docs[0] + docs[1]));
                for (String g : bigrams(text)) {
                    int[] k = counts.get(g);
                    logp[c] += Math.log(((k == null ? 0 : k[c]) + 1.0) / (totals[c] + vocabulary));
                }
            }
            return logp[1] >= logp[0];
        }

        private static List<String> bigrams(String text) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i + 2 <= text.length(); i++) {
                out.add(text.substring(i, i + 2));
            }
            return out;
        }
    }

    /** For a quick look at the spread of scores. */
    static double[] sorted(double[] scores) {
        double[] copy = scores.clone();
        Arrays.sort(copy);
        return copy;
    }
}
