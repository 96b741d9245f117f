package io.firebreak.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.config.Settings;
import io.firebreak.enrich.Enrichers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Elasticsearch goes away: the API refuses with 503 + Retry-After instead of accepting what it cannot store. */
class OutageIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void whileElasticsearchIsUnreachable_theApiAnswers503_andAcceptsAgainAfterwards() throws Exception {
        FirebreakService shared = TestService.get();
        int esPort = URI.create(shared.elasticsearchUrl()).getPort();
        try (var proxy = new CuttableProxy(esPort)) {
            Settings settings = Settings.load(TestService.home().config("firebreak.yaml"), java.util.Map.of())
                    .withApiPort(TestService.freePort())
                    .withElasticsearchUrl(proxy.url());
            try (var service = FirebreakService.start(TestService.home(), settings,
                    FirebreakService.Wiring.of(Enrichers.standard(TestService.home()), List::size))) {
                assertThat(post(service, "o1").statusCode()).isEqualTo(200);

                proxy.cut();
                awaitHealth(service, 503);
                HttpResponse<String> refused = post(service, "o2");
                assertThat(refused.statusCode()).isEqualTo(503);
                assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
                assertThat(refused.body()).contains("not accepted");

                proxy.restore();
                awaitHealth(service, 200);
                assertThat(post(service, "o2").statusCode()).isEqualTo(200);
                shared.store().refresh();
                long stored = shared.client().count(c -> c.index(shared.store().alias())
                        .query(q -> q.term(t -> t.field("source").value("it-outage")))).count();
                assertThat(stored).isEqualTo(2);
            }
        }
    }

    private HttpResponse<String> post(FirebreakService service, String id) throws Exception {
        String body = "{\"id\":\"" + id + "\",\"source\":\"it-outage\",\"created_at\":\"2026-03-02T09:00:00Z\",\"text\":\"x\"}";
        return http.send(HttpRequest.newBuilder(URI.create(service.apiUrl() + "/api/v1/mentions"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void awaitHealth(FirebreakService service, int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = http.send(HttpRequest.newBuilder(URI.create(service.apiUrl() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
            if (last == status) {
                return;
            }
            Thread.sleep(200);
        }
        assertThat(last).as("health status").isEqualTo(status);
    }
}
