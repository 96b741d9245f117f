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
 * How the columns of one CSV export become Mention v1 fields; one YAML file per export format in
 * {@code config/csv/}. A file is matched to a mapping by its header.
 *
 * @param name        the mapping's name (its file name without .yaml)
 * @param matchHeader columns that identify the format: a header holding all of them uses this mapping
 * @param source      the Mention source for every row (a constant: a CSV export comes from one place)
 * @param brand       optional constant brand, for exports that are about one brand
 * @param columns     Mention field (dotted for nested: author.handle) to CSV column
 * @param timeFormats java.time patterns tried in order for created_at; ISO 8601 is always tried first
 * @param timeZone    the zone (IANA id, e.g. Asia/Shanghai) of a time written without an offset; without it
 *                    such a time is rejected, never read as UTC. A time with an offset keeps its offset.
 */
public record CsvMapping(
        String name,
        @JsonProperty("match_header") List<String> matchHeader,
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

    public CsvMapping {
        matchHeader = matchHeader == null ? List.of() : List.copyOf(matchHeader);
        columns = columns == null ? Map.of() : Map.copyOf(columns);
        timeFormats = timeFormats == null ? List.of() : List.copyOf(timeFormats);
    }

    public boolean matches(Collection<String> header) {
        return !matchHeader.isEmpty() && header.containsAll(matchHeader);
    }

    List<DateTimeFormatter> formatters() {
        var out = new ArrayList<DateTimeFormatter>();
        for (String pattern : timeFormats) {
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
    public static List<CsvMapping> loadAll(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        var yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        var out = new ArrayList<CsvMapping>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                CsvMapping mapping;
                try {
                    mapping = yaml.readValue(file.toFile(), CsvMapping.class);
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

    private CsvMapping validated(Path file) {
        var problems = new ArrayList<String>();
        if (source == null || source.isBlank()) {
            problems.add("source: required (the platform the export comes from, e.g. twitter)");
        }
        if (matchHeader.isEmpty()) {
            problems.add("match_header: list the columns that identify this export");
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
        return new CsvMapping(mappingName, matchHeader, source, brand, columns, timeFormats, timeZone);
    }
}
