package io.firebreak.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.alert.Alert;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editing rule or threshold files recompiles; a broken edit is reported by file and line and changes nothing. */
class HotReloadTest {

    @TempDir
    Path dir;

    Path copyShipped() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        try (Stream<Path> s = Files.list(Path.of("rules"))) {
            for (Path p : s.toList()) {
                Files.copy(p, rules.resolve(p.getFileName()));
            }
        }
        Files.copy(Path.of("config/thresholds.yaml"), dir.resolve("thresholds.yaml"));
        return rules;
    }

    static List<Alert> influencer(ShippedRules.Run run, String id, Instant at) {
        var out = new ArrayList<>(run.accept(Scenarios.mention("acme", id, at, true, "conduct", 300_000, "done with acme"), at));
        out.addAll(run.advanceTo(at.plus(Duration.ofMinutes(4))));
        return out;
    }

    static Detection detection(Path rules, Path thresholds) {
        return Detection.of(rules, thresholds, ShippedRules.settings(), false);
    }

    @Test
    void brokenRule_isReportedWithFileAndLine_andTheOldRulesKeepFiring() throws IOException {
        Path rules = copyShipped();
        var detection = detection(rules, dir.resolve("thresholds.yaml"));
        var engine = ShippedRules.run(detection);
        Instant t = Instant.parse("2026-03-02T10:00:10Z");
        assertThat(influencer(engine, "a", t)).extracting(Alert::rule).containsExactly("influencer-complaint");

        Files.writeString(rules.resolve("influencer-complaint.drl"), """
                package rules;
                import io.firebreak.detect.NotableMention;
                rule "influencer-complaint: broken"
                when
                    $m : NotableMention( followers >= )
                then
                end
                """);
        var problems = detection.reload();

        assertThat(problems).isNotEmpty();
        assertThat(problems.get(0).file()).isEqualTo(rules.resolve("influencer-complaint.drl"));
        assertThat(problems.get(0).line()).isEqualTo(5);
        // a new author in another category: a new alert only if the old rule still runs
        var after = new ArrayList<>(engine.accept(Scenarios.mention("acme", "b", t.plus(Duration.ofMinutes(10)), true,
                "legal", 300_000, "see you in court"), t.plus(Duration.ofMinutes(10))));
        after.addAll(engine.advanceTo(t.plus(Duration.ofMinutes(15))));
        assertThat(after).extracting(Alert::rule).containsExactly("influencer-complaint");
    }

    @Test
    void editedThreshold_takesEffectOnReload() throws IOException {
        copyShipped();
        Path thresholds = dir.resolve("thresholds.yaml");
        var detection = detection(dir.resolve("rules"), thresholds);
        Files.writeString(thresholds, Files.readString(thresholds).replace("min-followers: 100000", "min-followers: 1000000"));

        assertThat(detection.reload()).isEmpty();
        assertThat(influencer(ShippedRules.run(detection), "a", Instant.parse("2026-03-02T10:00:10Z"))).isEmpty();
    }

    @Test
    void brokenThresholdFile_isReportedWithItsLine() throws IOException {
        copyShipped();
        Path thresholds = dir.resolve("thresholds.yaml");
        var detection = detection(dir.resolve("rules"), thresholds);
        Files.writeString(thresholds, "negative-spike:\n  span: 15m\n  min-count: [oops\n");

        var problems = detection.reload();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(thresholds);
            assertThat(p.line()).isPositive();
        });
    }

    @Test
    void thresholdOfTheWrongType_namesTheRuleAndItsLine() throws IOException {
        copyShipped();
        Path thresholds = dir.resolve("thresholds.yaml");
        Files.writeString(thresholds, "# comment\nnegative-spike:\n  span: 15m\nvolume-spike:\n  span: 7m\n");

        var problems = org.assertj.core.api.Assertions.catchThrowableOfType(RuleBook.InvalidRules.class,
                () -> RuleBook.compile(dir.resolve("rules"), thresholds)).problems();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("volume-spike").contains("7m");
        });
    }

    @Test
    void watcher_reloadsWhenAThresholdFileIsSaved() throws Exception {
        copyShipped();
        Path thresholds = dir.resolve("thresholds.yaml");
        var detection = detection(dir.resolve("rules"), thresholds);
        var reloads = new java.util.concurrent.LinkedBlockingQueue<List<RuleBook.Problem>>();
        try (var watcher = new RuleWatcher(detection, dir.resolve("rules"), thresholds, reloads::add)) {
            Files.writeString(thresholds, Files.readString(thresholds).replace("min-followers: 100000", "min-followers: 1000000"));

            // waits for the file event, it does not time the reload
            assertThat(reloads.poll(30, java.util.concurrent.TimeUnit.SECONDS)).isEmpty();
        }
        assertThat(influencer(ShippedRules.run(detection), "a", Instant.parse("2026-03-02T10:00:10Z"))).isEmpty();
    }
}
