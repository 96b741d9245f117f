package io.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.firebreak.config.ConfigException;
import io.firebreak.detect.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped playbooks load, and a broken one fails the start with every problem named by file and key. */
class PlaybooksTest {

    @TempDir
    Path dir;

    @Test
    void shippedPlaybooks_coverEveryCategory_andSafetyHasTheSev1StatementAndLegalReview() {
        Playbooks p = Playbooks.load(Path.of("config/playbooks"), Path.of("config/categories.yaml"));

        assertThat(p.all().keySet()).contains("default", "safety", "data-privacy", "outage", "legal", "product-quality",
                "conduct", "pricing", "customer-service");
        Playbook safety = p.forCategory("safety");
        Playbook.Step statement = safety.steps().get(0);
        assertThat(statement.id()).isEqualTo("holding-statement");
        assertThat(statement.severities()).containsExactly(Severity.SEV1);
        assertThat(statement.within()).isEqualTo(Duration.ofMinutes(15));
        assertThat(statement.doneWhen()).isEqualTo("statement");
        assertThat(safety.steps()).extracting(Playbook.Step::id).contains("legal-review", "public-update",
                "reply-most-shared", "recovery-watch");
        assertThat(p.forCategory("data-privacy").steps()).extracting(Playbook.Step::id).contains("legal-review");
        assertThat(p.forCategory("other").category()).isEqualTo("default");
        assertThat(p.forCategory("safety").steps()).filteredOn(s -> s.id().equals("public-update"))
                .singleElement().satisfies(s -> assertThat(s.every()).isEqualTo(Duration.ofHours(1)));
    }

    @Test
    void everyProblem_isNamedWithFileAndKey_inOneError() throws IOException {
        Path categories = dir.resolve("categories.yaml");
        Files.writeString(categories, "categories:\n  - id: safety\n  - id: pricing\n");
        Path books = Files.createDirectories(dir.resolve("playbooks"));
        Files.writeString(books.resolve("default.yaml"), """
                category: default
                steps:
                  - id: ok
                    title: Fine
                    owner: comms-lead
                    after: detected
                    within: PT10M
                """);
        Files.writeString(books.resolve("safety.yaml"), """
                category: safety
                steps:
                  - id: a
                    title: One
                    owner: comms-lead
                    after: detection
                    within: PT15
                    severities: [SEV4]
                  - id: a
                    title: Two
                    after: resolved
                    within: PT1H
                    every: PT1H
                    colour: red
                """);

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> Playbooks.load(books, categories));

        assertThat(e.getMessage())
                .contains("safety.yaml: steps[0].after: 'detection' is not one of detected, acknowledged, resolved")
                .contains("safety.yaml: steps[0].within: 'PT15' is not an ISO-8601 duration")
                .contains("safety.yaml: steps[0].severities: 'SEV4' is not SEV1, SEV2 or SEV3")
                .contains("safety.yaml: steps[1].owner: required")
                .contains("safety.yaml: steps[1].colour: unknown key")
                .contains("safety.yaml: steps[1].every: a step after 'resolved' cannot repeat")
                .contains("pricing.yaml: missing: category 'pricing'");
    }

    @Test
    void aFileNamedAfterAnotherCategory_andAMissingDefault_areProblems() throws IOException {
        Path categories = dir.resolve("categories.yaml");
        Files.writeString(categories, "categories:\n  - id: safety\n");
        Path books = Files.createDirectories(dir.resolve("playbooks"));
        Files.writeString(books.resolve("safety.yaml"), "category: outage\nsteps:\n  - {id: x, title: X, owner: o, after: detected, within: PT1M}\n");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> Playbooks.load(books, categories));

        assertThat(e.getMessage()).contains("safety.yaml: category: 'outage' must live in outage.yaml")
                .contains("default.yaml: missing");
    }

    @Test
    void anOwnerThatIsNoRole_isNamedWithFileAndKey() {
        Playbooks p = Playbooks.load(Path.of("config/playbooks"), Path.of("config/categories.yaml"));

        assertThat(p.unknownOwners(Path.of("config/playbooks"), java.util.List.of("comms-lead", "comms-team", "legal")))
                .as("the shipped playbooks name only the shipped roles").isEmpty();
        assertThat(p.unknownOwners(Path.of("config/playbooks"), java.util.List.of("comms-lead", "comms-team")))
                .contains("config/playbooks/safety.yaml: steps[1].owner: 'legal' is not a role of roles.yaml [comms-lead, comms-team]");
    }

    @Test
    void aBrandWhosePublicReadsChinese_getsItsOwnPlaybook_elseTheSharedOne() {
        Playbooks p = Playbooks.load(Path.of("config/playbooks"), Path.of("config/categories.yaml"));

        assertThat(p.forCategory("product-quality", "zh").category()).isEqualTo("zh/product-quality");
        assertThat(p.forCategory("product-quality", "zh").steps()).extracting(Playbook.Step::id)
                .contains("batch-facts", "regulator", "refunds", "weibo-post");
        assertThat(p.forCategory("transport", "zh").category()).as("no Chinese one: the category's shared playbook")
                .isEqualTo("transport");
        assertThat(p.forCategory("other", "zh").category()).as("no category playbook at all: the Chinese default")
                .isEqualTo("zh/default");
        assertThat(p.forCategory("product-quality", "en").category()).isEqualTo("product-quality");
        assertThat(p.forCategory("other", null).category()).isEqualTo("default");
        assertThat(p.unknownOwners(Path.of("config/playbooks"), java.util.List.of("comms-lead", "comms-team")))
                .contains("config/playbooks/zh/product-quality.yaml: steps[3].owner: 'legal' is not a role of roles.yaml"
                        + " [comms-lead, comms-team]");
    }

    @Test
    void aLanguageFolderIsNamedByALanguageTag_andItsCategoriesAreKnown() throws Exception {
        Path books = dir.resolve("playbooks");
        java.nio.file.Files.createDirectories(books.resolve("chinese"));
        java.nio.file.Files.copy(Path.of("config/playbooks/default.yaml"), books.resolve("default.yaml"));
        java.nio.file.Files.writeString(books.resolve("chinese/nonsense.yaml"), "category: nonsense\nsteps:\n  - {id: x, title: X, owner: o, after: detected, within: PT1M}\n");
        Path categories = dir.resolve("categories.yaml");
        java.nio.file.Files.writeString(categories, "categories:\n  - id: safety\n");
        java.nio.file.Files.writeString(books.resolve("safety.yaml"),
                "category: safety\nsteps:\n  - {id: x, title: X, owner: o, after: detected, within: PT1M}\n");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> Playbooks.load(books, categories));
        assertThat(e.getMessage()).contains("a folder of playbooks is named by a language tag (zh, pt-BR), not 'chinese'")
                .contains("chinese/nonsense.yaml: category: 'nonsense' is not a category of categories.yaml");
    }
}
