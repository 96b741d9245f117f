package io.firebreak.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.config.Home;
import io.firebreak.config.Settings;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Event time on the live service: a mention stamped hours ahead is refused naming the skew, a source
 * hours behind is counted late and reported, and both show in the detection status and in /metrics.
 */
class EventTimeIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aClockSlipIsRefused_aStaleSourceIsReported_inStatusAndMetrics() throws Exception {
        Path data = TestService.home().root().resolve("target/it-data/event-time");
        ScratchState.wipe(data);
        Home home = TestService.home().withData(data);
        Settings settings = Settings.load(home.config("firebreak.yaml"), Map.of()).withFreeApiPort()
                .withElasticsearchUrl(TestService.get().elasticsearchUrl())
                .withIndexPrefix("event-time-" + Long.toString(System.nanoTime(), 36));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (var service = FirebreakService.start(home, settings,
                Wirings.live(home, Map.of(), new PrintStream(OutputStream.nullOutputStream())))) {
            HttpResponse<String> slip = post(service, line("twitter", "slip", now.plus(Duration.ofHours(6))));
            assertThat(slip.statusCode()).isEqualTo(422);
            assertThat(slip.body()).contains("created_at: ").containsPattern("is 5 h 59 min|is 6 h 0 min")
                    .contains("ahead of this server's clock").contains("max-clock-skew (5 min)");

            StringBuilder fresh = new StringBuilder();
            for (int i = 0; i < 300; i++) {
                fresh.append(line("twitter", "t" + i, now.minusSeconds(600 - 2L * i)));
            }
            assertThat(post(service, fresh.toString()).statusCode()).isEqualTo(200);
            // a collector three hours behind
            StringBuilder stale = new StringBuilder();
            for (int i = 0; i < 600; i++) {
                stale.append(line("forum", "f" + i, now.minus(Duration.ofHours(3)).plusSeconds(i)));
            }
            assertThat(post(service, stale.toString()).statusCode()).isEqualTo(200);

            JsonNode status = new ObjectMapper().readTree(get(service, "/api/v1/detection").body());
            JsonNode forum = source(status, "forum");
            JsonNode twitter = source(status, "twitter");
            assertThat(forum.path("late").asLong()).isEqualTo(600);
            assertThat(forum.path("late_rising").asBoolean()).isTrue();
            assertThat(twitter.path("late").asLong()).isZero();
            assertThat(twitter.path("ahead").asLong()).as("refused at ingest: detection never saw it").isZero();
            assertThat(Instant.parse(twitter.path("watermark").asText())).isBefore(now.plusSeconds(1));

            String metrics = get(service, "/metrics").body();
            assertThat(metrics).contains("firebreak_source_mentions_total{outcome=\"late\",source=\"forum\"} 600.0")
                    .contains("firebreak_source_late_rising{source=\"forum\"} 1.0")
                    .contains("firebreak_source_lag_seconds{source=\"twitter\"}")
                    .contains("firebreak_outbox_pending")
                    .contains("firebreak_alert_versions_total{change=\"opened\"}")
                    .contains("firebreak_notify_versions_total{outcome=\"delivered\"}")
                    .contains("jvm_memory_used_bytes");
            assertThat(metrics.lines().filter(l -> l.startsWith("camel_exchanges") && l.contains("routeId=\"source-http\"")))
                    .as("Camel's route metrics for the HTTP source").isNotEmpty();
            service.store().refresh();
            assertThat(service.deadLetters().count()).isPositive();
        }
    }

    private static JsonNode source(JsonNode status, String name) {
        for (JsonNode s : status.path("sources")) {
            if (s.path("source").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no source " + name + " in " + status);
    }

    private static String line(String source, String id, Instant at) {
        return "{\"id\":\"" + id + "\",\"source\":\"" + source + "\",\"created_at\":\"" + at + "\",\"brand\":\"acme\","
                + "\"text\":\"flew with acme today\"}\n";
    }

    private HttpResponse<String> post(FirebreakService service, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(service.apiUrl() + "/api/v1/mentions"))
                .header("Content-Type", "application/x-ndjson").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(FirebreakService service, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(service.apiUrl() + path)).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
