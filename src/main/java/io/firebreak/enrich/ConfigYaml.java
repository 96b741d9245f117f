package io.firebreak.enrich;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
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
        List<String> problems = new ArrayList<>();
        T value = read(file, type, problems);
        throwIfAny(problems);
        return value;
    }

    /**
     * Reads {@code file}, adding to {@code problems} every unknown key (each at its own path, so a second
     * typo is not hidden behind the first) and the first value of the wrong kind; null when it cannot be read.
     */
    static <T> T read(Path file, Class<T> type, List<String> problems) {
        if (!Files.isRegularFile(file)) {
            problems.add(file + ": file not found");
            return null;
        }
        try {
            T value = YAML.readerFor(type).withHandler(new UnknownKeys(file, problems)).readValue(file.toFile());
            if (value == null) {
                problems.add(file + ": the file is empty");
            }
            return value;
        } catch (MismatchedInputException e) {
            problems.add(file + where(e.getLocation()) + ": " + path(e) + ": expected " + expected(e.getTargetType()));
        } catch (JsonMappingException e) {
            problems.add(file + where(e.getLocation()) + ": " + path(e) + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            problems.add(file + where(e.getLocation()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            problems.add(file + ": cannot read: " + e.getMessage());
        }
        return null;
    }

    /** One exception naming every problem, one per line, as lint and the start-up report list them. */
    static void throwIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new EnrichConfigException(String.join("\n", problems));
        }
    }

    /** Notes an unknown key and reads on past it, so every unknown key of the file is named in one pass. */
    private static final class UnknownKeys extends DeserializationProblemHandler {
        private final Path file;
        private final List<String> problems;

        UnknownKeys(Path file, List<String> problems) {
            this.file = file;
            this.problems = problems;
        }

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                             Object beanOrClass, String propertyName) throws IOException {
            // a record's unknown keys are replayed from a buffer once the record is read: the main parser then
            // stands past it, in what holds it; otherwise the parser is on the key's value (inside it, for a map or list)
            JsonParser main = ctxt.getParser();
            String at = main != p ? path(main.getParsingContext()) + "." + propertyName
                    : path(p.currentToken() != null && p.currentToken().isStructStart()
                            ? p.getParsingContext().getParent() : p.getParsingContext());
            at = at.startsWith(".") ? at.substring(1) : at;
            var known = new TreeSet<String>();
            deserializer.getKnownPropertyNames().forEach(k -> known.add(String.valueOf(k)));
            problems.add(file + where(main.currentLocation()) + ": " + at + ": unknown key '" + propertyName
                    + "' (known keys: " + String.join(", ", known) + ")");
            p.skipChildren();
            return true;
        }
    }

    /** "brands[1].exclusion", from the parser's position. */
    private static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + c.getCurrentIndex() + "]");
            } else if (c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            }
        }
        String out = String.join("", parts);
        return out.startsWith(".") ? out.substring(1) : out;
    }

    /** For checks after parsing, which Jackson cannot know about. */
    static EnrichConfigException invalid(Path file, String what) {
        return new EnrichConfigException(file + ": " + what);
    }

    /** The same, as one of several problems. */
    static String problem(Path file, String what) {
        return file + ": " + what;
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
