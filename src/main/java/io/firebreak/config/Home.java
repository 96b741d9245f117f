package io.firebreak.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where Firebreak's files are: the checkout with {@code routes/}, {@code rules/}, {@code config/}
 * and the data directory. Set by the launcher as {@code -Dfirebreak.home}; defaults to the working
 * directory so tests run from the project root find the shipped files.
 */
public record Home(Path root) {

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

    /** Mutable state (embedded Elasticsearch, drop directory); {@code FIREBREAK_DATA} overrides. */
    public Path data() {
        String env = System.getenv("FIREBREAK_DATA");
        return env != null && !env.isBlank() ? Path.of(env).toAbsolutePath() : root.resolve("data");
    }

    public boolean looksValid() {
        return Files.isDirectory(config());
    }
}
