package io.firebreak.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.firebreak.config.Home;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Quality floors on the shared human-rated data (skipped when ../shared/data is not beside the checkout). */
class SentimentEvaluationTest {

    private static final Path DATA = Home.detect().root().resolve("../shared/data").normalize();
    private static final SentimentScorer SCORER = VaderScorer.english();

    @Test
    void amazonSnippetsCorrelateWithHumanRatings() throws IOException {
        Path file = DATA.resolve("vader/amazonReviewSnippets_GroundTruth.txt");
        assumeTrue(Files.isRegularFile(file), "shared data not found: " + file);
        List<SentimentEvaluation.Rated> snippets = SentimentEvaluation.amazonSnippets(file);
        double r = SentimentEvaluation.pearson(snippets, SentimentEvaluation.scores(SCORER, snippets));
        assertThat(snippets).hasSizeGreaterThan(3000);
        assertThat(r).isGreaterThan(0.5);
    }

    @Test
    void airlineLabelsAreMostlyRight() throws IOException {
        Path file = DATA.resolve("airline-tweets/Tweets.csv");
        assumeTrue(Files.isRegularFile(file), "shared data not found: " + file);
        List<SentimentEvaluation.Rated> tweets = SentimentEvaluation.airlineTweets(file);
        var result = SentimentEvaluation.classify(tweets, SentimentEvaluation.scores(SCORER, tweets), 0.05);
        assertThat(result.n()).isEqualTo(14_640);
        assertThat(result.accuracy()).isGreaterThan(0.5);
        assertThat(result.f1().get("negative")).isGreaterThan(0.55);
    }

    @Test
    void classificationArithmetic() {
        var items = List.of(
                new SentimentEvaluation.Rated("a", 0, "negative"),
                new SentimentEvaluation.Rated("b", 0, "neutral"),
                new SentimentEvaluation.Rated("c", 0, "positive"),
                new SentimentEvaluation.Rated("d", 0, "positive"));
        var result = SentimentEvaluation.classify(items, new double[] {-0.5, 0.01, 0.6, 0.0}, 0.05);
        assertThat(result.accuracy()).isEqualTo(0.75);
        assertThat(result.f1()).containsEntry("negative", 1.0).containsEntry("positive", 2.0 / 3);
        assertThat(result.f1().get("neutral")).isCloseTo(2.0 / 3, org.assertj.core.api.Assertions.within(1e-9));
    }
}
