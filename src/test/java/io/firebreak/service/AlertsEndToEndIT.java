package io.firebreak.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.alert.Alert;
import io.firebreak.alert.Alert.Change;
import io.firebreak.alert.AlertJson;
import io.firebreak.alert.Lifecycle;
import io.firebreak.config.Home;
import io.firebreak.config.Settings;
import io.firebreak.detect.Detection;
import io.firebreak.detect.Severity;
import io.firebreak.enrich.Enrichers;
import io.firebreak.mention.MentionJson;
import io.firebreak.notify.SlackStandIn;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * From mentions in over HTTP to the alert at a local Slack Web API stand-in, through the real routes,
 * enrichment, Elasticsearch, brand partitions, statements and Slack client; the same input replayed by
 * the backtest decides and sends the same; a restart mid-wave continues the alert.
 */
class AlertsEndToEndIT {

    private static final Pattern SEVERITY = Pattern.compile("SEV([123])");
    private final HttpClient http = HttpClient.newHttpClient();

    /** A service on the shared Elasticsearch with indices and a data folder of its own. */
    private record Instance(Home home, Settings settings) {
        Path data() {
            return home.data();
        }
    }

    @Test
    void demoScenarioOverHttp_oneMessagePerChannel_updatedInPlace_severityNeverFallsBeforeItResolves() throws Exception {
        try (SlackStandIn slack = SlackStandIn.start()) {
            Map<String, String> env = Map.of("SLACK_BOT_TOKEN", "xoxb-e2e-secret", "SLACK_API_URL", slack.apiUrl());
            run(instance("e2e-slack"), env, DemoScenario.ndjson(), true);

            var posts = slack.calls("chat.postMessage").stream().filter(c -> c.param("thread_ts") == null).toList();
            assertThat(posts).as("one message where it starts, one where the SEV1 escalation routes it")
                    .extracting(c -> c.param("channel")).containsExactly("#crisis-alerts", "#crisis-sev1-safety");
            assertThat(posts.get(1).param("blocks")).contains("Escalated here from #crisis-alerts");
            var updates = slack.calls("chat.update");
            assertThat(updates).as("growth and resolution update the messages in place").isNotEmpty();
            assertThat(updates.stream().map(c -> c.param("ts")).distinct()).hasSize(2);
            assertThat(updates.get(updates.size() - 1).param("blocks")).containsIgnoringCase("resolved");

            // what the readers saw, in order: the header's severity never falls before the end
            List<Integer> severities = new ArrayList<>();
            for (var call : slack.calls()) {
                if (call.method().equals("chat.update") || call.method().equals("chat.postMessage") && call.param("thread_ts") == null) {
                    String header = call.json("blocks").get(0).path("text").path("text").asText();
                    if (!header.contains("RESOLVED")) {
                        Matcher m = SEVERITY.matcher(header);
                        assertThat(m.find()).isTrue();
                        severities.add(Integer.parseInt(m.group(1)));
                    }
                }
            }
            assertThat(severities).isNotEmpty().isSortedAccordingTo((a, b) -> Integer.compare(b, a));
            assertThat(severities.get(severities.size() - 1)).isEqualTo(1);

            String blocks = posts.get(0).param("blocks");
            assertThat(blocks).contains("Acme Air").contains("safety").contains("help.acme.example");
            // which recurring phrase leads depends on the posts indexed when the first version goes out
            assertThat(blocks).as("the statement names what the wave's posts keep saying, found in Elasticsearch")
                    .containsPattern("We've seen reports about (emergency landing|flight AC417)[a-zA-Z0-9 ]* involving Acme Air")
                    .doesNotContain("a possible safety problem");
            assertThat(blocks).doesNotContain("<!channel>").doesNotContain("xoxb-e2e-secret");
            assertThat(slack.calls("chat.postMessage")).allSatisfy(c -> assertThat(c.authorization()).isEqualTo("Bearer xoxb-e2e-secret"));
        }
    }

