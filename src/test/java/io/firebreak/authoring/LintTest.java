package io.firebreak.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.config.Home;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code firebreak rules lint}: the shipped files are clean; a broken copy gets every problem, each on its line. */
class LintTest {

    @Test
    void shippedRulesAndConfig_haveNoProblems() {
        assertThat(new Lint(new Home(Path.of("").toAbsolutePath()), Path.of("rules"), Path.of("config/thresholds.yaml")).run())
                .isEmpty();
    }

    @Test
    void everyProblemInEveryFile_atOnce_withItsLine(@TempDir Path home) throws IOException {
        copy(Path.of("config"), home.resolve("config"));
        copy(Path.of("rules"), home.resolve("rules"));
        Path config = home.resolve("config");
        Path rules = home.resolve("rules");
        edit(config.resolve("thresholds.yaml"), "  min-originals: 15", "  min-originals: fifteen");
        edit(config.resolve("thresholds.yaml"), "  sev2: {count: 50, measure: 8.0}", "  sev2: {count: 50, measure: 8.0, extra: 1}");
        edit(config.resolve("thresholds.yaml"), "  sev1: {count: 150, measure: 15.0}", "  sev1: {count: 150, measure: 5.0}");
        Files.writeString(config.resolve("thresholds.yaml"), "\nnegative-spkie:\n  min-count: 3\n",
                java.nio.file.StandardOpenOption.APPEND);
        edit(config.resolve("detection.yaml"), "allowed-lateness: PT2M", "allowed-lateness: 2 minutes");
        edit(config.resolve("alerts.yaml"), "quiet-time: PT60M", "quite-time: PT60M");
        edit(config.resolve("routing.yaml"), "  - severity: SEV1", "  - severity: SEV4");
        edit(config.resolve("brands.yaml"), "    exclusions: [Manchester United", "    exclusion: [Manchester United");
        edit(config.resolve("statements/safety.yaml"), "category: safety", "category: safty");
        edit(rules.resolve("volume-spike.drl"), "shareShift < $t.shift )", "shareShift < $t.shift, shareZ >= $t.minShare )");
        Files.createDirectories(config.resolve("playbooks"));
        Files.writeString(config.resolve("playbooks/safety.yaml"), "category: safety\nsteps:\n  - [unclosed\n");
        Files.writeString(config.resolve("playbooks/list.yaml"), "- one\n- two\n");
        Files.writeString(rules.resolve("broken.drl"), "package rules;\nimport io.firebreak.detect.Thresholds;\n"
                + "rule \"broken: oops\"\nwhen\n    $t : Thresholds( rule == \"broken\" \nthen\nend\n");

        Path th = config.resolve("thresholds.yaml");
        int originals = line(th, "min-originals: fifteen"), extra = line(th, "extra: 1"), sev1 = line(th, "measure: 5.0}");
        int spkie = line(th, "negative-spkie:"), lateness = line(config.resolve("detection.yaml"), "allowed-lateness:");
        int minShare = line(rules.resolve("volume-spike.drl"), "shareZ >= $t.minShare");
        int exclusion = line(config.resolve("brands.yaml"), "exclusion: [Manchester United");
        List<String> problems = new Lint(new Home(home), rules, config.resolve("thresholds.yaml")).run().stream()
                .map(p -> home.relativize(p.file()) + ":" + p.line() + ": " + p.message()).toList();

        assertThat(problems).containsExactly(
                "config/alerts.yaml:2: unknown key 'quite-time' (known: confirm-within, growth-step, hold-down, quiet-time, update-every)",
                "config/brands.yaml:" + exclusion + ": brands[0].exclusion: unknown key 'exclusion' (known keys: aliases, exclusions, handles, hashtags, id, name, names)",
                "config/detection.yaml:" + lateness + ": allowed-lateness: expected an ISO-8601 duration such as PT5M, found '2 minutes'",
                "config/playbooks/list.yaml:1: a playbook is a map (category, steps ...)",
                "config/playbooks/safety.yaml:4: expected ',' or ']', but got <stream end>",
                "config/routing.yaml:9: routes[0].severity: 'SEV4' is not SEV1, SEV2 or SEV3",
                "config/routing.yaml:12: routes[1].severity: 'SEV4' is not SEV1, SEV2 or SEV3",
                "config/statements/safety.yaml:2: category 'safty' must live in safty.yaml",
                "config/thresholds.yaml:" + originals + ": negative-spike.min-originals: expected a whole number, found 'fifteen'",
                "config/thresholds.yaml:" + extra + ": negative-spike.sev2.extra: unknown key (a step has count and measure)",
                "config/thresholds.yaml:" + sev1 + ": negative-spike.sev1: below sev2 (a SEV1 step must need at least the SEV2 count and measure)",
                "config/thresholds.yaml:" + spkie + ": 'negative-spkie': no rule in " + rules
                        + " has this id (rule ids: broken, crisis-keyword-surge, influencer-complaint, negative-build, negative-share-shift, "
                        + "negative-spike, viral-post, volume-spike)",
                "rules/broken.drl:5: reads Thresholds( rule == \"broken\" ) but " + config.resolve("thresholds.yaml")
                        + " has no entry 'broken': the rule can never fire",
                "rules/broken.drl:6: [ERR 102] Line 6:0 mismatched input 'then' in rule \"broken: oops\"",
                "rules/volume-spike.drl:" + minShare + ": reads $t.minShare but " + config.resolve("thresholds.yaml")
                        + " sets no min-share for volume-spike (it would be 0)");
    }

