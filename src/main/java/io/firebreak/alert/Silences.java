package io.firebreak.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The silences in force: loaded from {@code config/silences.yaml} and changed at runtime through
 * {@link #add}, {@link #remove} and {@link #list}. Thread-safe: the HTTP API changes it while the
 * pipeline reads it. Expiry is checked against the caller's clock, never the wall. With a runtime
 * file ({@link #load(Path, Path)}), silences added at runtime survive a restart, so a muted alert
 * does not come back just because the service did.
 */
public final class Silences {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, Silence> byId = new ConcurrentHashMap<>();
    private final Map<String, Silence> runtime = new ConcurrentHashMap<>();
    private final Path runtimeFile;

    /** Silences kept in memory only. */
    public Silences() {
        this(null);
    }

    private Silences(Path runtimeFile) {
        this.runtimeFile = runtimeFile;
    }

    /** Reads the file's {@code silences:} list; a missing file means no silences. Runtime changes are not kept. */
    public static Silences load(Path file) {
        Silences silences = new Silences();
        read(file).forEach(silences::put);
        return silences;
    }

    /**
     * The config file's silences plus those added at runtime, which are written to {@code runtimeFile}
     * (same format, e.g. {@code data/silences.yaml}) on every change. A config-file silence removed at
     * runtime returns at restart: remove it from the file too.
     */
    public static Silences load(Path configFile, Path runtimeFile) {
        Silences silences = new Silences(runtimeFile);
        read(configFile).forEach(silences::put);
        for (Silence s : read(runtimeFile)) {
            silences.put(s);
            silences.runtime.put(s.id(), s);
        }
        return silences;
    }

    private static List<Silence> read(Path file) {
        List<Silence> silences = new ArrayList<>();
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
        // every entry is checked, so a file with two mistakes is fixed in one pass, not two restarts
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            try {
                silences.add(entry(list.get(i), name + ": silences[" + i + "]"));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return silences;
    }

    private static Silence entry(JsonNode s, String where) {
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
            return new Silence(id, text(s, "brand"), text(s, "category"), text(s, "rule"), expiresAt,
                    text(s, "reason"), text(s, "created_by"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    /** Adds or replaces (same id) a silence; an already expired one is refused. */
    public synchronized Silence add(Silence silence, Instant now) {
        if (!silence.activeAt(now)) {
            throw new IllegalArgumentException("silence " + silence.id() + " already expired at " + silence.expiresAt());
        }
        put(silence);
        runtime.put(silence.id(), silence);
        persist(now);
        return silence;
    }

    /**
     * Adds a silence whose id is not in force yet (the HTTP API: a second POST with the same id must not
     * quietly replace the first).
     *
     * @throws IllegalStateException when a silence with that id is in force
     */
    public synchronized Silence addNew(Silence silence, Instant now) {
        Silence existing = byId.get(silence.id());
        if (existing != null && existing.activeAt(now)) {
            throw new IllegalStateException("a silence with id " + silence.id() + " exists (expires " + existing.expiresAt()
                    + "); DELETE it first or choose another id");
        }
        return add(silence, now);
    }

    /** Removes a silence; false when there was none with that id. */
    public synchronized boolean remove(String id) {
        boolean removed = byId.remove(id) != null;
        if (runtime.remove(id) != null) {
            persist(null);
        }
        return removed;
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

    /** Rewrites the runtime file atomically with the runtime silences still active at {@code now} (all when null). */
    private void persist(Instant now) {
        if (runtimeFile == null) {
            return;
        }
        List<Map<String, Object>> list = new ArrayList<>();
        runtime.values().stream().filter(s -> now == null || s.activeAt(now))
                .sorted(Comparator.comparing(Silence::id)).forEach(s -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", s.id());
                    m.put("brand", s.brand());
                    m.put("category", s.category());
                    m.put("rule", s.rule());
                    m.put("expires_at", s.expiresAt().toString());
                    m.put("reason", s.reason());
                    m.put("created_by", s.createdBy());
                    m.values().removeIf(Objects::isNull);
                    list.add(m);
                });
        try {
            Files.createDirectories(runtimeFile.toAbsolutePath().getParent());
            Path tmp = runtimeFile.resolveSibling(runtimeFile.getFileName() + ".tmp");
            YAML.writeValue(tmp.toFile(), Map.of("silences", list));
            Files.move(tmp, runtimeFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("silences " + runtimeFile + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().strip();
    }
}
