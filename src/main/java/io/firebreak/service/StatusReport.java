package io.firebreak.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.firebreak.config.Home;
import io.firebreak.config.Settings;
import io.firebreak.store.DeadLetters;
import io.firebreak.store.MentionStore;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code firebreak status} reports. With a service running it asks that service's
 * Elasticsearch; otherwise it starts the embedded one just long enough to count.
 */
public record StatusReport(
        @JsonProperty("api_url") String apiUrl,
        @JsonProperty("api_running") boolean apiRunning,
        @JsonProperty("elasticsearch_url") String elasticsearchUrl,
        boolean embedded,
        long mentions,
        @JsonProperty("by_brand") Map<String, Long> byBrand,
        @JsonProperty("dead_letters") long deadLetters,
        String note) {

    public static StatusReport collect(Home home, Settings settings) {
        Optional<RunState> running = RunState.read(home);
        try (Backend backend = Backend.attach(home, settings)) {
            boolean embedded = running.map(RunState::embedded).orElse(backend.embedded() != null);
            String apiUrl = running.map(RunState::apiUrl).orElse("http://" + settings.api().host() + ":" + settings.api().port());
            String note = backend.embedded() != null ? "the service is not running; the embedded server was started to count" : null;
            MentionStore store = backend.store(settings, embedded);
            return new StatusReport(apiUrl, running.isPresent(), backend.url(), embedded, store.count(), store.countByBrand(),
                    new DeadLetters(backend.client(), store).count(), note);
        }
    }
}
