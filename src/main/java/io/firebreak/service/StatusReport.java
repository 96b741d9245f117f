package io.firebreak.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.config.Home;
import io.firebreak.config.Redaction;
import io.firebreak.config.Settings;
import io.firebreak.store.DeadLetters;
import io.firebreak.store.MentionStore;
import java.io.IOException;
import java.net.URI;
import io.firebreak.access.ClientCredentials;
import io.firebreak.access.Role;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code firebreak status} reports. With a service running it asks that service's
 * Elasticsearch, and the service itself for what its detection holds (sources' event time and
 * lateness, open alerts); otherwise it starts the embedded Elasticsearch just long enough to count.
 *
 * @param elasticsearchUrl as it may be shown: a password in it is masked
 * @param detection the running service's {@code GET /api/v1/detection}, or null when none answered
 */
public record StatusReport(
        @JsonProperty("api_url") String apiUrl,
        @JsonProperty("api_running") boolean apiRunning,
        @JsonProperty("elasticsearch_url") String elasticsearchUrl,
        boolean embedded,
        long mentions,
        @JsonProperty("by_brand") Map<String, Long> byBrand,
        @JsonProperty("dead_letters") long deadLetters,
        JsonNode detection,
        String note) {

    public StatusReport {
        elasticsearchUrl = Redaction.url(elasticsearchUrl);
    }

    public static StatusReport collect(Home home, Settings settings) {
        return collect(home, settings, System.getenv());
    }

    /** @param env where the cluster's credentials and the API token come from */
    public static StatusReport collect(Home home, Settings settings, Map<String, String> env) {
        Optional<RunState> running = RunState.read(home);
        try (Backend backend = Backend.attach(home, settings, env)) {
            boolean embedded = running.map(RunState::embedded).orElse(backend.embedded() != null);
            String apiUrl = running.map(RunState::apiUrl).orElse("http://" + settings.api().host() + ":" + settings.api().port());
            String note = backend.embedded() != null ? "the service is not running; the embedded server was started to count" : null;
            MentionStore store = backend.store(settings, embedded);
            JsonNode detection = running.isPresent() ? detection(apiUrl, settings, env) : null;
            return new StatusReport(apiUrl, running.isPresent(), backend.url(), embedded, store.count(), store.countByBrand(),
                    new DeadLetters(backend.client(), store).count(), detection, note);
        }
    }

    private static JsonNode detection(String apiUrl, Settings settings, Map<String, String> env) {
        try {
            var request = ClientCredentials.fromEnvironment(settings.access().signatureSecretEnv(), env)
                    .authorize(HttpRequest.newBuilder(URI.create(apiUrl + "/api/v1/detection")), Role.API);
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()
                    .send(request.timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 401 || r.statusCode() == 403) {
                throw new IllegalStateException("the running service refused status (" + r.statusCode() + "): "
                        + r.body() + "; set FIREBREAK_API_TOKEN as the service has it");
            }
            return r.statusCode() == 200 ? new ObjectMapper().readTree(r.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
