package io.firebreak.service;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Mentions in over HTTP, into the real embedded Elasticsearch. */
class IngestIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static FirebreakService service;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        service = TestService.get();
    }

    @Test
    void tenThousandMentions_giveExactlyTenThousandDocuments_andResendingChangesNothing() throws Exception {
        List<String> bodies = generated("it-10k", 10_000, 500);

        long enrichedBefore = service.ingest().mentionsEnriched();
        var enrichCpuBefore = service.ingest().enrichmentCpu();
        long t0 = System.nanoTime();
        postAll(bodies);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("ingest: 10000 mentions over HTTP in %.2f s = %.0f mentions/s%n", seconds, 10_000 / seconds);
        service.store().refresh();
        assertThat(countSource("it-10k")).isEqualTo(10_000);
        // other tests share the service, so at least these; enrichment's CPU clock moved while they were enriched
        assertThat(service.ingest().mentionsEnriched() - enrichedBefore).isGreaterThanOrEqualTo(10_000);
        assertThat(service.ingest().enrichmentCpu()).isGreaterThan(enrichCpuBefore);
        assertThat(service.writer().documents()).isGreaterThanOrEqualTo(10_000);

        postAll(bodies);
        service.store().refresh();
        assertThat(countSource("it-10k")).isEqualTo(10_000);
    }

    @Test
    void malformedItems_get422WithReasons_whileTheValidPartIsStored() throws Exception {
        String body = """
                {"id":"ok-1","source":"it-bad","created_at":"2026-03-02T09:00:00Z","text":"fine"}
                {"id":"bad-1","source":"it-bad","created_at":"yesterday","text":"no time"}
                {"id":"ok-2","source":"it-bad","created_at":"2026-03-02T09:01:00+01:00","text":"also fine"}
                {broken
                """;

        HttpResponse<String> response = post(body, "application/x-ndjson");

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("indexed").asInt()).isEqualTo(2);
        assertThat(answer.get("rejected").asInt()).isEqualTo(2);
        assertThat(answer.at("/items/1/status").asText()).isEqualTo("rejected");
        assertThat(answer.at("/items/1/errors/0").asText()).startsWith("created_at: 'yesterday' is not RFC 3339");
        assertThat(answer.at("/items/3/errors/0").asText()).startsWith("(json): not valid JSON");
        service.store().refresh();
        assertThat(countSource("it-bad")).isEqualTo(2);
        assertThat(service.deadLetters().list(50)).anySatisfy(l -> assertThat(l.raw()).contains("\"bad-1\""));
    }

    @Test
    void aWeiboApiPage_isReadThroughItsMapping_theRecordThatDoesNotMapNamed() throws Exception {
        String id = "49" + System.nanoTime();
        String body = """
                {"statuses": [
                  {"idstr": "%s", "created_at": "Mon Mar 02 09:05:00 +0800 2026", "text": "鲜丰牛奶喝出异味",
                   "reposts_count": 312, "user": {"idstr": "1001", "screen_name": "吃货小王", "followers_count": 1520}},
                  {"idstr": "%s-2", "created_at": "Mon Mar 02 09:06:00 +0800 2026", "text": "转发微博",
                   "reposts_count": "many", "user": {"followers_count": 1}}
                ]}
                """.formatted(id, id);

        HttpResponse<String> response = post(body, "application/json");

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.at("/items/0/key").asText()).isEqualTo("weibo:" + id);
        assertThat(answer.at("/items/0/status").asText()).isEqualTo("indexed");
        assertThat(answer.at("/items/1/errors/0").asText())
                .isEqualTo("engagement.shares: 'many' (field reposts_count) is not a whole number");
        service.store().refresh();
        var stored = service.client().search(s -> s.index(service.store().alias())
                .query(q -> q.ids(i -> i.values("weibo:" + id))), java.util.Map.class).hits().hits();
        assertThat(stored).singleElement().satisfies(h -> {
            assertThat(h.source()).containsEntry("created_at", "2026-03-02T01:05:00Z").containsEntry("lang", "zh");
            assertThat(h.source().get("words")).asList().contains("异味");
        });
    }

    @Test
    void unreadableBody_gets400NamingTheProblem() throws Exception {
        HttpResponse<String> response = post("[{\"id\": ", "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains("JSON array cannot be read");
    }

    @Test
    void health_saysLiveAndReady() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(service.apiUrl() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("ready").asBoolean()).isTrue();
    }

    static List<String> generated(String source, int count, int perBody) {
        var bodies = new ArrayList<String>();
        var body = new StringBuilder();
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        for (int i = 0; i < count; i++) {
            body.append("{\"id\":\"").append(i).append("\",\"source\":\"").append(source)
                    .append("\",\"created_at\":\"").append(start.plusSeconds(i * 7L))
                    .append("\",\"brand\":\"acme\",\"text\":\"mention number ").append(i)
                    .append(" about the acme flight\",\"author\":{\"handle\":\"user").append(i % 97)
                    .append("\",\"followers\":").append(i % 1000).append("}}\n");
            if ((i + 1) % perBody == 0) {
                bodies.add(body.toString());
                body.setLength(0);
            }
        }
        if (!body.isEmpty()) {
            bodies.add(body.toString());
        }
        return bodies;
    }

    static void postAll(List<String> bodies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            var results = new ArrayList<Future<HttpResponse<String>>>();
            for (String body : bodies) {
                results.add(pool.submit(() -> post(body, "application/x-ndjson")));
            }
            for (Future<HttpResponse<String>> r : results) {
                assertThat(r.get().statusCode()).as(r.get().body()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
    }

    static HttpResponse<String> post(String body, String contentType) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(service.apiUrl() + "/api/v1/mentions"))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static long countSource(String source) throws IOException {
        ElasticsearchClient client = service.client();
        return client.count(c -> c.index(service.store().alias()).query(q -> q.term(t -> t.field("source").value(source)))).count();
    }
}
