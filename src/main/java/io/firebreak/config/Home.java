package io.firebreak.config;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * Where Firebreak's files are: the checkout or the unpacked distribution, with {@code routes/},
 * {@code rules/}, {@code config/} and the data directory. The checkout's launcher sets
 * {@code -Dfirebreak.home}; without it, an unpacked distribution is the folder above the
 * {@code lib/} its jar was loaded from, wherever it is started from; otherwise the working
 * directory, so tests run from the project root find the shipped files.
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
        Path root = prop != null ? Path.of(prop) : distributionRoot().orElse(Path.of("").toAbsolutePath());
        return new Home(root.toAbsolutePath().normalize());
    }

    /** {@code <home>} when these classes are {@code <home>/lib/*.jar} beside {@code <home>/config}. */
    private static Optional<Path> distributionRoot() {
        try {
            CodeSource source = Home.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path jar = Path.of(source.getLocation().toURI());
            Path lib = jar.getParent();
            if (!Files.isRegularFile(jar) || lib == null || !lib.getFileName().toString().equals("lib")
                    || lib.getParent() == null || !Files.isDirectory(lib.getParent().resolve("config"))) {
                return Optional.empty();
            }
            return Optional.of(lib.getParent());
        } catch (URISyntaxException | RuntimeException unusualLocation) {
            return Optional.empty();
        }
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
