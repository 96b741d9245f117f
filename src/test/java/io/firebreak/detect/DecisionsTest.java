package io.firebreak.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.firebreak.alert.Alert;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decisions around the rules come from thresholds.yaml: validated with their line, and reloaded with the rules. */
class DecisionsTest {

    @TempDir
    Path dir;

    @Test
    void shippedDecisions_areTheEngineDefaults() {
        Decisions d = ShippedRules.book().decisions();
        assertThat(d.earlyLooks().growth()).isEqualTo(Decisions.DEFAULTS.earlyLooks().growth());
        assertThat(d.earlyLooks().resetBelow()).isCloseTo(Decisions.DEFAULTS.earlyLooks().resetBelow(), within(1e-4));
        assertThat(d.calm()).isEqualTo(new Decisions.Calm(1.5, 2.0));
        assertThat(d.earlyLooks().minNegatives()).isEqualTo(10);
        assertThat(d.notable()).isEqualTo(new Decisions.Notable(50_000, 500, true, 20));
        assertThat(d.mergeOther()).isTrue();
    }

    @Test
    void raisingTheNotableFollowers_byHotReload_stopsTheNextInfluencerAlert() throws IOException {
        Path rules = copy();
        Path thresholds = dir.resolve("thresholds.yaml");
        var detection = Detection.of(rules, thresholds, ShippedRules.settings(), false);
        var run = ShippedRules.run(detection);
        Instant t = Instant.parse("2026-03-02T10:00:10Z");
        assertThat(HotReloadTest.influencer(run, "a", t)).extracting(Alert::rule).containsExactly("influencer-complaint");

        // 300,000 followers is no longer notable: the mention never reaches the rules as an event
        Files.writeString(thresholds, Files.readString(thresholds).replace("    followers: 50000", "    followers: 500000"));
        assertThat(detection.reload()).isEmpty();

        assertThat(HotReloadTest.influencer(run, "b", t.plusSeconds(3600 * 3)))
                .noneMatch(a -> a.change() == Alert.Change.opened);
    }

    @Test
    void aWrongDecisionKey_isAProblemOnItsLine_andKeepsTheOldOnes() throws IOException {
        Path rules = copy();
        Path thresholds = dir.resolve("thresholds.yaml");
        var detection = Detection.of(rules, thresholds, ShippedRules.settings(), false);
        Decisions before = detection.rules().decisions();
        Files.writeString(thresholds, Files.readString(thresholds).replace("    max-z: 2.0", "    max-zz: 2.0"));

        var problems = detection.reload();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(thresholds);
            assertThat(Files.readAllLines(thresholds).get(p.line() - 1)).startsWith("    max-zz:");
            assertThat(p.message()).isEqualTo("decisions.calm.max-zz: unknown key (known: max-ratio, max-z)");
        });
        assertThat(detection.rules().decisions()).isSameAs(before);
    }

    @Test
    void outOfRangeDecisions_areRefusedEachOnItsLine_notReplacedByDefaults() throws IOException {
        Path rules = copy();
        Path thresholds = dir.resolve("thresholds.yaml");
        var detection = Detection.of(rules, thresholds, ShippedRules.settings(), false);
        Decisions before = detection.rules().decisions();
        Files.writeString(thresholds, Files.readString(thresholds).replace("    max-z: 2.0", "    max-z: -1")
                .replace("    growth: 1.5", "    growth: 0.5").replace("    reset-below: 0.3333", "    reset-below: 1.5")
                .replace("    per-minute: 20", "    per-minute: many").replace("    clear-share: 0.4", "    clear-share: 0"));

        var problems = detection.reload();

        assertThat(problems).extracting(p -> Files.readAllLines(thresholds).get(p.line() - 1).replaceFirst("\\s*#.*", "").strip() + " -> " + p.message())
                .containsExactly(
                        "max-z: -1 -> decisions.calm.max-z: must be above 0, found -1",
                        "growth: 0.5 -> decisions.early-looks.growth: must be above 1 (each look needs a larger wave), found 0.5",
                        "reset-below: 1.5 -> decisions.early-looks.reset-below: must be a share between 0 and 1 (both excluded), found 1.5",
                        "per-minute: many -> decisions.notable.per-minute: expected a whole number, found 'many'",
                        "clear-share: 0 -> decisions.category.clear-share: must be a share above 0 and at most 1, found 0");
        assertThat(detection.rules().decisions()).isSameAs(before);
        assertThatThrownBy(() -> new Decisions.EarlyLooks(10, 0.5, 0.25)).hasMessageContaining("early-looks.growth");
    }

    @Test
    void theClearShare_isADecision_reloadedWithTheRules() throws IOException {
        Path rules = copy();
        Path thresholds = dir.resolve("thresholds.yaml");
        var detection = Detection.of(rules, thresholds, ShippedRules.settings(), false);
        assertThat(detection.rules().decisions().category().clearShare()).isEqualTo(0.4);

        Files.writeString(thresholds, Files.readString(thresholds).replace("    clear-share: 0.4", "    clear-share: 0.6"));

        assertThat(detection.reload()).isEmpty();
        assertThat(detection.rules().decisions().category().clearShare()).isEqualTo(0.6);
    }

    @Test
    void severityNeeds_either_reachesAStepOnOneFigure() {
        var both = new Thresholds("r", "15m", 0, 0, 0, 0, 0, 0, 0, 0, 0, new Thresholds.Step(50, 8), null, null);
        var either = new Thresholds("r", "15m", 0, 0, 0, 0, 0, 0, 0, 0, 0, new Thresholds.Step(50, 8), null, "either");
        assertThat(both.severityFor(60, 5)).isEqualTo(Severity.SEV3);
        assertThat(either.severityFor(60, 5)).isEqualTo(Severity.SEV2);
        assertThat(either.severityFor(49, 7.9)).isEqualTo(Severity.SEV3);
        assertThatThrownBy(() -> new Thresholds("r", null, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, "any"))
                .hasMessageContaining("severity-needs must be both or either");
    }

    @Test
    void earlyLookSteps_growAndComeBackDown_asConfigured() {
        var steps = new Decisions.EarlyLooks(10, 2.0, 0.25);
        var looks = new EarlyLooks();
        assertThat(looks.due(9, false, steps)).isFalse();
        assertThat(looks.due(10, false, steps)).isTrue();   // the first step
        assertThat(looks.due(19, false, steps)).isFalse();  // the next is 20: grown 2x
        assertThat(looks.due(20, false, steps)).isTrue();
        assertThat(looks.due(39, false, steps)).isFalse();
        assertThat(looks.due(11, false, steps)).isFalse();  // the wave ebbs, not yet below a quarter of 40
        assertThat(looks.due(9, false, steps)).isFalse();   // below it: the step resets to 10 ...
        assertThat(looks.due(10, false, steps)).isTrue();   // ... so a second wave is looked at early
        assertThat(new EarlyLooks().due(1, true, steps)).isTrue(); // a notable mention is always looked at
    }

    private Path copy() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        try (var s = Files.list(Path.of("rules"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".drl")).toList()) {
                Files.copy(p, rules.resolve(p.getFileName()));
            }
        }
        Files.copy(Path.of("config/thresholds.yaml"), dir.resolve("thresholds.yaml"));
        return rules;
    }
}