    @Test
    void liveIngestAndBacktestOfTheSameFile_decideAndSendTheSame() throws Exception {
        Instance live = instance("e2e-parity");
        run(live, Map.of(), DemoScenario.ndjson(), true);
        List<String> decidedLive = Files.readAllLines(live.data().resolve("alert-log.jsonl"));
        List<Alert> sentLive = alerts(live.data().resolve("alerts.jsonl"));

        List<Alert> replayed = backtest(DemoScenario.ndjson());

        assertThat(replayed).isNotEmpty();
        assertThat(decidedLive).isEqualTo(replayed.stream().map(AlertJson::line).toList());
        // sent: the same versions; the statement and the looked-up terms are the notifier's, added on the way out
        assertThat(sentLive.stream().map(AlertsEndToEndIT::story).toList())
                .isEqualTo(replayed.stream().map(AlertsEndToEndIT::story).toList());
        assertThat(sentLive.get(0).provisional()).as("a growing wave is told before its minute is final").isTrue();
    }

    @Test
    void aRestartMidWave_continuesTheSameAlert_neverAnnouncesItTwice() throws Exception {
        restartMidWave(instance("e2e-restart"), Duration.ofMinutes(20), false);
    }

    /**
     * Killed seconds after an import, before its first baseline save (every 30 s): the restart learns the
     * baseline again from the indexed history, so the spike rules are not left warming up and the wave
     * still escalates to SEV1.
     */
    @Test
    void aRestartThatLostTheBaseline_relearnsItFromTheStore_andTheWaveStillEscalates() throws Exception {
        restartMidWave(instance("e2e-restart-unsaved"), Duration.ofMinutes(10), true);
    }

    /**
     * Chinese has no spaces, and Elasticsearch's analyser cuts it into single characters: the alert's
     * significant terms come from the segmented words instead (致癌物, 鲜丰, not 癌 or 丰).
     */
    @Test
    void aChineseWave_isAlerted_withWordsForItsSignificantTerms() throws Exception {
        Instance instance = instance("e2e-zh");
        run(instance, Map.of(), ChineseDemoScenario.ndjson(), true);
        List<Alert> sent = alerts(instance.data().resolve("alerts.jsonl"));
        assertThat(sent).as("the rumour is alerted").isNotEmpty();
        List<String> terms = sent.stream().flatMap(a -> a.evidence().topTerms().stream()).distinct().toList();
        assertThat(terms).as("looked up for the versions after the first").anyMatch(t -> t.codePointCount(0, t.length()) > 1
                && io.firebreak.enrich.ChineseText.hasHan(t));
        assertThat(terms).noneMatch(t -> t.codePointCount(0, t.length()) == 1 && io.firebreak.enrich.ChineseText.hasHan(t));
    }

    private void restartMidWave(Instance instance, Duration into, boolean loseBaselines) throws Exception {
        List<String> lines = DemoScenario.ndjson();
        Instant cut = DemoScenario.ONSET.plus(into);
        List<String> before = lines.stream().filter(l -> createdAt(l).isBefore(cut)).toList();
        List<String> after = lines.stream().filter(l -> !createdAt(l).isBefore(cut)).toList();

        run(instance, Map.of(), before, false);
        List<Alert> sentBefore = alerts(instance.data().resolve("alerts.jsonl"));
        assertThat(sentBefore).as("the wave was already alerted before the restart").isNotEmpty();
        if (loseBaselines) {
            assertThat(sentBefore).as("the cut comes before the SEV1").noneMatch(a -> a.severity() == Severity.SEV1);
            // what a kill before the first save leaves: the journal (written as decided) but no baseline
            var indices = TestService.get().client().indices();
            String index = instance.settings().elasticsearch().indexPrefix() + "-baselines";
            assertThat(indices.delete(d -> d.index(index)).acknowledged()).as("the saved baselines deleted").isTrue();
        }
        run(instance, Map.of(), after, true);

        List<Alert> sent = alerts(instance.data().resolve("alerts.jsonl"));
        assertThat(sent).filteredOn(a -> a.change() == Change.opened).hasSize(1);
        assertThat(sent).extracting(Alert::alertId).containsOnly(sent.get(0).alertId());
        for (int i = 1; i < sent.size(); i++) {
            assertThat(sent.get(i).version()).as("version %d", i).isEqualTo(sent.get(i - 1).version() + 1);
        }
        // the rebuilt windows carry the wave on as if nothing had happened
        List<Alert> uninterrupted = backtest(lines);
        assertThat(sent.stream().map(a -> a.change() + " " + a.severity()).toList())
                .isEqualTo(uninterrupted.stream().map(a -> a.change() + " " + a.severity()).toList());
        assertThat(sent).as("the wave escalates to SEV1 after the restart").anyMatch(a -> a.severity() == Severity.SEV1);
        // an open version's phrase depends on which posts are searchable when it goes out (a fresh version may
        // find too few and use the category's words); the resolved one's are long indexed
        assertThat(sent.get(sent.size() - 1)).satisfies(a -> {
            assertThat(a.change()).isEqualTo(Change.resolved);
            assertThat(a.statement().text()).as("the resolved version's statement still names the wave")
                    .doesNotContain("a possible safety problem");
        });
        assertThat(sent).as("the brand's own name is no term of its crisis")
                .allSatisfy(a -> assertThat(a.evidence().topTerms()).noneMatch(t -> t.contains("acme")));
        assertThat(sent).as("nor a function word that significant_text ranks high on a handful of posts")
                .allSatisfy(a -> assertThat(a.evidence().topTerms()).doesNotContain("on", "this", "the", "air"));
    }

