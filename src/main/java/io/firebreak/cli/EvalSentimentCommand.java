package io.firebreak.cli;

import io.firebreak.config.Home;
import io.firebreak.enrich.ChineseModel;
import io.firebreak.enrich.ChineseScorer;
import io.firebreak.enrich.ChineseSentimentEvaluation;
import io.firebreak.enrich.Enrichers;
import io.firebreak.enrich.FastLanguageDetector;
import io.firebreak.enrich.LanguageDetector;
import io.firebreak.enrich.SentimentEvaluation;
import io.firebreak.enrich.SentimentEvaluation.Classification;
import io.firebreak.enrich.SentimentEvaluation.Rated;
import io.firebreak.enrich.StandardEnricher;
import io.firebreak.enrich.VaderScorer;
import io.firebreak.mention.Mention;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code firebreak eval-sentiment}: the English scorer against the shared human-rated data, enrichment speed,
 * and the Chinese scorer on the open Chinese sets.
 */
@Command(name = "eval-sentiment", mixinStandardHelpOptions = true,
        description = "Score the English sentiment scorer against the shared human-rated data; time scoring, "
                + "language detection and the full enrichment per core; score the Chinese scorer on the open "
                + "Chinese sets (weibo2018, ChnSentiCorp, waimai_10k).")
public final class EvalSentimentCommand implements Callable<Integer> {

    @Option(names = "--data", description = "The shared data folder (default: ../shared/data beside firebreak.home).")
    Path data;

