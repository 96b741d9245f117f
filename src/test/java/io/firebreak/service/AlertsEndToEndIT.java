package io.firebreak.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.alert.Alert;
import io.firebreak.alert.AlertJson;
import io.firebreak.config.Home;
import io.firebreak.config.Settings;
import io.firebreak.detect.Backtest;
import io.firebreak.detect.Engines;
import io.firebreak.enrich.Enrichers;
import io.firebreak.mention.MentionJson;
import io.firebreak.notify.SlackStandIn;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * From mentions in over HTTP to the alert at a local Slack Web API stand-in, through the real
 * routes, enrichment, Elasticsearch, detection engine, statements and Slack client; and the same
 * input replayed by the backtest gives the same alerts.
 */
class AlertsEndToEndIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void demoScenarioOverHttp_givesOneSlackMessageUpdatedInPlace_withTheStatement() throws Exception {
        try (SlackStandIn slack = SlackStandIn.start()) {
            Map<String, String> env = Map.of("SLACK_BOT_TOKEN", "xoxb-e2e-secret", "SLACK_API_URL", slack.apiUrl());
            runLive("e2e-slack", env);

            var posts = slack.calls("chat.postMessage").stream().filter(c -> c.param("thread_ts") == null).toList();
            assertThat(posts).as("one top-level message per alert identity").hasSize(1);
            var updates = slack.calls("chat.update");
            assertThat(updates).as("growth and resolution update the message in place").isNotEmpty();
            assertThat(updates.stream().map(c -> c.param("ts")).distinct()).as("always the same message").hasSize(1);
            assertThat(updates.get(updates.size() - 1).param("blocks")).containsIgnoringCase("resolved");
            assertThat(slack.calls("chat.postMessage").stream().filter(c -> c.param("thread_ts") != null))
                    .as("each change adds a thread reply").isNotEmpty();
            String blocks = posts.get(0).param("blocks");
            assertThat(blocks).contains("Acme Air").contains("safety").contains("help.acme.example");
            assertThat(blocks).doesNotContain("<!channel>").doesNotContain("xoxb-e2e-secret");
            assertThat(slack.calls("chat.postMessage")).allSatisfy(c -> assertThat(c.authorization()).isEqualTo("Bearer xoxb-e2e-secret"));
        }
    }

    @Test
    void liveIngestAndBacktestOfTheSameFile_giveTheSameAlerts() throws Exception {
        Path data = runLive("e2e-parity", Map.of()).getParent();
        List<String> decidedLive = Files.readAllLines(data.resolve("alert-log.jsonl"));

        var batch = new MentionJson().readLines("demo", String.join("\n", DemoScenario.ndjson()));
        List<String> replayed = new Backtest(Engines.backtests(TestService.home()).get(), Enrichers.standard(TestService.home()))
                .replay(batch.mentions(), a -> { }, done -> { }).stream().map(AlertJson::line).toList();

        assertThat(replayed).isNotEmpty();
        assertThat(decidedLive).isEqualTo(replayed);
    }

    @Test
    void aGrowingWave_isPreviewedBeforeItsMinuteIsFinal() throws Exception {
        List<Alert> live = sentAlerts(runLive("e2e-preview", Map.of()));

        var batch = new MentionJson().readLines("demo", String.join("\n", DemoScenario.ndjson()));
        List<Alert> replayed = new Backtest(Engines.backtests(TestService.home()).get(), Enrichers.standard(TestService.home()))
                .replay(batch.mentions(), a -> { }, done -> { });

        assertThat(live).hasSizeGreaterThan(replayed.size());
        Alert first = live.get(0);
        assertThat(first.alertId()).isEqualTo(replayed.get(0).alertId());
        assertThat(first.evidence().count()).as("a preview counts part of the minute").isLessThanOrEqualTo(replayed.get(0).evidence().count());
    }

    private static List<Alert> sentAlerts(Path alertsFile) throws java.io.IOException {
        return Files.readAllLines(alertsFile).stream().map(AlertJson::parse).toList();
    }

    /**
     * Runs a service on the shared Elasticsearch with its own indices and data folder and feeds it the
     * demo scenario; returns the alerts file (what was sent, in console mode).
     */
    private Path runLive(String name, Map<String, String> env) throws Exception {
        FirebreakService shared = TestService.get();
        Path data = TestService.home().root().resolve("target/it-data").resolve(name);
        ScratchState.wipe(data);
        Home home = TestService.home().withData(data);
        Settings settings = Settings.load(home.config("firebreak.yaml"), Map.of())
                .withFreeApiPort()
                .withElasticsearchUrl(shared.elasticsearchUrl())
                .withIndexPrefix(name + "-" + Long.toString(System.nanoTime(), 36));
        var console = new ByteArrayOutputStream();
        try (var service = FirebreakService.start(home, settings, Wirings.live(home, env, new PrintStream(console, true)))) {
            List<String> lines = DemoScenario.ndjson();
            for (int from = 0; from < lines.size(); from += 400) {
                String body = String.join("\n", lines.subList(from, Math.min(lines.size(), from + 400)));
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(service.apiUrl() + "/api/v1/mentions"))
                        .header("Content-Type", "application/x-ndjson").timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isIn(200, 422);
            }
            LiveDetection detection = (LiveDetection) service.detection();
            detection.finish();
            detection.awaitDispatched(Duration.ofSeconds(60));
            // without a Slack token every alert sent is also appended to the alerts file
            return data.resolve("alerts.jsonl");
        }
    }
}
