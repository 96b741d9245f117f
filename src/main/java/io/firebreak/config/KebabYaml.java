package io.firebreak.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Reads a settings file whose keys are kebab-case ({@code detection.yaml}, {@code alerts.yaml}) into a
 * record: unknown keys are errors, durations are ISO-8601, a key left out is the record's default.
 */
public final class KebabYaml {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private KebabYaml() {}

    /** The file as a tree (an empty map when it is missing or empty), to be changed and then {@link #convert}ed. */
    public static com.fasterxml.jackson.databind.node.ObjectNode tree(Path file) {
        if (!Files.exists(file)) {
            return YAML.createObjectNode();
        }
        try {
            var node = YAML.readTree(file.toFile());
            if (node == null || node.isMissingNode() || node.isNull()) {
                return YAML.createObjectNode();
            }
            if (!node.isObject()) {
                throw new UncheckedIOException(new IOException(file + ": expected a map of settings"));
            }
            return (com.fasterxml.jackson.databind.node.ObjectNode) node;
        } catch (IOException e) {
            throw new UncheckedIOException("invalid " + file + ": " + e.getMessage(), e);
        }
    }

    /** A tree read by {@link #tree} (and changed) as the record, with the same rules as {@link #read}. */
    public static <T> T convert(com.fasterxml.jackson.databind.JsonNode tree, Class<T> type, String what) {
        try {
            return YAML.treeToValue(tree, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param what      what the file holds, for the error ("detection settings")
     * @param defaults  what a missing or empty file means
     */
    public static <T> T read(Path file, Class<T> type, String what, Supplier<T> defaults) {
        if (!Files.exists(file)) {
            return defaults.get();
        }
        try {
            T read = YAML.readValue(file.toFile(), type);
            return read == null ? defaults.get() : read;
        } catch (IOException e) {
            throw new UncheckedIOException("invalid " + what + " " + file + ": " + e.getMessage(), e);
        }
    }
}