    /** What a version says, without what the notifier adds on the way out (statement, looked-up terms). */
    private static String story(Alert a) {
        return String.join(" ", a.alertId(), "v" + a.version(), String.valueOf(a.change()), a.severity().name(),
                a.status().name(), String.valueOf(a.provisional()), String.valueOf(a.firedAt()), String.valueOf(a.updatedAt()),
                String.valueOf(a.evidence().count()));
    }

    private static List<Alert> backtest(List<String> lines) {
        Home home = TestService.home();
        var batch = new MentionJson().readLines("demo", String.join("\n", lines));
        try (Backtest b = new Backtest(Detection.of(home, true), Lifecycle.load(home.config("alerts.yaml")),
                Enrichers.standard(home))) {
            return b.replay(batch.mentions(), done -> { });
        }
    }

    private static List<Alert> alerts(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(AlertJson::parse).toList();
    }

    private static Instant createdAt(String line) {
        Matcher m = Pattern.compile("\"created_at\":\"([^\"]+)\"").matcher(line);
        try {
            return m.find() ? Instant.parse(m.group(1)) : Instant.MAX;
        } catch (java.time.format.DateTimeParseException broken) {
            return Instant.MAX; // the scenario's deliberately broken lines go last
        }
    }

    private static Instance instance(String name) throws IOException {
        Path data = TestService.home().root().resolve("target/it-data").resolve(name);
        ScratchState.wipe(data);
        Home home = TestService.home().withData(data);
        Settings settings = Settings.load(home.config("firebreak.yaml"), Map.of())
                .withElasticsearchUrl(TestService.get().elasticsearchUrl())
                .withIndexPrefix(name + "-" + Long.toString(System.nanoTime(), 36));
        return new Instance(home, settings);
    }

    /**
     * Starts the instance's service (its state as the last run left it), sends the lines over HTTP, and
     * stops it once every decision is delivered; with {@code finish}, first closes the open minutes as at
     * the end of a feed. In console mode every alert sent is appended to {@code alerts.jsonl}.
     */
    private void run(Instance instance, Map<String, String> env, List<String> lines, boolean finish) throws Exception {
        var console = new ByteArrayOutputStream();
        Settings settings = instance.settings().withFreeApiPort();
        try (var service = FirebreakService.start(instance.home(), settings,
                Wirings.live(instance.home(), env, new PrintStream(console, true)))) {
            for (int from = 0; from < lines.size(); from += 400) {
                String body = String.join("\n", lines.subList(from, Math.min(lines.size(), from + 400)));
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(service.apiUrl() + "/api/v1/mentions"))
                        .header("Content-Type", "application/x-ndjson").timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isIn(200, 422);
            }
            LiveDetection detection = (LiveDetection) service.detection();
            if (finish) {
                detection.finish();
            }
            detection.awaitDispatched(Duration.ofSeconds(60));
        }
    }
}
