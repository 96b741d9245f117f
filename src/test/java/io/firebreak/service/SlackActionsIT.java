package io.firebreak.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firebreak.config.Home;
import io.firebreak.config.Settings;
import io.firebreak.notify.SlackStandIn;
import io.firebreak.notify.slack.RequestSignature;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Slack app's Request URL on the real service: {@code POST /slack/actions} through the Camel route, signed
 * as Slack signs it; an alert from the demo scenario acknowledged by a button press, the message updated.
 */
class SlackActionsIT {

    private static final String SECRET = "it-signing-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSignedButtonPressAcknowledgesTheAlert_unsignedAndStaleOnesGet401() throws Exception {
        Path data = TestService.home().root().resolve("target/it-data/slack-actions");
        ScratchState.wipe(data);
        Home home = TestService.home().withData(data);
        Settings settings = Settings.load(home.config("firebreak.yaml"), Map.of())
                .withElasticsearchUrl(TestService.get().elasticsearchUrl())
                .withIndexPrefix("slack-actions-" + Long.toString(System.nanoTime(), 36)).withFreeApiPort();
        // the baseline weeks and the wave's first 20 minutes: an alert is open, nothing has resolved it
        Instant cut = DemoScenario.ONSET.plus(Duration.ofMinutes(20));
        var createdAt = java.util.regex.Pattern.compile("\"created_at\":\"([^\"]+)\"");
        List<String> lines = DemoScenario.ndjson().stream().filter(l -> {
            var m = createdAt.matcher(l);
            try {
                return m.find() && Instant.parse(m.group(1)).isBefore(cut);
            } catch (java.time.format.DateTimeParseException broken) {
                return false;
            }
        }).toList();
        try (SlackStandIn slack = SlackStandIn.start()) {
            Map<String, String> env = Map.of("SLACK_BOT_TOKEN", "xoxb-it-secret", "SLACK_API_URL", slack.apiUrl(),
                    "SLACK_SIGNING_SECRET", SECRET);
            try (var service = FirebreakService.start(home, settings,
                    Wirings.live(home, env, new PrintStream(new ByteArrayOutputStream(), true)))) {
                for (int from = 0; from < lines.size(); from += 400) {
                    String body = String.join("\n", lines.subList(from, Math.min(lines.size(), from + 400)));
                    var r = http.send(HttpRequest.newBuilder(URI.create(service.apiUrl() + "/api/v1/mentions"))
                            .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).isIn(200, 422);
                }
                LiveDetection live = (LiveDetection) service.detection();
                live.awaitDispatched(Duration.ofSeconds(60));
                var post = slack.calls("chat.postMessage").stream().filter(c -> c.param("thread_ts") == null).findFirst()
                        .orElseThrow(() -> new AssertionError("the scenario's first minutes raised no alert"));
                JsonNode button = post.json("blocks").findValues("elements").stream().flatMap(e -> stream(e))
                        .filter(e -> "firebreak_acknowledge".equals(e.path("action_id").asText())).findFirst().orElseThrow();
                String alertId = button.path("value").asText();
                String channel = slack.calls("chat.postMessage").get(0).param("channel");
                String body = "payload=" + URLEncoder.encode(payload(alertId, channel).toString(), StandardCharsets.UTF_8);
                String url = service.apiUrl() + "/slack/actions";

                long now = Instant.now().getEpochSecond();
                assertThat(send(url, body, now, "v0=" + "0".repeat(64)).statusCode()).isEqualTo(401);
                assertThat(send(url, body, now, null).statusCode()).isEqualTo(401);
                assertThat(send(url, body, now - 600, sign(now - 600, body)).statusCode()).isEqualTo(401);
                assertThat(send(url, body, now + 600, sign(now + 600, body)).statusCode()).isEqualTo(401);
                slack.forgetCalls();

                HttpResponse<String> ok = send(url, body, now, sign(now, body));
                assertThat(ok.statusCode()).isEqualTo(200);
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (slack.calls("chat.update").stream().noneMatch(c -> c.param("blocks").contains("Acknowledged by <@U0EXAMPLE1>"))
                        && System.nanoTime() < deadline) {
                    live.awaitDispatched(Duration.ofSeconds(1));
                    Thread.sleep(50);
                }
                assertThat(slack.calls("chat.update")).anySatisfy(c ->
                        assertThat(c.param("blocks")).contains("Acknowledged by <@U0EXAMPLE1>").doesNotContain("firebreak_acknowledge"));
                assertThat(live.partitions().openAlerts()).anySatisfy(a -> {
                    assertThat(a.alert().alertId()).isEqualTo(alertId);
                    assertThat(a.alert().handled().acknowledgedBy()).isEqualTo("U0EXAMPLE1");
                });
            }
        }
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    private static String sign(long ts, String body) {
        return new RequestSignature(SECRET).sign(String.valueOf(ts), body.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(String url, String body, long ts, String signature) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", String.valueOf(ts)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Slack-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ObjectNode payload(String alertId, String channel) {
        ObjectNode p = JSON.createObjectNode().put("type", "block_actions").put("api_app_id", "A0FIREBREAK")
                .put("trigger_id", "1337.42.it");
        p.putObject("user").put("id", "U0EXAMPLE1").put("team_id", "T0STANDIN");
        p.putObject("team").put("id", "T0STANDIN");
        p.putObject("channel").put("id", channel);
        p.putObject("container").put("type", "message").put("channel_id", channel).put("message_ts", "1767225600.000101");
        p.putArray("actions").addObject().put("action_id", "firebreak_acknowledge").put("value", alertId).put("type", "button");
        return p;
    }
}
