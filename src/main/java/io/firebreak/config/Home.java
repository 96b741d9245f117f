package io.firebreak.config;

import java.nio.file.Path;

/**
 * Where Firebreak's files are: the checkout with {@code routes/}, {@code rules/}, {@code config/}
 * and the data directory. Set by the launcher as {@code -Dfirebreak.home}; defaults to the working
 * directory so tests run from the project root find the shipped files.
 */
public record Home(Path root, Path dataOverride) {

    public Home(Path root) {
        this(root, null);
    }

    /** The same checkout with its mutable state elsewhere (the demo keeps its own). */
    public Home withData(Path data) {
        return new Home(root, data);
    }

    public static Home detect() {
        String prop = System.getProperty("firebreak.home");
        Path root = prop != null ? Path.of(prop) : Path.of("").toAbsolutePath();
        return new Home(root.toAbsolutePath().normalize());
    }

    public Path config() {
        return root.resolve("config");
    }

    public Path config(String name) {
        return config().resolve(name);
    }

    public Path rules() {
        return root.resolve("rules");
    }

    public Path routes() {
        return root.resolve("routes");
    }

    /**
     * Mutable state (embedded Elasticsearch, drop directory, run state): {@code <root>/data}, or
     * the {@code firebreak.data} system property, or {@code FIREBREAK_DATA}.
     */
    public Path data() {
        if (dataOverride != null) {
            return dataOverride;
        }
        String configured = System.getProperty("firebreak.data", System.getenv("FIREBREAK_DATA"));
        return configured != null && !configured.isBlank() ? Path.of(configured).toAbsolutePath() : root.resolve("data");
    }
}
