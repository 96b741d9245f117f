package io.firebreak.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fast path and Lingua together on a few sentences in common languages. */
class LanguageDetectionTest {

    private static final FastLanguageDetector DETECTOR = FastLanguageDetector.create(VaderScorer.english().vocabulary());

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            @united my flight was cancelled and nobody is answering the phone | en
            @united thanks!                                                   | en
            @united hilarious                                                 | en
            Hola                                                              | es
            Bonjour @AcmeAir                                                  | fr
            Mi vuelo fue cancelado y nadie contesta el teléfono               | es
            Mon vol a été annulé et personne ne répond au téléphone           | fr
            Mein Flug wurde gestrichen und niemand geht ans Telefon           | de
            Il mio volo è stato cancellato e nessuno risponde al telefono     | it
            O meu voo foi cancelado e ninguém atende o telefone               | pt
            Mijn vlucht is geannuleerd en niemand neemt de telefoon op        | nl
            Min flygning ställdes in och ingen svarar i telefonen             | sv
            as a whole, the dvd player has a sleek design and works fine      | en
            what a dvd player!                                                | en
            Voy a la playa con mi familia este verano                         | es
            Vou a praia com as crianças amanhã                                | pt
            Ils ont perdu ma valise et personne ne répond                     | fr
            On a attendu deux heures à la porte                               | fr
            Vado a casa con il treno delle sei                                | it
            Мой рейс отменили, и никто не отвечает на звонки                  | ru
            私のフライトがキャンセルされました                                    | ja
            제 항공편이 취소되었습니다                                            | ko
            😡😡 @united http://t.co/abc                                      | zxx
            """)
    void detectsCommonLanguages(String text, String lang) {
        assertThat(DETECTOR.detect(text)).isEqualTo(lang);
    }

    /** Lingua costs ~100x the fast path per text: plain English with its short words must not need it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            as a whole, the dvd player has a sleek design and works fine
            @united so you're telling me there is no number to call after being left in an airport
            what a dvd player!
            """)
    void plainEnglish_isDecidedWithoutLingua(String text) {
        long before = DETECTOR.fallbacks();
        assertThat(DETECTOR.detect(text)).isEqualTo("en");
        assertThat(DETECTOR.fallbacks() - before).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Min flygning ställdes in och ingen svarar i telefonen
            E190 lands without nose gear in Houston
            """)
    void textsWithoutClearEvidence_goToLingua(String text) {
        long before = DETECTOR.fallbacks();
        DETECTOR.detect(text);
        assertThat(DETECTOR.fallbacks() - before).isEqualTo(1);
    }
}
