package io.firebreak.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How the records of one monitoring export become Mention v1 fields; one YAML file per export format,
 * CSV ones in {@code config/csv/} (matched by their header), JSON ones in {@code config/json/} (matched by
 * the fields of their first record).
 *
 * @param name        the mapping's name (its file name without .yaml)
 * @param matchHeader a CSV export: columns that identify the format; a header holding all of them uses this mapping
 * @param matchFields a JSON export: fields (dotted for nested: user.followers_count) its records all have
 * @param records     a JSON export wrapped in an object: the dotted path of its array of records ({@code statuses},
 *                    {@code data.list}); a body that is the records themselves (an array, or one per line) also reads
 * @param source      the Mention source for every record (a constant: an export comes from one place)
 * @param brand       optional constant brand, for exports that are about one brand
 * @param columns     Mention field (dotted for nested: author.handle) to CSV column, or to JSON field (dotted)
 * @param timeFormats java.time patterns tried in order for created_at, or {@code epoch_seconds} / {@code epoch_millis};
 *                    ISO 8601 is always tried first
 * @param timeZone    the zone (IANA id, e.g. Asia/Shanghai) of a time written without an offset; without it
 *                    such a time is rejected, never read as UTC. A time with an offset keeps its offset.
 */
public record ExportMapping(
        String name,
        @JsonProperty("match_header") List<String> matchHeader,
        @JsonProperty("match_fields") List<String> matchFields,
        String records,
        String source,
        String brand,
        Map<String, String> columns,
        @JsonProperty("time_formats") List<String> timeFormats,
        @JsonProperty("time_zone") String timeZone) {

    /** Mention fields a column may map to. */
    static final Set<String> FIELDS = Set.of(
            "id", "created_at", "text", "brand", "lang", "url", "reshare_of",
            "author.id", "author.handle", "author.followers", "author.verified",
            "engagement.shares", "engagement.likes", "engagement.replies");

    public ExportMapping {
        matchHeader = matchHeader == null ? List.of() : List.copyOf(matchHeader);
        matchFields = matchFields == null ? List.of() : List.copyOf(matchFields);
        columns = columns == null ? Map.of() : Map.copyOf(columns);
        timeFormats = timeFormats == null ? List.of() : List.copyOf(timeFormats);
    }

    /** Times written as a count since 1970 rather than as a date. */
    static final Set<String> EPOCH_FORMATS = Set.of("epoch_seconds", "epoch_millis");

    /** A JSON export's mapping (else a CSV one's). */
    public boolean json() {
        return !matchFields.isEmpty();
    }

    public boolean matches(Collection<String> header) {
        return !matchHeader.isEmpty() && header.containsAll(matchHeader);
    }

    List<DateTimeFormatter> formatters() {
        var out = new ArrayList<DateTimeFormatter>();
        for (String pattern : timeFormats) {
            if (EPOCH_FORMATS.contains(pattern)) {
                continue;
            }
            DateTimeFormatter format = DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH);
            out.add(timeZone == null ? format : format.withZone(ZoneId.of(timeZone)));
        }
        return out;
    }

    /** The zone for times without an offset, or null when such times are rejected. */
    ZoneId zone() {
        return timeZone == null ? null : ZoneId.of(timeZone);
    }

    /** Loads every {@code *.yaml} mapping in a folder, failing with the file and the problem named. */
    public static List<ExportMapping> loadAll(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        var yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        var out = new ArrayList<ExportMapping>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                ExportMapping mapping;
                try {
                    mapping = yaml.readValue(file.toFile(), ExportMapping.class);
                } catch (IOException e) {
                    throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
                }
                out.add(mapping.validated(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private ExportMapping validated(Path file) {
        var problems = new ArrayList<String>();
        if (source == null || source.isBlank()) {
            problems.add("source: required (the platform the export comes from, e.g. twitter)");
        }
        if (matchHeader.isEmpty() == matchFields.isEmpty()) {
            problems.add("match_header (a CSV export's columns) or match_fields (a JSON export's fields): give exactly one,"
                    + " listing what identifies this export");
        }
        if (records != null && matchFields.isEmpty()) {
            problems.add("records: only a JSON export (match_fields) has records to find");
        }
        for (String required : List.of("id", "created_at", "text")) {
            if (!columns.containsKey(required)) {
                problems.add("columns." + required + ": required");
            }
        }
        for (String field : columns.keySet()) {
            if (!FIELDS.contains(field)) {
                problems.add("columns." + field + ": not a Mention field; use one of " + FIELDS.stream().sorted().toList());
            }
        }
        for (String pattern : timeFormats) {
            if (EPOCH_FORMATS.contains(pattern)) {
                continue;
            }
            try {
                DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH);
            } catch (IllegalArgumentException e) {
                problems.add("time_formats: '" + pattern + "' " + e.getMessage());
            }
        }
        if (timeZone != null) {
            try {
                ZoneId.of(timeZone);
            } catch (java.time.DateTimeException e) {
                problems.add("time_zone: '" + timeZone + "' is not a zone id (e.g. Asia/Shanghai, UTC): " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(file + ": " + String.join("; ", problems));
        }
        String fileName = file.getFileName().toString();
        String mappingName = name != null ? name : fileName.substring(0, fileName.length() - ".yaml".length());
        return new ExportMapping(mappingName, matchHeader, matchFields, records, source, brand, columns, timeFormats, timeZone);
    }
}
