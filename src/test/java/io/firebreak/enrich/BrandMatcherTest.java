package io.firebreak.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Brand matching against the shipped config/brands.yaml. */
class BrandMatcherTest {

    private static final BrandMatcher BRANDS = BrandMatcher.load(Path.of("config/brands.yaml"));

    private static List<String> match(String text) {
        return BRANDS.match(Tokens.of(text));
    }

    private static List<String> ids(String csv) {
        return csv == null ? List.of() : Arrays.asList(csv.split(" "));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            @united where is my bag                       | united
            @UNITED where is my bag                       | united
            flying UNITED AIRLINES today                  | united
            flying united airlines today                  | united
            Thanks @SouthwestAir!                         | southwest
            @USAirways @AmericanAir merger mess           | usairways american
            US Airways lost my bag                        | usairways
            loving #VirginAmerica                         | virginamerica
            @JetBlue nice crew                            | jetblue
            Acme Air cancelled my flight                  | acme
            ACME AIR cancelled my flight                  | acme
            @AcmeAir_Help is slow                          |
            my new iPhone is great                        | apple
            """)
    void caseInsensitiveWholeWords(String text, String expected) {
        assertThat(match(text)).containsExactlyInAnyOrderElementsOf(ids(expected));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Visiting the United States                    |
            the unitedairlines.example page               |
            pineapple juice                               |
            Appleton is a town                            |
            Acmeair cancelled                             | acme
            Ａcme Air                                     |
            """)
    void onlyWholeWordsMatch(String text, String expected) {
        assertThat(match(text)).containsExactlyInAnyOrderElementsOf(ids(expected));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Àcmé Áir is late again                        | acme
            ÀPPLE store                                   | apple
            """)
    void accentsAreIgnored(String text, String expected) {
        assertThat(match(text)).containsExactlyInAnyOrderElementsOf(ids(expected));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            baked an apple pie today                      |
            Apple pie and coffee                          |
            my iPhone and an apple pie                    | apple
            @Apple even apple pie is better than this     | apple
            Apple announced a recall                      | apple
            """)
    void exclusionsVetoNameMatches(String text, String expected) {
        assertThat(match(text)).containsExactlyInAnyOrderElementsOf(ids(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            @united vs @Delta vs @JetBlue, who is worse   | united delta jetblue
            Apple Pay does not work on Virgin America     | apple virginamerica
            """)
    void severalBrandsInOneMention(String text, String expected) {
        assertThat(match(text)).containsExactlyInAnyOrderElementsOf(ids(expected));
    }
}
