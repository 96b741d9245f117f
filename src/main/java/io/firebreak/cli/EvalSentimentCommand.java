package io.firebreak.cli;

import io.firebreak.config.Home;
import io.firebreak.enrich.Enrichers;
import io.firebreak.enrich.FastLanguageDetector;
import io.firebreak.enrich.LanguageDetector;
import io.firebreak.enrich.SentimentEvaluation;
import io.firebreak.enrich.SentimentEvaluation.Classification;
import io.firebreak.enrich.SentimentEvaluation.Rated;
import io.firebreak.enrich.StandardEnricher;
import io.firebreak.enrich.VaderScorer;
import io.firebreak.mention.Mention;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code firebreak eval-sentiment}: the English scorer against the shared human-rated data, and enrichment speed. */
@Command(name = "eval-sentiment", mixinStandardHelpOptions = true,
        description = "Score the English sentiment scorer against the shared human-rated data; time scoring, "
                + "language detection and the full enrichment per core.")
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
        return 0;
    }
}
