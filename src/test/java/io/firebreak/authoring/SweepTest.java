package io.firebreak.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.cli.FirebreakCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Threshold sweeps on the shipped 30-day history: every combination replayed, scored against its labels. */
class SweepTest {

    static final String HISTORY = "rules/tests/history/sample-30d.yaml";
    static final String LABELS = "rules/tests/history/sample-30d.incidents.yaml";

    @Test
    void combinations_areEveryValueOfEveryKey_firstKeySlowest() {
        var combos = Sweep.combinations(List.of(Sweep.Setting.parse("negative-spike.min-count=10,20"),
                Sweep.Setting.parse("detection.calm-max-z=1.5,2,3")));
        assertThat(combos).hasSize(6);
        assertThat(combos.get(0)).containsExactly(Map.entry("negative-spike.min-count", "10"),
                Map.entry("detection.calm-max-z", "1.5"));
        assertThat(combos.get(5)).containsExactly(Map.entry("negative-spike.min-count", "20"),
                Map.entry("detection.calm-max-z", "3"));
    }

    @Test
    void aLowerFloor_catchesTheSmallWaveSooner_neverWithFewerFalseAlarms() throws Exception {
        FirebreakCli.Result r = FirebreakCli.execute("backtest", "--input", HISTORY, "--incidents", LABELS,
                "--set", "negative-spike.min-count=10,20,40", "--json");

        assertThat(r.exit()).as(r.out()).isZero();
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertThat(report.get("days").asDouble()).isEqualTo(30.0);
        JsonNode rows = report.get("rows");
        assertThat(rows).hasSize(3);
        JsonNode ten = rows.get(0), twenty = rows.get(1), forty = rows.get(2);
        assertThat(ten.get("settings").get("negative-spike.min-count").asText()).isEqualTo("10");
        // the launch-day volume spike is a false alarm at every floor, and so is beta's small bump (29 complaints in
        // the hour, four times its usual), which negative-build reads over the hour whatever negative-spike's floor:
        // a lower floor never has fewer
        assertThat(ten.get("false_alarms").asInt()).isGreaterThanOrEqualTo(twenty.get("false_alarms").asInt());
        assertThat(twenty.get("false_alarms").asInt()).isEqualTo(forty.get("false_alarms").asInt()).isEqualTo(2);
        assertThat(twenty.get("false_alarms_per_30_days").asDouble()).isEqualTo(twenty.get("false_alarms").asDouble());
        for (JsonNode row : rows) {
            assertThat(row.get("missed").asInt()).isZero();
            assertThat(row.get("incidents")).extracting(i -> i.get("name").asText())
                    .containsExactly("acme-wave", "acme-moderate", "beta-small", "acme-injuries");
        }
        // a higher floor waits for more complaints: never sooner, and later on the strong wave
        for (int i = 0; i < 4; i++) {
            long t10 = ten.get("incidents").get(i).get("minutes_to_first_alert").asLong();
            long t20 = twenty.get("incidents").get(i).get("minutes_to_first_alert").asLong();
            long t40 = forty.get("incidents").get(i).get("minutes_to_first_alert").asLong();
            assertThat(t10).isLessThanOrEqualTo(t20);
            assertThat(t20).isLessThanOrEqualTo(t40);
        }
        assertThat(forty.get("incidents").get(0).get("minutes_to_first_alert").asLong())
                .isGreaterThan(twenty.get("incidents").get(0).get("minutes_to_first_alert").asLong());
    }

    @Test
    void theTable_hasAColumnPerKeyAndPerIncident() {
        FirebreakCli.Result r = FirebreakCli.execute("backtest", "--input", HISTORY, "--incidents", LABELS,
                "--set", "negative-spike.min-count=20");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("sweep over " + HISTORY + ": ")
                .containsPattern("negative-spike.min-count +alerts +false alarms +per 30 days +missed +acme-wave +acme-moderate"
                        + " +beta-small +acme-injuries")
                .containsPattern("\\n20 +\\d+ +2 +2\\.0 +0/4 +\\d+m +\\d+m +\\d+m +\\d+m");
    }

    @Test
    void anUnknownKeyOrRule_stopsBeforeAnyReplay_namingIt(@TempDir Path dir) throws Exception {
        FirebreakCli.Result typo = FirebreakCli.execute("backtest", "--input", HISTORY, "--set", "negative-spike.min-cuont=3");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.out()).contains("--set negative-spike.min-cuont: rule 'negative-spike': Unrecognized field \"min-cuont\"");

        FirebreakCli.Result rule = FirebreakCli.execute("backtest", "--input", HISTORY, "--set", "negativ-spike.min-count=3");
        assertThat(rule.exit()).isEqualTo(2);
        assertThat(rule.out()).contains("has no rule 'negativ-spike'");

        Path labels = dir.resolve("bad.yaml");
        Files.writeString(labels, "- brand: acme\n  start: yesterday\n  end: 2026-02-07T15:00:00Z\n");
        FirebreakCli.Result bad = FirebreakCli.execute("backtest", "--input", HISTORY, "--incidents", labels.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.out()).contains(labels + ":2: 'yesterday' is not an ISO-8601 time");
    }
}
