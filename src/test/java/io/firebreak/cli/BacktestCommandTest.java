package io.firebreak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.detect.Scenarios;
import io.firebreak.enrich.EnrichedMention;
import io.firebreak.mention.Mention;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backtest command end to end: Mention v1 NDJSON in, Alert v1 lines out, enriched like live ingest. */
class BacktestCommandTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void progress_showsWhenStderrIsATerminal_evenWithTheOutputRedirected_andTheOptionsOverride() {
        assertThat(BacktestCommand.showProgress(null, 60_000, true)).isTrue();    // --json > table.json at a terminal
        assertThat(BacktestCommand.showProgress(null, 60_000, false)).isFalse();  // a CI log
        assertThat(BacktestCommand.showProgress(null, 49_999, true)).isFalse();   // over before it is read
        assertThat(BacktestCommand.showProgress(true, 10, false)).isTrue();
        assertThat(BacktestCommand.showProgress(false, 60_000, true)).isFalse();

        var parsed = new picocli.CommandLine(new BacktestCommand());
        parsed.parseArgs("--input", "x.yaml", "--no-progress");
        assertThat(((BacktestCommand) parsed.getCommand()).progress).isFalse();
        parsed = new picocli.CommandLine(new BacktestCommand());
        parsed.parseArgs("--input", "x.yaml", "--progress");
        assertThat(((BacktestCommand) parsed.getCommand()).progress).isTrue();
        assertThat(parsed.getCommandSpec().findOption("--input").description()[0]).contains("series history").contains(".yaml");
    }

    @Test
    void replaysNdjson_andWritesSnakeCaseAlertLines(@TempDir Path dir) throws IOException {
        Instant onset = Instant.parse("2026-03-05T09:00:00Z");
        List<EnrichedMention> stream = Scenarios.merge(
                Scenarios.quietDays("acme", Instant.parse("2026-03-02T00:00:00Z"), 3, 2, 0.0, 1),
                Scenarios.wave("acme", onset, 10, Duration.ofMinutes(30), "safety", 2));
        Path input = dir.resolve("mentions.ndjson");
        List<String> lines = new ArrayList<>();
        // newest first, as exports often are: the replay must sort by event time itself
        for (int i = stream.size() - 1; i >= 0; i--) {
            Mention m = stream.get(i).mention();
            lines.add(JSON.writeValueAsString(Map.of("id", m.id(), "source", m.source(),
                    "created_at", m.createdAt().toString(), "text", m.text(), "brand", m.brand(),
                    "author", Map.of("followers", m.author().followers()))));
        }
        Files.write(input, lines);
        Path output = dir.resolve("alerts.ndjson");

        int exit = Firebreak.commandLine().execute("backtest", "--input", input.toString(), "--output", output.toString());

        assertThat(exit).isZero();
        List<JsonNode> alerts = new ArrayList<>();
        for (String line : Files.readAllLines(output)) {
            alerts.add(JSON.readTree(line));
        }
        assertThat(alerts).isNotEmpty();
        JsonNode first = alerts.get(0);
        assertThat(first.get("status").asText()).isEqualTo("firing");
        assertThat(first.get("brand").asText()).isEqualTo("acme");
        assertThat(first.get("alert_id").asText()).startsWith("acme/");
        assertThat(Instant.parse(first.get("fired_at").asText())).isBetween(onset, onset.plus(Duration.ofMinutes(15)));
        assertThat(first.get("evidence").has("negative_count")).isTrue();
        assertThat(first.has("resolved_at")).isFalse();
        assertThat(alerts).extracting(a -> a.get("status").asText()).allMatch(s -> List.of("firing", "escalated", "resolved").contains(s));
    }
}
