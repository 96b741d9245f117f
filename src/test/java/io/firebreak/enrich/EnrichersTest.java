package io.firebreak.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firebreak.config.Home;
import io.firebreak.mention.Mention;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The factory the pipeline calls, the whole enrichment of a mention, and config errors. */
class EnrichersTest {

    private static StandardEnricher enricher;

    @BeforeAll
    static void standardFromHome() {
        Metrics.addRegistry(new SimpleMeterRegistry());
        enricher = Enrichers.standard(new Home(Path.of("").toAbsolutePath()));
    }

    private static Mention mention(String text) {
        return Mention.of("test", "1", Instant.parse("2026-03-02T09:00:00Z"), text);
    }

    @Test
    void enrichesAnEnglishComplaint() {
        Enrichment e = enricher.enrich(mention("@AcmeAir I was double charged and nobody answers. Worst airline ever!"));
        assertThat(e.lang()).isEqualTo("en");
        assertThat(e.scored()).isTrue();
        assertThat(e.sentiment()).isBetween(-1.0, -0.05);
        assertThat(e.label()).isEqualTo("negative");
        assertThat(e.negative()).isTrue();
        assertThat(e.brands()).containsExactly("acme");
        assertThat(e.category()).isEqualTo("pricing");
        assertThat(e.categoryTerms()).contains("double charged");
    }

    @Test
    void explicitBrandWinsOverMatching() {
        Enrichment e = enricher.enrich(mention("@united lost my bag").withBrand("acme"));
        assertThat(e.brands()).containsExactly("acme");
    }

    @ParameterizedTest
    @CsvSource({"United, united", "US Airways, usairways", "Virgin America, virginamerica", "@AmericanAir, american",
                "  delta , delta", "Acme Air, acme", "'ACME   Áir', acme", "#acmeair, acme", "Globex Rail, Globex Rail"})
    void explicitBrandName_isCountedUnderItsConfiguredId(String given, String id) {
        Enrichment e = enricher.enrich(mention("my bag is lost").withBrand(given));
        assertThat(e.brands()).containsExactly(id);
    }

    @Test
    void explicitLanguageWinsOverDetection() {
        Mention m = new Mention("1", "test", Instant.EPOCH, "the food was good", null, "en-GB", null, null, null, null);
        Enrichment e = enricher.enrich(m);
        assertThat(e.lang()).isEqualTo("en-GB");
        assertThat(e.scored()).isTrue();
        assertThat(e.label()).isEqualTo("positive");
    }

    @Test
    void languageWithoutScorerIsUnscoredAndCounted() {
        long before = enricher.unscoredCount();
        double counted = Metrics.globalRegistry.find("firebreak.enrich.unscored").tag("lang", "fr").counters().stream()
                .mapToDouble(c -> c.count()).sum();
        Enrichment e = enricher.enrich(mention("Acme Air m'a facturé deux fois et je veux un remboursement"));
        assertThat(e.lang()).isEqualTo("fr");
        assertThat(e.scored()).isFalse();
        assertThat(e.label()).isEqualTo("unscored");
        assertThat(e.negative()).isFalse();
        assertThat(e.brands()).containsExactly("acme");
        assertThat(e.category()).isEqualTo("pricing");
        assertThat(enricher.unscoredCount()).isEqualTo(before + 1);
        assertThat(Metrics.globalRegistry.find("firebreak.enrich.unscored").tag("lang", "fr").counter().count())
                .isEqualTo(counted + 1);
    }

    @Test
    void oddExplicitLanguageIsUnscoredUnderOneMetricTag() {
        Mention m = new Mention("2", "test", Instant.EPOCH, "good", null, "Klingon!!", null, null, null, null);
        Enrichment e = enricher.enrich(m);
        assertThat(e.scored()).isFalse();
        assertThat(e.lang()).isEqualTo("Klingon!!");
        assertThat(Metrics.globalRegistry.find("firebreak.enrich.unscored").tag("lang", "invalid").counter()).isNotNull();
    }

    @Test
    void textWithoutWordsIsScoredBySymbols() {
        Enrichment e = enricher.enrich(mention("😡😡😡"));
        assertThat(e.lang()).isEqualTo("zxx");
        assertThat(e.label()).isEqualTo("negative");
        assertThat(e.category()).isEqualTo("other");
    }

    @Test
    void sharedAcrossThreadsGivesTheSameResults() {
        List<Mention> mentions = IntStream.range(0, 2_000)
                .mapToObj(i -> mention(TEXTS[i % TEXTS.length] + " #" + i))
                .toList();
        List<Enrichment> sequential = mentions.stream().map(enricher::enrich).toList();
        List<Enrichment> parallel = mentions.parallelStream().map(enricher::enrich).toList();
        assertThat(parallel).isEqualTo(sequential);
    }

    private static final String[] TEXTS = {
        "@united lost my bag again, worst service", "Acme Air crew was lovely :)", "Mon vol Acme Air est annulé",
        "my iPhone battery exploded 😱", "😡", "Mi vuelo con @Delta fue cancelado",
        "Min flygning ställdes in och ingen svarar i telefonen"}; // the last one goes to Lingua

    @Test
    void unknownKeyNamesFileLineAndKnownKeys(@TempDir Path dir) throws IOException {
        Path brands = Files.writeString(dir.resolve("brands.yaml"), """
                brands:
                  - id: acme
                    nmes: [Acme Air]
                """);
        assertThatThrownBy(() -> Enrichers.fromFiles(brands, Path.of("config/categories.yaml")))
                .isInstanceOf(EnrichConfigException.class)
                .hasMessageContaining(brands.toString())
                .hasMessageContaining("brands[0].nmes: unknown key 'nmes'")
                .hasMessageContaining("names");
    }

    @Test
    void badYamlNamesTheFile(@TempDir Path dir) throws IOException {
        Path categories = Files.writeString(dir.resolve("categories.yaml"), "categories: [ {id: safety, terms: {en: [fire}\n");
        assertThatThrownBy(() -> Enrichers.fromFiles(Path.of("config/brands.yaml"), categories))
                .isInstanceOf(EnrichConfigException.class)
                .hasMessageStartingWith(categories.toString());
    }

    @Test
    void semanticErrorsAreExplained(@TempDir Path dir) throws IOException {
        Path twice = Files.writeString(dir.resolve("brands.yaml"), """
                brands:
                  - {id: acme, names: [Acme Air]}
                  - {id: acme, names: [Acme]}
                """);
        assertThatThrownBy(() -> BrandMatcher.load(twice)).hasMessageContaining("brand id 'acme' appears twice");
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "brands:\n  - {id: ghost}\n");
        assertThatThrownBy(() -> BrandMatcher.load(empty)).hasMessageContaining("'ghost' has no names");
        Path badStem = Files.writeString(dir.resolve("categories.yaml"), "categories:\n  - {id: x, terms: {en: [\"a*\"]}}\n");
        assertThatThrownBy(() -> CategoryClassifier.load(badStem)).hasMessageContaining("stem").hasMessageContaining("a*");
        assertThatThrownBy(() -> BrandMatcher.load(dir.resolve("missing.yaml"))).hasMessageContaining("file not found");
    }
}
