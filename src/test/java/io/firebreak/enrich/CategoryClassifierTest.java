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

    /** Posts written the way people write about each crisis type, not one phrase per category. */
    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Active shooter at the Acme mall, everyone is hiding in the back          | en | violence
            gunman inside the acme store on main st, police everywhere               | en | violence
            bomb threat at acme HQ, whole building evacuated by police               | en | violence
            they have taken hostages in the acme branch, armed police outside        | en | violence
            guy stabbed outside the acme cinema last night                           | en | violence
            Tiroteo en el centro comercial de Acme, hay un tirador                   | es | violence
            Found a needle inside my Acme yoghurt, the seal was broken               | en | tampering
            razor blades in acme baby food jars?? someone tampered with them         | en | tampering
            glass in my acme soup, shards of glass everywhere                        | en | tampering
            Acme train derailed near the bridge, carriages overturned                | en | transport
            stranded on the acme bus for 3 hours, it broke down on the motorway     | en | transport
            stuck on the tarmac for 4 hours with no air conditioning #acme          | en | transport
            Acme coach rolled over on the highway                                    | en | transport
            Der Acme-Zug ist entgleist, wir sind gestrandet                          | de | transport
            Hurricane knocked out every acme store in the county                     | en | natural-disaster
            acme warehouse flooded after the flash flood, orders stuck               | en | natural-disaster
            Wildfire smoke closed the acme plant, it is in the evacuation zone      | en | natural-disaster
            Terremoto: todas las tiendas de Acme cerradas                            | es | natural-disaster
            That viral acme video is fake, it was debunked already                   | en | misinformation
            is it true acme puts plastic in the rice? sounds like a hoax             | en | misinformation
            the rumour about acme closing is not true, stop spreading lies           | en | misinformation
            Acme CEO accused of embezzlement and insider trading                     | en | misconduct
            acme manager covered up the sexual harassment complaints                 | en | misconduct
            Acme CFO stepped down after the bribery scandal                          | en | misconduct
            Skandal: Bestechung und Vertuschung bei Acme                              | de | misconduct
            """)
    void coversTheCrisisTypesOfPractice(String text, String lang, String category) {
        assertThat(classify(text, lang).category()).isEqualTo(category);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            A flood of complaints: the acme app is down again                        | en | outage
            Photo shoot at the acme store today, love it                             | en | other
            acme power bank broke after two days                                     | en | product-quality
            """)
    void everydayWordsDoNotMakeACrisisType(String text, String lang, String category) {
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