    @Test
    void aRouteToAnUnknownCategory_andAStepOwnedByAnUnknownRole_areReportedOnTheirLines(@TempDir Path home) throws IOException {
        copy(Path.of("config"), home.resolve("config"));
        copy(Path.of("rules"), home.resolve("rules"));
        Path config = home.resolve("config");
        edit(config.resolve("routing.yaml"), "category: [violence, safety,", "category: [violence, safty,");
        edit(config.resolve("playbooks/legal.yaml"), "    owner: legal", "    owner: lawyers");
        Path zh = config.resolve("playbooks/zh/safety.yaml");
        Files.writeString(zh, Files.readString(zh).replaceFirst("owner: comms-lead", "owner: comms-leed"));
        int route = line(config.resolve("routing.yaml"), "safty"), lawyers = line(config.resolve("playbooks/legal.yaml"), "lawyers");
        int leed = line(zh, "comms-leed");

        List<String> problems = lint(home);

        assertThat(problems).containsExactly(
                "config/playbooks/legal.yaml:" + lawyers + ": steps[1].owner: 'lawyers' is not a role of roles.yaml "
                        + "[comms-lead, comms-team, legal]",
                "config/playbooks/zh/safety.yaml:" + leed + ": steps[0].owner: 'comms-leed' is not a role of roles.yaml "
                        + "[comms-lead, comms-team, legal]",
                "config/routing.yaml:" + route + ": routes[0].category: 'safty' is not a category of categories.yaml "
                        + "[conduct, customer-service, data-privacy, legal, misconduct, misinformation, natural-disaster, "
                        + "other, outage, pricing, product-quality, safety, tampering, transport, violence] (the route can never match)");
    }

    @Test
    void aPlaybookWithABadStep_isNotAlsoAMissingPlaybook(@TempDir Path home) throws IOException {
        copy(Path.of("config"), home.resolve("config"));
        copy(Path.of("rules"), home.resolve("rules"));
        Path legal = home.resolve("config/playbooks/legal.yaml");
        Files.writeString(legal, Files.readString(legal).replaceFirst("after: detected", "after: later"));

        assertThat(lint(home)).singleElement().asString()
                .startsWith("config/playbooks/legal.yaml:" + line(legal, "after: later") + ": steps[0].after: 'later' is not one of");
    }