    @Override
    public Integer call() throws Exception {
        Path root = data != null ? data : Home.detect().root().resolve("../shared/data").normalize();
        Path amazonFile = root.resolve("vader/amazonReviewSnippets_GroundTruth.txt");
        Path airlineFile = root.resolve("airline-tweets/Tweets.csv");
        if (!Files.isRegularFile(amazonFile) || !Files.isRegularFile(airlineFile)) {
            System.err.println("eval-sentiment: shared data not found under " + root + " (use --data)");
            return 2;
        }
        VaderScorer scorer = VaderScorer.english();
        List<Rated> amazon = SentimentEvaluation.amazonSnippets(amazonFile);
        double[] amazonScores = SentimentEvaluation.scores(scorer, amazon);
        System.out.printf("amazon snippets   n=%d  pearson r=%.4f (vs mean human rating)%n",
                amazon.size(), SentimentEvaluation.pearson(amazon, amazonScores));

        List<Rated> airline = SentimentEvaluation.airlineTweets(airlineFile);
        double[] airlineScores = SentimentEvaluation.scores(scorer, airline);
        for (double band : new double[] {0.05, 0.1, 0.2, 0.3}) {
            Classification c = SentimentEvaluation.classify(airline, airlineScores, band);
            System.out.printf("airline tweets    n=%d  band=±%.2f  accuracy=%.4f  F1 neg=%.4f neu=%.4f pos=%.4f  macro=%.4f%n",
                    c.n(), band, c.accuracy(), c.f1().get("negative"), c.f1().get("neutral"), c.f1().get("positive"),
                    c.macroF1());
        }

        Path appleFile = root.resolve("apple-tweets/Apple-Twitter-Sentiment-DFE.csv");
        List<Rated> apple = Files.isRegularFile(appleFile) ? SentimentEvaluation.appleTweets(appleFile) : List.of();
        if (!apple.isEmpty()) {
            Classification c = SentimentEvaluation.classify(apple, SentimentEvaluation.scores(scorer, apple), 0.05);
            System.out.printf("apple tweets      n=%d  band=±0.05  accuracy=%.4f  F1 neg=%.4f neu=%.4f pos=%.4f  macro=%.4f%n",
                    c.n(), c.accuracy(), c.f1().get("negative"), c.f1().get("neutral"), c.f1().get("positive"), c.macroF1());
        }
        StandardEnricher enricher = Enrichers.standard(Home.detect());
        // through language detection as ingest does: an English tweet taken for another language is left unscored
        for (var set : List.of(Map.entry("airline", airline), Map.entry("apple", apple))) {
            long unscored = set.getValue().stream()
                    .filter(r -> !enricher.enrich(Mention.of("eval", "u", Instant.EPOCH, r.text())).scored()).count();
            System.out.printf("%-17s %d of %d left unscored by language detection%n", set.getKey() + " tweets", unscored,
                    set.getValue().size());
        }

        List<String> texts = airline.stream().map(Rated::text).toList();
        System.out.printf("scorer speed      %.0f texts/s per core (airline tweets)%n",
                Throughput.perSecond(texts, scorer::score));
        LanguageDetector detector = FastLanguageDetector.create(scorer.vocabulary());
        System.out.printf("language speed    %.0f texts/s per core%n",
                Throughput.perSecond(texts, t -> detector.detect(t).length()));
        List<Mention> mentions = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            mentions.add(Mention.of("eval", Integer.toString(i), Instant.EPOCH, texts.get(i)));
        }
        System.out.printf("enrichment speed  %.0f mentions/s per core (language, sentiment, brands, category)%n",
                Throughput.perSecond(mentions, m -> enricher.enrich(m).sentiment()));
        chinese(root.resolve("zh"));
        return 0;
    }

    /**
     * The Chinese scorer on the open binary-labelled sets (read from the shared folder, never shipped). For the
     * lexicon alone: accuracy with positive at a score of 0 or more, and 5-fold cross-validated accuracy with the
     * cut chosen on four folds. For the model, 5-fold cross-validated: trained on four folds plus the other two
     * sets, as the build trains it on all three, and tested on the fifth. Beside them the reference, a character-bigram naive Bayes trained and tested
     * on the same folds.
     */
    private static void chinese(Path zh) throws IOException {
        var sets = new java.util.LinkedHashMap<String, Path>();
        sets.put("weibo2018 train", zh.resolve("weibo2018/train.txt"));
        sets.put("chnsenticorp htl", zh.resolve("chnsenticorp_htl_all/ChnSentiCorp_htl_all.csv"));
        sets.put("waimai_10k", zh.resolve("waimai_10k/waimai_10k.csv"));
        ChineseScorer lexicon = ChineseScorer.lexiconOnly();
        ChineseScorer shipped = ChineseScorer.standard();
        var read = new java.util.LinkedHashMap<String, List<ChineseSentimentEvaluation.Labelled>>();
        for (var set : sets.entrySet()) {
            if (!Files.isRegularFile(set.getValue())) {
                System.out.printf("zh %-17s not found under %s%n", set.getKey(), zh);
                continue;
            }
            read.put(set.getKey(), set.getValue().toString().endsWith(".txt")
                    ? ChineseSentimentEvaluation.weibo(set.getValue())
                    : ChineseSentimentEvaluation.labelReviewCsv(set.getValue()));
        }
        System.out.println("zh model: " + (shipped.hasModel() ? "trained at build time on the three sets below"
                : "none in this build (no training data): the scorer is the lexicon alone"));
        for (var set : read.entrySet()) {
            List<ChineseSentimentEvaluation.Labelled> texts = set.getValue();
            ChineseSentimentEvaluation.Result r = ChineseSentimentEvaluation.evaluate(texts, lexicon::score);
            List<ChineseSentimentEvaluation.Labelled> others = new ArrayList<>();
            read.forEach((name, set2) -> {
                if (!name.equals(set.getKey())) {
                    others.addAll(set2);
                }
            });
            String model = String.format("model 5-fold=%.4f", ChineseSentimentEvaluation.modelCrossValidated(
                    texts, others, lexicon, ChineseModel.Settings.DEFAULT));
            System.out.printf("zh %-17s n=%d  lexicon at 0=%.4f  lexicon 5-fold=%.4f  (decided %.1f%%)  %s  char-bigram NB 5-fold=%.4f%n",
                    set.getKey(), r.n(), r.accuracyAtZero(), r.crossValidated(), 100 * r.decided(), model, r.naiveBayes());
        }
        List<String> weibo = read.getOrDefault("weibo2018 train", List.of()).stream()
                .map(ChineseSentimentEvaluation.Labelled::text).toList();
        if (!weibo.isEmpty()) {
            List<String> sample = weibo.subList(0, Math.min(2_000, weibo.size()));
            System.out.printf("zh scorer speed   %.0f texts/s per core with the model, %.0f lexicon alone (weibo posts: segmentation, Simplified, lexicon)%n",
                    Throughput.perSecond(sample, shipped::score), Throughput.perSecond(sample, lexicon::score));
        }
    }
}
