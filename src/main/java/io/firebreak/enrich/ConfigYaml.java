package io.firebreak.enrich;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;

/** Reads a strict YAML config file into a record: unknown keys and bad values are errors naming file and line. */
final class ConfigYaml {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // "names: Acme Air" means a list of one; rule authors should not need brackets for that
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

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
            throw new EnrichConfigException(file + where(e.getLocation()) + ": " + path(e) + ": unknown key '"
                    + e.getPropertyName() + "' (known keys: " + String.join(", ", known) + ")", e);
        } catch (MismatchedInputException e) {
            throw new EnrichConfigException(file + where(e.getLocation()) + ": " + path(e) + ": expected "
                    + expected(e.getTargetType()), e);
        } catch (JsonMappingException e) {
            throw new EnrichConfigException(file + where(e.getLocation()) + ": " + path(e) + ": " + e.getOriginalMessage(), e);
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

    // the parser has usually read past the offending entry, so the line is "near", and the path says exactly where
    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : " (near line " + location.getLineNr() + ")";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping of keys to values";
        }
        return type == String.class ? "text" : "a " + type.getSimpleName();
    }

    /** "brands[0].names", from Jackson's reference chain. */
    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.length() == 0 ? "top level" : out.toString();
    }
}
