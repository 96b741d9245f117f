package io.firebreak.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firebreak.alert.Alert;
import io.firebreak.detect.Severity;
import io.firebreak.detect.Evidence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HoldingStatementsTest {

    private static final Path SHIPPED = Path.of("config/statements");
    private static final Path SETTINGS = Path.of("config/statement-settings.yaml");
    private static final Instant FIRED = Instant.parse("2026-03-02T09:07:00Z");

    /** Corporate boilerplate and blame that crisis-comms practice rules out of a first statement. */
    private static final List<String> BANNED = List.of(
            "take this very seriously", "very seriously", "take this matter seriously", "seriously",
            "valued customer", "any inconvenience", "inconvenience this may have caused", "apologize for any",
            "apologise for any", "sorry if", "sorry for any", "sorry you feel", "regret any", "deeply regret",
            "at this point in time", "going forward", "abundance of caution", "isolated incident", "rest assured",
            "no comment", "committed to", "top priority", "unfortunate", "misunderstanding", "user error",
            "misuse", "supplier", "our partner", "third party", "hackers", "leverage", "stakeholders");

    private final HoldingStatements statements = HoldingStatements.load(SHIPPED, SETTINGS);

    @Test
    void everyCategoryHasAFileWithAtLeastTwoVariantsAndAChecklist() {
        assertThat(statements.categories()).containsOnlyKeys(
                "violence", "safety", "tampering", "data-privacy", "transport", "natural-disaster", "outage",
                "misinformation", "legal", "misconduct", "product-quality", "conduct", "pricing", "customer-service",
                "other");
        statements.categories().values().forEach(c -> {
            assertThat(c.variants()).as(c.category()).containsKeys("holding", "apology", "safety-first");
            assertThat(c.checklist().dos()).as(c.category()).isNotEmpty();
            assertThat(c.checklist().donts()).as(c.category()).isNotEmpty();
        });
    }

    @Test
    void noTemplateUsesBoilerplateOrBlame() {
        statements.categories().values().forEach(c -> c.variants().values().forEach(texts -> texts.values().forEach(t -> {
            String text = t.literalText().toLowerCase(Locale.ROOT);
            BANNED.forEach(phrase -> assertThat(text).as(t.where()).doesNotContain(phrase));
        })));
    }

    @Test
    void everyTemplatePromisesTheNextUpdateAndSaysWhereToGetHelp() {
        statements.categories().values().forEach(c -> c.variants().values().forEach(texts -> texts.values().forEach(t -> {
            assertThat(t.parts()).as(t.where()).contains(
                    new Template.Slot(Placeholder.NEXT_UPDATE), new Template.Slot(Placeholder.HELP));
        })));
    }

    private static final List<String> WAVE = List.of(
            "Acme Air power bank caught fire on flight AC417, cabin full of smoke",
            "@AcmeAir a power bank caught fire in row 12!! http://x.example/1",
            "RT @bob: Acme Air power bank caught fire on flight AC417, cabin full of smoke",
            "power bank caught fire mid-flight, crew used an extinguisher");

    @Test
    void sev1SafetyRecommendsSafetyFirstFilledWithBrandIssueHelpAndUpdateTime() {
        HoldingStatement s = statements.write(alert("safety", Severity.SEV1, List.of("fire", "smoke")), WAVE,
                FIRED.plusSeconds(60));

        assertThat(s.templateId()).isEqualTo("safety/safety-first/default");
        assertThat(s.text())
                .startsWith("Your safety comes first. We've seen reports about power bank caught fire involving Acme Air.")
                .contains("contact help.acme.example or 0800 000 000.")
                .endsWith("Next update by 10:07 UTC on 2 Mar.");
        assertThat(s.checklist().dos()).isNotEmpty();
    }

    @Test
    void theSafetyPrecautionIsTheBrandsOwn_elseTheDefault() {
        // an airline's public is on board or at the gate: "stop using the product" is not advice they can take
        assertThat(statements.write(alert("safety", Severity.SEV1, List.of("smoke")), WAVE, FIRED).text())
                .contains("Travelling with us? Please follow our crew's instructions.").doesNotContain("stop using");
        Alert other = Alert.opened("k-1", "negative-spike", "kettleco", "safety", Severity.SEV1, FIRED,
                new Evidence("15m", 480, 400, 40, 12, 0.83, 1_200_000, List.of(), List.of("smoke")), false, null);
        assertThat(statements.write(other, WAVE, FIRED).text()).contains("Please stop using the product until we share more.");
    }

    @Test
    void nextUpdateMovesToTheNextSlotOnceTheFirstHasPassed() {
        Alert sev2 = alert("outage", Severity.SEV2, List.of("login"));

        assertThat(statements.nextUpdate(sev2, FIRED)).isEqualTo(FIRED.plusSeconds(2 * 3600));
        assertThat(statements.nextUpdate(sev2, FIRED.plusSeconds(2 * 3600))).isEqualTo(FIRED.plusSeconds(4 * 3600));
        assertThat(statements.nextUpdate(sev2, FIRED.plusSeconds(2 * 3600 - 1))).isEqualTo(FIRED.plusSeconds(2 * 3600));
    }

    @Test
    void hostilePostsArePlainTextAndNeverExpanded() {
        List<String> hostile = List.of("<!channel> {help} *free* refunds http://evil.example/x",
                "<!channel> {help} *free* refunds now", "`{next_update}` *free* refunds");
        HoldingStatement s = statements.write(alert("other", Severity.SEV3, List.of("<!channel>", "{help}")), hostile, FIRED);

        assertThat(s.text()).doesNotContain("<", ">", "{", "}", "*", "://", "`").contains("free refunds and Acme Air");
    }

    @Test
    void aBrandWithoutADisplayNameIsNamedByItsId() {
        Alert unnamed = Alert.opened("b-1", "negative-spike", "lat-0", "outage", Severity.SEV3, FIRED,
                new Evidence("15m", 480, 400, 40, 12, 0.83, 1_200, List.of(), List.of("down")), false, null);

        assertThat(statements.write(unnamed, List.of("the app is down again", "app is down for everyone"), FIRED).text())
                .contains("lat-0").contains("app is down");
    }

    @Test
    void withoutPostsThatRepeatAPhraseTheIssueIsTheCategorysWordingNeverAListOfTerms() {
        HoldingStatement s = statements.write(alert("safety", Severity.SEV2, List.of("battery", "fire", "recall")),
                List.of("battery got hot", "fire!!", "recall it"), FIRED);

        assertThat(s.text()).contains("reports about a possible safety problem involving Acme Air").doesNotContain("battery, fire");
    }

    @Test
    void everyShippedVariantFitsOnePostOnXWithTheLongestSummaryItHasRoomFor() {
        List<String> longWave = List.of(
                "the seat belt sign stayed on while the overhead bins opened and bags fell on passengers in rows twelve to twenty",
                "the seat belt sign stayed on while the overhead bins opened and bags fell on passengers in rows twelve to twenty!!",
                "omg the seat belt sign stayed on while the overhead bins opened and bags fell on passengers in rows twelve to twenty");
        statements.categories().values().forEach(c -> {
            for (Severity severity : Severity.values()) {
                HoldingStatement s = statements.write(alert(c.category(), severity, List.of("bags")), longWave, FIRED);
                assertThat(s.text().length()).as(s.templateId()).isLessThanOrEqualTo(StatementSettings.X_POST_CHARS);
                assertThat(s.text()).as(s.templateId()).contains("Next update by");
            }
        });
    }

    @Test
    void aVariantTooLongForOnePostIsAConfigErrorNamingFileKeyAndLength(@TempDir Path dir) throws IOException {
        Files.copy(SHIPPED.resolve("other.yaml"), dir.resolve("other.yaml"));
        Files.writeString(dir.resolve("outage.yaml"), Files.readString(SHIPPED.resolve("outage.yaml"))
                .replace("We're sorry: {brand} let you down today,", "We're sorry: {brand} let you down today, " + "truly ".repeat(40)));

        assertThatThrownBy(() -> HoldingStatements.load(dir, SETTINGS))
                .isInstanceOf(StatementConfigException.class)
                .hasMessageContaining("outage.yaml: variants.apology.default:")
                .hasMessageContaining("characters with brand 'acme'")
                .hasMessageContaining("a post takes at most 280");
    }

    @Test
    void theNextUpdateIsInTheBrandsTimeZone(@TempDir Path dir) throws IOException {
        Path settings = dir.resolve("statement-settings.yaml");
        Files.writeString(settings, Files.readString(SETTINGS)
                .replace("    help: help.acme.example or 0800 000 000", "    help: help.acme.example or 0800 000 000\n    time_zone: Asia/Shanghai"));
        HoldingStatements zoned = HoldingStatements.load(SHIPPED, settings);

        // fired 09:07 UTC, SEV2 every 2 hours: 11:07 UTC is 19:07 in Shanghai
        assertThat(zoned.write(alert("outage", Severity.SEV2, List.of()), FIRED).text()).endsWith("Next update by 19:07 CST on 2 Mar.");
        assertThat(statements.write(alert("outage", Severity.SEV2, List.of()), FIRED).text()).endsWith("Next update by 11:07 UTC on 2 Mar.");
    }

    @Test
    void theNextUpdateIsNeverBeforeTheAlertsOwnLastUpdate() {
        // written at 09:08 for an alert last updated at 13:00 (its event time runs ahead of this clock)
        Alert later = alert("outage", Severity.SEV2, List.of()).next(Alert.Change.grown, "negative-spike", Severity.SEV2,
                Alert.Status.firing, Instant.parse("2026-03-02T13:00:00Z"), null, false, null);

        assertThat(statements.nextUpdate(later, FIRED.plusSeconds(60))).isEqualTo(Instant.parse("2026-03-02T13:07:00Z"));
    }

    @Test
    void noTermsFallsBackToTheCategoryWording_unknownCategoryUsesOther() {
        assertThat(statements.write(alert("pricing", Severity.SEV3, List.of()), FIRED).text())
                .contains("questions about our prices or charges");
        assertThat(statements.write(alert("weather", Severity.SEV3, List.of()), FIRED).templateId())
                .isEqualTo("other/holding/default");
    }

    @Test
    void unknownPlaceholderIsAConfigErrorNamingFileAndKey(@TempDir Path dir) throws IOException {
        Files.copy(SHIPPED.resolve("other.yaml"), dir.resolve("other.yaml"));
        Files.writeString(dir.resolve("outage.yaml"), Files.readString(SHIPPED.resolve("outage.yaml"))
                .replace("We're sorry: {brand}", "We're sorry: {company}"));

        assertThatThrownBy(() -> HoldingStatements.load(dir, SETTINGS))
                .isInstanceOf(StatementConfigException.class)
                .hasMessageContaining("outage.yaml: variants.apology.default: unknown placeholder {company}");
    }

    @Test
    void unclosedBraceIsAConfigError() {
        assertThatThrownBy(() -> Template.parse("next update by {next_update", "x.yaml: variants.holding.default"))
                .hasMessageContaining("x.yaml: variants.holding.default: unclosed '{'");
    }

    private static Alert alert(String category, Severity severity, List<String> terms) {
        return Alert.opened("a-1", "negative-spike", "acme", category, severity, FIRED,
                new Evidence("15m", 480, 400, 40, 12, 0.83, 1_200_000, List.of(), terms), false, null);
    }
}
