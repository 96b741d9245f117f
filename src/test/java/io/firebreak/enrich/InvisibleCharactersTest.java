package io.firebreak.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Zero-width and bidi characters cannot hide a brand from brand matching. */
class InvisibleCharactersTest {

    private static final BrandMatcher BRANDS = BrandMatcher.load(Path.of("config/brands.yaml"));

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"200B", "200C", "200D", "200E", "200F", "202A", "202E", "2060", "2066", "2069", "FEFF", "00AD", "061C"})
    void anInvisibleCharacterInsideTheName_stillMatches(String hex) {
        String mark = Character.toString(Integer.parseInt(hex, 16));
        assertThat(BRANDS.match(Tokens.of("Ac" + mark + "me Air lost my bag"))).containsExactly("acme");
        assertThat(BRANDS.match(Tokens.of("@un" + mark + "ited where is my bag"))).containsExactly("united");
        assertThat(BRANDS.match(Tokens.of(mark + "Acme Air" + mark))).containsExactly("acme");
    }

    @Test
    void invisibleTagCharacters_areDroppedToo() {
        String tag = new String(Character.toChars(0xE0041));
        assertThat(BRANDS.match(Tokens.of("Acme" + tag + " Air"))).containsExactly("acme");
    }

    @Test
    void aBrandFieldWithAZeroWidthSpace_resolvesToTheBrand() {
        assertThat(BRANDS.resolve("Acme\u200B Air")).isEqualTo("acme");
        assertThat(BRANDS.resolve("@un\u2060ited")).isEqualTo("united");
    }

    @Test
    void tokensOfNothingButInvisibleCharacters_areNotWords() {
        assertThat(Tokens.of("\u200B \u200F\u200E acme").size()).isEqualTo(1);
    }
}
