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

    /** Lingua decides where the fast path cannot and Lingua can: letters beyond ASCII, another language's words, length. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Min flygning ställdes in och ingen svarar i telefonen
            Servicio pésimo
            la pizza fredda
            Houston Dallas Austin Denver Phoenix Seattle Portland Boston Chicago Detroit Atlanta Miami Orlando Tampa Newark Raleigh Memphis
            """)
    void textsWithoutClearEvidence_goToLingua(String text) {
        long before = DETECTOR.fallbacks();
        DETECTOR.detect(text);
        assertThat(DETECTOR.fallbacks() - before).isEqualTo(1);
    }

    /**
     * Below 120 characters Lingua's low-accuracy mode guesses poorly (it called "barely worked." Czech and "DM sent"
     * Tagalog): a short post in plain ASCII with no other language's function word is read in the language the
     * detector is given for it, English by default, and "und" where the deployment wants no guess.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Plane lands without nose gear in Houston
            @united DM sent
            barely worked.
            @VerizonSupport ty
            """)
    void shortPlainPostsWithoutOtherEvidence_takeTheShortTextLanguage(String text) {
        long before = DETECTOR.fallbacks();
        assertThat(DETECTOR.detect(text)).isEqualTo("en");
        assertThat(DETECTOR.fallbacks() - before).isZero();
        assertThat(UNDECIDED.detect(text)).isEqualTo(LanguageDetector.UNDETERMINED);
    }

    /**
     * English posts with one word that is also another language's ("den" an airport code, "is" Dutch, "um" German,
     * "im" for "I'm") stayed unscored before, as Danish, German or Czech; a short post in another language keeps its
     * language, also with an English word in it.
     */
    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            @united Thanks. UA1121, DEN, 40 min on tarmac.      | en
            @united Club in Denver is dope 👌                   | en
            um where's the mango emoji @apple                    | en
            @AmericanAir im still on hold...                     | en
            @SouthwestAir IM NOT THO 😭😭💔                       | en
            @AmericanAir iPhone 6 64GB (not 6 plus)              | en
            Das ist ja wieder super, danke                       | de
            Y el vuelo de hoy no sale, gracias por nada          | es
            Je suis encore en retard avec le train               | fr
            De vlucht is weer te laat                            | nl
            """)
    void oneSharedWordNeitherMakesNorUnmakesEnglish(String text, String lang) {
        assertThat(DETECTOR.detect(text)).isEqualTo(lang);
    }

    private static final FastLanguageDetector UNDECIDED =
            FastLanguageDetector.create(VaderScorer.english().vocabulary(), LanguageDetector.UNDETERMINED);
}
