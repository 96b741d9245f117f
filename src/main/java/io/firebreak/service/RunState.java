package io.firebreak.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.config.Home;
import io.firebreak.config.Redaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a running service can be reached, written to {@code <data>/run/firebreak.json} at start so
 * other commands (status, dead-letter replay) find it. Holds no secrets: a password in the
 * Elasticsearch URL is masked, and readers take the real URL from the settings.
 */
public record RunState(
        @JsonProperty("api_url") String apiUrl,
        @JsonProperty("elasticsearch_url") String elasticsearchUrl,
        long pid,
        boolean embedded) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public RunState {
        elasticsearchUrl = Redaction.url(elasticsearchUrl);
    }

    static Path file(Home home) {
        return home.data().resolve("run/firebreak.json");
    }

    static void write(Home home, RunState state) {
        try {
            Files.createDirectories(file(home).getParent());
            JSON.writeValue(file(home).toFile(), state);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void clear(Home home) {
        try {
            Files.deleteIfExists(file(home));
        } catch (IOException ignored) {
            // a stale file is detected by its pid at the next read
        }
    }

    /** The state of a service still running, if any. */
    public static Optional<RunState> read(Home home) {
        try {
            RunState state = JSON.readValue(file(home).toFile(), RunState.class);
            return ProcessHandle.of(state.pid()).filter(ProcessHandle::isAlive).map(p -> state);
        } catch (IOException absent) {
            return Optional.empty();
        }
    }
}
