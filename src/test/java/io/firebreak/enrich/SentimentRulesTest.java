package io.firebreak.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each linguistic rule of the English scorer, as pairs of texts whose scores must order one way. */
class SentimentRulesTest {

    private static final SentimentScorer SCORER = VaderScorer.english();

    private static double score(String text) {
        return SCORER.score(text);
    }

    @ParameterizedTest(name = "negated: {0}")
    @ValueSource(strings = {
        "The crew was not helpful", "The crew wasn't helpful", "The crew wasn’t helpful", "The crew was never helpful",
        "The crew isnt helpful", "no help at all from the crew", "They left without helping", "The food was no good"})
    void negationTurnsPositiveNegative(String text) {
        assertThat(score(text)).isNegative();
    }

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource(delimiter = '|', textBlock = """
            The seats are good           | The seats are very good
            The seats are good           | The seats are extremely good
            The seats are slightly good  | The seats are good
            The seats are kind of good   | The seats are good
            The seats are very bad       | The seats are bad
            """)
    void boostersAndDampenersScaleIntensity(String weaker, String stronger) {
        assertThat(score(weaker)).isLessThan(score(stronger));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The food was great but the service was awful  | negative
            The food was awful but the service was great  | positive
            """)
    void clauseAfterButDominates(String text, String label) {
        assertThat(SentimentScorer.label(score(text))).isEqualTo(label);
    }

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource(delimiter = '|', textBlock = """
            The service was good                  | The service was GOOD
            The service was good                  | The service was good!
            The service was good!                 | The service was good!!!
            The service was good                  | The service was sooooo good
            The service was good                  | The service was goooood
            """)
    void emphasisRaisesPositiveScores(String plain, String emphasised) {
        assertThat(score(plain)).isLessThan(score(emphasised));
    }

    @ParameterizedTest(name = "{0} > {1}")
    @CsvSource(delimiter = '|', textBlock = """
            The service was bad                   | The service was BAD
            The service was bad                   | The service was bad!!
            The service was bad                   | The service was bad???
            The service was bad                   | The service was baaaad
            """)
    void emphasisDeepensNegativeScores(String plain, String emphasised) {
        assertThat(score(plain)).isGreaterThan(score(emphasised));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            😀                    | positive
            I ❤️ this airline     | positive
            great job 👍🏽         | positive
            😡😡                   | negative
            💔                    | negative
            the new seats 👎     | negative
            thanks for nothing 👎 | negative
            I am not happy 😡     | negative
            not happy :(          | negative
            never mind :)         | positive
            :)                    | positive
            :-(                   | negative
            :D                    | positive
            <3                    | positive
            &lt;3                 | positive
            ok thanks:)           | positive
            the seats:-(          | negative
            -_-                   | negative
            ^_^                   | positive
            """)
    void emojiAndEmoticonsCarrySentiment(String text, String label) {
        assertThat(SentimentScorer.label(score(text))).isEqualTo(label);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            lol                   | positive
            thx                   | positive
            luv it                | positive
            fml                   | negative
            smh                   | negative
            wtf                   | negative
            ugh                   | negative
            nooooope              | neutral
            """)
    void socialMediaSlang(String text, String label) {
        assertThat(SentimentScorer.label(score(text))).isEqualTo(label);
    }

    @ParameterizedTest(name = "{0} scores like {1}")
    @CsvSource(delimiter = '|', textBlock = """
            @HappyAirline where is my bag          | where is my bag
            @united thanks                         | thanks
            delayed again http://t.co/a?b=c??      | delayed again
            www.greatdeals.example/love flight     | flight
            """)
    void handlesAndLinksAreNotWords(String tweet, String same) {
        assertThat(score(tweet)).isEqualTo(score(same));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"#fail", "another delay #worst", "#disappointed again"})
    void hashtagsReadAsWords(String text) {
        assertThat(score(text)).isNegative();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"I am under the weather", "the company is in the red", "💔", "broken heart", "yeah right",
        "thanks for nothing", "Never again.", "save your money", "my flight was canceled"})
    void negativeIdiomsAndPhrases(String text) {
        assertThat(score(text)).isNegative();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"I've heard nothing but great things", "not only cheap but good",
        "It doesn't get any better than this", "I couldn't be happier", "can't complain",
        "no complaints at all"})
    void positiveIdiomsThatLookNegated(String text) {
        assertThat(score(text)).isPositive();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "   ", "@united", "http://t.co/x", "flight 1234 to Denver",
        "BEST BEST BEST LOVE LOVE LOVE AMAZING!!!!!!! 😀😀😀😀", "worst worst WORST hate HATE awful!!!!!! 😡😡😡"})
    void compoundStaysWithinBounds(String text) {
        assertThat(score(text)).isBetween(-1.0, 1.0);
    }
}
