package io.firebreak.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The silences in force: loaded from {@code config/silences.yaml} and changed at runtime through
 * {@link #add}, {@link #remove} and {@link #list}. Thread-safe: the HTTP API changes it while the
 * pipeline reads it. Expiry is checked against the caller's clock, never the wall.
 */
public final class Silences {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, Silence> byId = new ConcurrentHashMap<>();

    /** Reads the file's {@code silences:} list; a missing file means no silences. */
    public static Silences load(Path file) {
        Silences silences = new Silences();
        if (!Files.exists(file)) {
            return silences;
        }
        String name = file.getFileName().toString();
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot parse: " + e.getMessage(), e);
        }
        JsonNode list = root == null ? null : root.get("silences");
        if (list == null || list.isNull()) {
            return silences;
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException(name + ": silences must be a list");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            String where = name + ": silences[" + i + "]";
            String id = text(s, "id");
            if (id == null) {
                throw new IllegalArgumentException(where + ": id is missing");
            }
            String expires = text(s, "expires_at");
            if (expires == null) {
                throw new IllegalArgumentException(where + " (" + id + "): expires_at is missing; silences must expire");
            }
            Instant expiresAt;
            try {
                expiresAt = Instant.parse(expires);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(where + " (" + id + "): expires_at is not an ISO-8601 instant: " + expires);
            }
            try {
                silences.put(new Silence(id, text(s, "brand"), text(s, "category"), text(s, "rule"), expiresAt,
                        text(s, "reason"), text(s, "created_by")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return silences;
    }

    /** Adds or replaces (same id) a silence; an already expired one is refused. */
    public Silence add(Silence silence, Instant now) {
        if (!silence.activeAt(now)) {
            throw new IllegalArgumentException("silence " + silence.id() + " already expired at " + silence.expiresAt());
        }
        put(silence);
        return silence;
    }

    /** Removes a silence; false when there was none with that id. */
    public boolean remove(String id) {
        return byId.remove(id) != null;
    }

    /** The silences still in force at {@code now}, soonest expiry first; expired ones are dropped. */
    public List<Silence> list(Instant now) {
        byId.values().removeIf(s -> !s.activeAt(now));
        return byId.values().stream().sorted(Comparator.comparing(Silence::expiresAt).thenComparing(Silence::id)).toList();
    }

    /** The first active silence covering this alert, if any. */
    public Optional<Silence> matching(Alert alert, Instant now) {
        return list(now).stream().filter(s -> s.matches(alert)).findFirst();
    }

    private void put(Silence silence) {
        byId.put(silence.id(), silence);
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().strip();
    }
}
