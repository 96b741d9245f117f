package io.firebreak.authoring;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Labelled incidents for a sweep: when each brand really was in a crisis. A YAML list (or a map with
 * {@code incidents:}) of {@code brand}, {@code start}, {@code end} and an optional {@code name}; times are
 * ISO-8601 with an offset. An alert of that brand first fired between start and end catches it.
 */
public record Incidents(Path file, List<Incident> all) {

    /** One labelled crisis. */
    public record Incident(String name, String brand, Instant start, Instant end) {
        boolean covers(String alertBrand, Instant at) {
            return brand.equals(alertBrand) && !at.isBefore(start) && !at.isAfter(end);
        }
    }

    private static final Set<String> KEYS = Set.of("name", "brand", "start", "end");

    /** @throws IllegalArgumentException naming every mistake, file:line */
    public static Incidents load(Path file) {
        Located root;
        try {
            root = Located.read(file);
        } catch (Located.Unreadable e) {
            throw new IllegalArgumentException(file + ":" + e.line + ": " + e.getMessage());
        }
        if (root != null && root.isMap() && root.fields().containsKey("incidents")) {
            root = root.fields().get("incidents");
        }
        if (root == null || !root.isList()) {
            throw new IllegalArgumentException(file + ":1: expected a list of incidents (- brand: ..., start: ..., end: ...)");
        }
        List<String> problems = new ArrayList<>();
        List<Incident> out = new ArrayList<>();
        for (Located item : root.items()) {
            try {
                Map<String, Located> f = item.fields();
                item.keyLines().forEach((k, line) -> {
                    if (!KEYS.contains(k)) {
                        problems.add(file + ":" + line + ": unknown key '" + k + "' (an incident has name, brand, start, end)");
                    }
                });
                for (String required : List.of("brand", "start", "end")) {
                    if (!f.containsKey(required)) {
                        throw new IllegalArgumentException(item.where() + ": " + required + " is missing");
                    }
                }
                Instant start = time(f.get("start"));
                Instant end = time(f.get("end"));
                if (end.isBefore(start)) {
                    throw new IllegalArgumentException(f.get("end").where() + ": end is before start");
                }
                String brand = f.get("brand").text();
                String name = f.containsKey("name") ? f.get("name").text() : brand + "@" + start;
                out.add(new Incident(name, brand, start, end));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return new Incidents(file, List.copyOf(out));
    }

    private static Instant time(Located v) {
        try {
            return java.time.OffsetDateTime.parse(v.text()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(v.where() + ": '" + v.text() + "' is not an ISO-8601 time with offset "
                    + "(2015-02-22T06:00:00-08:00)");
        }
    }
}
