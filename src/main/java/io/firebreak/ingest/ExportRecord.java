package io.firebreak.ingest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One record of an export (a CSV row, a JSON object) as a Mention v1 object, through its
 * {@link ExportMapping}: each mapped value put where Mention v1 has it, times read in the export's formats
 * and zone, counts as whole numbers. What cannot be read is named in {@code errors}, with where it came from.
 */
final class ExportRecord {

    private final ExportMapping mapping;
    private final List<DateTimeFormatter> formats;
    private final String origin;

    /** @param origin what the export calls a mapped name in an error: "column" or "field" */
    ExportRecord(ExportMapping mapping, String origin) {
        this.mapping = mapping;
        this.formats = mapping.formatters();
        this.origin = origin;
    }

    /** @param valueOf a mapped name's value in the record, "" when it has none */
    ObjectNode toJson(Function<String, String> valueOf, List<String> errors) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("source", mapping.source());
        if (mapping.brand() != null) {
            node.put("brand", mapping.brand());
        }
        for (Map.Entry<String, String> column : mapping.columns().entrySet()) {
            String value = valueOf.apply(column.getValue());
            if (value != null && !value.isEmpty()) {
                put(node, column.getKey(), column.getValue(), value, errors);
            }
        }
        return node;
    }

    private void put(ObjectNode node, String field, String from, String value, List<String> errors) {
        ObjectNode target = node;
        String leaf = field;
        int dot = field.indexOf('.');
        if (dot > 0) {
            target = node.has(field.substring(0, dot))
                    ? (ObjectNode) node.get(field.substring(0, dot))
                    : node.putObject(field.substring(0, dot));
            leaf = field.substring(dot + 1);
        }
        switch (field) {
            case "created_at" -> {
                Instant at = parseTime(value);
                if (at == null) {
                    errors.add("created_at: '" + value + "' (" + origin + " " + from + ") matches none of "
                            + mapping.timeFormats() + " nor ISO 8601"
                            + (mapping.zone() == null ? " (a time without an offset needs the mapping's time_zone)" : ""));
                } else {
                    target.put(leaf, at.toString());
                }
            }
            case "author.followers", "engagement.shares", "engagement.likes", "engagement.replies" -> {
                try {
                    target.put(leaf, Long.parseLong(value.strip()));
                } catch (NumberFormatException e) {
                    errors.add(field + ": '" + value + "' (" + origin + " " + from + ") is not a whole number");
                }
            }
            case "author.verified" -> target.put(leaf, Boolean.parseBoolean(value.strip()));
            default -> target.put(leaf, value);
        }
    }

    private Instant parseTime(String value) {
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException ignored) {
            // not ISO 8601 with an offset: without one, in the mapping's zone; then the mapping's own formats
        }
        if (mapping.zone() != null) {
            try {
                return LocalDateTime.parse(v).atZone(mapping.zone()).toInstant();
            } catch (DateTimeParseException ignored) {
                // try the mapping's formats
            }
        }
        for (String epoch : mapping.timeFormats()) {
            if (ExportMapping.EPOCH_FORMATS.contains(epoch) && v.matches("\\d{1,16}")) {
                long n = Long.parseLong(v);
                return epoch.equals("epoch_seconds") ? Instant.ofEpochSecond(n) : Instant.ofEpochMilli(n);
            }
        }
        for (DateTimeFormatter format : formats) {
            try {
                return ZonedDateTime.parse(v, format).toInstant();
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        return null;
    }
}