    @Test
    void everyBadEntryOfAFileIsReported_notOnlyTheFirst(@TempDir Path home) throws IOException {
        copy(Path.of("config"), home.resolve("config"));
        copy(Path.of("rules"), home.resolve("rules"));
        Path config = home.resolve("config");
        edit(config.resolve("brands.yaml"), "    name: US Airways", "    nam: US Airways");
        edit(config.resolve("brands.yaml"), "    aliases: [AA airlines]", "    alias: [AA airlines]");
        edit(config.resolve("routing.yaml"), "  - severity: SEV1", "  - severity: SEV9");
        Files.writeString(config.resolve("silences.yaml"), "silences:\n  - id: a\n    brand: united\n"
                + "  - id: b\n    expires_at: soon\n");
        edit(config.resolve("statements/legal.yaml"), "  default: holding", "  default: holdin");
        edit(config.resolve("statements/legal.yaml"), "issue_fallback: a legal matter\n", "");
        edit(config.resolve("thresholds.yaml"), "    growth: 1.5", "    growth: 0.5");
        edit(config.resolve("thresholds.yaml"), "    shares: 500", "    shares: -5");
        Path brands = config.resolve("brands.yaml"), routing = config.resolve("routing.yaml");

        List<String> problems = lint(home);

        assertThat(problems).containsExactly(
                "config/brands.yaml:" + line(brands, "nam: US") + ": brands[1].nam: unknown key 'nam' (known keys: "
                        + "aliases, exclusions, handles, hashtags, id, name, names)",
                "config/brands.yaml:" + line(brands, "alias: [AA") + ": brands[2].alias: unknown key 'alias' (known keys: "
                        + "aliases, exclusions, handles, hashtags, id, name, names)",
                "config/routing.yaml:9: routes[0].severity: 'SEV9' is not SEV1, SEV2 or SEV3",
                "config/routing.yaml:12: routes[1].severity: 'SEV9' is not SEV1, SEV2 or SEV3",
                "config/silences.yaml:2: silences[0] (a): expires_at is missing; silences must expire",
                "config/silences.yaml:4: silences[1] (b): expires_at is not an ISO-8601 instant: soon",
                "config/statements/legal.yaml:0: issue_fallback is missing or not text",
                "config/statements/legal.yaml:" + line(config.resolve("statements/legal.yaml"), "default: holdin")
                        + ": recommend.default: no variant named 'holdin'",
                "config/thresholds.yaml:" + line(config.resolve("thresholds.yaml"), "growth: 0.5")
                        + ": decisions.early-looks.growth: must be above 1 (each look needs a larger wave), found 0.5",
                "config/thresholds.yaml:" + line(config.resolve("thresholds.yaml"), "shares: -5")
                        + ": decisions.notable.shares: must be at least 1, found -5");
    }

    @Test
    void aBrokenRule_isPrintedOnceByLint_notAlsoDumpedByDroolsOnStderr(@TempDir Path home) throws IOException {
        copy(Path.of("config"), home.resolve("config"));
        copy(Path.of("rules"), home.resolve("rules"));
        Files.writeString(home.resolve("rules/broken.drl"), "package rules;\nrule \"broken: oops\"\nwhen\n    x(\nthen\nend\n");
        var stderr = new java.io.ByteArrayOutputStream();
        java.io.PrintStream was = System.err;
        List<String> problems;
        System.setErr(new java.io.PrintStream(stderr, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            problems = lint(home);
        } finally {
            System.setErr(was);
        }

        assertThat(problems).anyMatch(p -> p.startsWith("rules/broken.drl:"));
        assertThat(stderr.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("KieProject").doesNotContain("ERROR");
    }

    private static List<String> lint(Path home) {
        return new Lint(new Home(home), home.resolve("rules"), home.resolve("config/thresholds.yaml")).run().stream()
                .map(p -> home.relativize(p.file()) + ":" + p.line() + ": " + p.message()).toList();
    }

    /** The 1-based line holding {@code text}: the test does not hard-code where the shipped files put things. */
    private static int line(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).as(file + " holds what the test breaks").contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
