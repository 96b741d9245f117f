package io.firebreak.enrich;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;

/** Reads a strict YAML config file into a record: unknown keys and bad values are errors naming file and line. */
final class ConfigYaml {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ConfigYaml() {}

    static <T> T read(Path file, Class<T> type) {
        if (!Files.isRegularFile(file)) {
            throw new EnrichConfigException(file + ": file not found");
        }
        try {
            T value = YAML.readValue(file.toFile(), type);
            if (value == null) {
                throw new EnrichConfigException(file + ": the file is empty");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            var known = new TreeSet<String>();
            e.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            throw new EnrichConfigException(file + where(e.getLocation()) + ": unknown key '" + e.getPropertyName()
                    + "' (known keys: " + String.join(", ", known) + ")", e);
        } catch (JsonProcessingException e) {
            throw new EnrichConfigException(file + where(e.getLocation()) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new EnrichConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** For checks after parsing, which Jackson cannot know about. */
    static EnrichConfigException invalid(Path file, String what) {
        return new EnrichConfigException(file + ": " + what);
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : ", line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
