package io.firebreak.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Crisis categories from the shipped config/categories.yaml. */
class CategoryClassifierTest {

    private static final CategoryClassifier CATEGORIES = CategoryClassifier.load(Path.of("config/categories.yaml"));

    private static CategoryClassifier.Match classify(String text, String lang) {
        return CATEGORIES.classify(Tokens.of(text), lang);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            A passenger was injured when the overhead bin fell   | en | safety
            Smoke in the cabin, emergency landing                | en | safety
            My account was hacked and my personal data leaked    | en | data-privacy
            The app is down again, can't log in                  | en | outage
            I will sue you, my lawyer is calling                 | en | legal
            They announced a recall of the faulty chargers       | en | product-quality
            The gate agent was rude and yelled at my mother      | en | conduct
            I was double charged and still no refund             | en | pricing
            On hold for 3 hours with customer service            | en | customer-service
            Lovely sunset from seat 12A                          | en | other
            La aplicación no funciona desde ayer                 | es | outage
            Mi vuelo fue cancelado y nadie responde, sin respuesta | es | customer-service
            Ein Passagier wurde verletzt                         | de | safety
            On m'a facturé deux fois, je veux un remboursement   | fr | pricing
            """)
    void picksTheCategoryWithMostEvidence(String text, String lang, String category) {
        assertThat(classify(text, lang).category()).isEqualTo(category);
    }

    @Test
    void recordsTheMatchedTermsAndPhrases() {
        var match = classify("I was double charged, want a refund", "en");
        assertThat(match.category()).isEqualTo("pricing");
        assertThat(match.terms()).contains("double charged", "refund");
    }

    @Test
    void stemsMatchWordBeginningsOnly() {
        assertThat(classify("two people injured", "en").terms()).containsExactly("injured");
        assertThat(classify("uninjured and fine", "en").category()).isEqualTo("other");
    }

    @Test
    void languageWithoutTermsUsesEveryLanguage() {
        assertThat(classify("refund please", "sv").category()).isEqualTo("pricing");
        assertThat(classify("refund please", "und").category()).isEqualTo("pricing");
    }

    @Test
    void tiesGoToTheCategoryListedFirst() {
        // one word each for safety ("fire") and pricing ("fee"): safety is listed first
        assertThat(classify("fire fee", "en").category()).isEqualTo("safety");
    }
}
