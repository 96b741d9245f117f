package io.firebreak.enrich;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Measures a sentiment scorer against human ratings: the VADER Amazon snippets and the airline tweet labels. */
public final class SentimentEvaluation {

    /** Texts with a human rating (mean on -4..+4) or label (negative/neutral/positive). */
    public record Rated(String text, double rating, String label) {}

    /** 3-class result at one neutral band. */
    public record Classification(double neutralBand, int n, double accuracy, Map<String, Double> f1, double macroF1) {}

    private SentimentEvaluation() {}

    /** {@code amazonReviewSnippets_GroundTruth.txt}: id TAB mean rating TAB snippet. */
    public static List<Rated> amazonSnippets(Path file) throws IOException {
        List<Rated> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] cols = line.split("\t", 3);
            if (cols.length == 3) {
                out.add(new Rated(cols[2].strip(), Double.parseDouble(cols[1]), null));
            }
        }
        return out;
    }

    /** {@code Tweets.csv} of the airline set: the text and its {@code airline_sentiment} label. */
    public static List<Rated> airlineTweets(Path file) throws IOException {
        List<Rated> out = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                out.add(new Rated(r.get("text"), 0, r.get("airline_sentiment")));
            }
        }
        return out;
    }

    /**
     * {@code Apple-Twitter-Sentiment-DFE.csv}: crowd-rated tweets about Apple, sentiment 1 (negative), 3 (neutral)
     * or 5 (positive); "not_relevant" rows are left out. The file is not all valid UTF-8: bad bytes read as U+FFFD.
     */
    public static List<Rated> appleTweets(Path file) throws IOException {
        List<Rated> out = new ArrayList<>();
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE);
        try (Reader in = new java.io.InputStreamReader(Files.newInputStream(file), decoder)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                String label = switch (r.get("sentiment")) {
                    case "1" -> "negative";
                    case "3" -> "neutral";
                    case "5" -> "positive";
                    default -> null;
                };
                if (label != null) {
                    out.add(new Rated(r.get("text"), 0, label));
                }
            }
        }
        return out;
    }

    public static double[] scores(SentimentScorer scorer, List<Rated> items) {
        double[] s = new double[items.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = scorer.score(items.get(i).text());
        }
        return s;
    }

    public static double pearson(List<Rated> items, double[] scores) {
        int n = items.size();
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += scores[i];
            my += items.get(i).rating();
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = scores[i] - mx;
            double dy = items.get(i).rating() - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    public static Classification classify(List<Rated> items, double[] scores, double neutralBand) {
        List<String> classes = List.of("negative", "neutral", "positive");
        int[][] confusion = new int[3][3];
        for (int i = 0; i < items.size(); i++) {
            int truth = classes.indexOf(items.get(i).label());
            if (truth >= 0) {
                confusion[truth][classes.indexOf(SentimentScorer.label(scores[i], neutralBand))]++;
            }
        }
        int n = 0;
        int correct = 0;
        Map<String, Double> f1 = new LinkedHashMap<>();
        double macro = 0;
        for (int c = 0; c < 3; c++) {
            int tp = confusion[c][c];
            int actual = 0;
            int predicted = 0;
            for (int k = 0; k < 3; k++) {
                actual += confusion[c][k];
                predicted += confusion[k][c];
                n += confusion[c][k];
            }
            correct += tp;
            double f = actual + predicted == 0 ? 0 : 2.0 * tp / (actual + predicted);
            f1.put(classes.get(c), f);
            macro += f / 3;
        }
        return new Classification(neutralBand, n, n == 0 ? 0 : (double) correct / n, f1, macro);
    }
}
