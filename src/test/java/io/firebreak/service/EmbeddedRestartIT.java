package io.firebreak.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The embedded Elasticsearch dying under a running service is noticed at once (not ready, saying
 * why) and the server is started again on the same port and data, after which the service is ready.
 */
class EmbeddedRestartIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theEmbeddedServerKilled_healthSays503AndWhy_thenReadyAgainOnTheSameData() throws Exception {
        FirebreakService service = TestService.get();
        String health = service.apiUrl() + "/health";
        awaitHealth(health, r -> r.statusCode() == 200, Duration.ofSeconds(60));
        service.store().refresh();
        long stored = service.store().count();
        ProcessHandle server = theSharedServer();

        server.destroyForcibly();

        HttpResponse<String> down = awaitHealth(health, r -> r.statusCode() == 503, Duration.ofSeconds(20));
        assertThat(down.body()).contains("\"ready\":false")
                .contains("the embedded Elasticsearch exited with code").contains("restarting");
        awaitHealth(health, r -> r.statusCode() == 200, Duration.ofSeconds(240));

        assertThat(theSharedServer().pid()).as("a new server").isNotEqualTo(server.pid());
        service.store().refresh();
        assertThat(service.store().count()).as("what was stored is still there").isEqualTo(stored);
    }

    /** The shared test service's Elasticsearch JVM: a descendant of this JVM running the server's main class. */
    private static ProcessHandle theSharedServer() {
        List<ProcessHandle> servers = ProcessHandle.current().descendants()
                .filter(p -> p.info().arguments().map(List::of).orElse(List.of()).stream()
                        .anyMatch(a -> a.endsWith("org.elasticsearch.bootstrap.Elasticsearch")))
                .filter(p -> p.info().arguments().map(List::of).orElse(List.of()).stream()
                        .noneMatch(a -> a.startsWith("-Des.path.home=") && a.contains("/secure/")))
                .toList();
        assertThat(servers).as("the one embedded server of the shared test service").hasSize(1);
        return servers.get(0);
    }

    private HttpResponse<String> awaitHealth(String url, Predicate<HttpResponse<String>> wanted, Duration within)
            throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (wanted.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("health did not become as wanted within " + within + "; last: "
                + (last == null ? "none" : last.statusCode() + " " + last.body()));
    }
}
