package io.firebreak.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firebreak.mention.BadInputException;
import io.firebreak.mention.Batch;
import io.firebreak.mention.Mention;
import io.firebreak.mention.MentionJson;
import io.firebreak.mention.Rejection;
import io.firebreak.mention.TooLargeException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON monitoring exports (a Weibo API dump, a Douyin or WeChat tool's export) into mentions through
 * the {@link ExportMapping}s of {@code config/json/}: a body is one when its first record has every field
 * a mapping's {@code match_fields} names; otherwise it is Mention v1 and {@link MentionJson} reads it. The
 * records may be the body itself (an array, or one object per line) or an array inside a wrapper object
 * (the mapping's {@code records} path). Each record is then validated exactly as Mention v1 input is.
 */
public final class JsonExports {

    private final List<ExportMapping> mappings;
    private final MentionJson validator;
    private final ObjectMapper mapper;
    private final int maxItems;

    /** @param mapper parses with the service's limits (depth, string length) */
    public JsonExports(List<ExportMapping> mappings, MentionJson validator, ObjectMapper mapper, int maxItems) {
        this.mappings = mappings.stream().filter(ExportMapping::json).toList();
        this.validator = validator;
        this.mapper = mapper;
        this.maxItems = maxItems;
    }

    /**
     * The mapping whose export this body is, or null (Mention v1, or unreadable: its reader names why).
     * Only the first record is parsed to tell.
     */
    public ExportMapping mappingFor(String body) {
        if (mappings.isEmpty()) {
            return null;
        }
        JsonNode first;
        boolean array;
        try (JsonParser p = mapper.createParser(body)) {
            JsonToken t = p.nextToken();
            array = t == JsonToken.START_ARRAY;
            if (array) {
                t = p.nextToken();
            }
            if (t != JsonToken.START_OBJECT) {
                return null;
            }
            first = p.readValueAsTree();
        } catch (IOException e) {
            return null;
        }
        for (ExportMapping m : mappings) {
            JsonNode record = array ? first : firstRecord(m, first);
            if (record != null && m.matchFields().stream().allMatch(f -> !at(record, f).isMissingNode())) {
                return m;
            }
        }
        return null;
    }

    /**
     * Reads a request body's records with the mapping {@link #mappingFor} chose; more than
     * {@code limits.max_items} is refused whole (413), as for Mention v1.
     */
    public Batch read(String origin, String body, ExportMapping mapping) {
        return read(origin, body, mapping, maxItems);
    }

    /** Reads a dropped file's records: its size is bounded by the drop folder's limits, not its record count. */
    public Batch readFile(String origin, String body, ExportMapping mapping) {
        return read(origin, body, mapping, Integer.MAX_VALUE);
    }

    private Batch read(String origin, String body, ExportMapping mapping, int cap) {
        List<JsonNode> records = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        try (JsonParser p = mapper.createParser(body)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) {
                JsonNode all = p.readValueAsTree();
                all.forEach(records::add);
            } else {
                // one object (perhaps the wrapper), or one per line
                for (; t != null; t = p.nextToken()) {
                    try {
                        JsonNode node = p.readValueAsTree();
                        JsonNode wrapped = mapping.records() == null ? null : at(node, mapping.records());
                        if (wrapped != null && wrapped.isArray()) {
                            wrapped.forEach(records::add);
                        } else {
                            records.add(node);
                        }
                    } catch (JsonProcessingException e) {
                        broken.add(e.getOriginalMessage());
                        break; // the parser cannot find the next record after a broken one
                    }
                }
            }
        } catch (IOException e) {
            throw new BadInputException(origin + ": the " + mapping.name() + " JSON export cannot be read: " + e.getMessage());
        }
        if (records.size() > cap) {
            throw new TooLargeException(origin + ": " + records.size() + " records in one request; the most is"
                    + " limits.max_items (" + cap + "): split the export");
        }
        var batch = new Batch.Builder(origin);
        var fields = new ExportRecord(mapping, "field");
        int index = 0;
        for (JsonNode record : records) {
            String raw = record.toString();
            var errors = new ArrayList<String>();
            Mention mention = null;
            if (!record.isObject()) {
                errors.add("(record): must be a JSON object, got " + record.getNodeType().name().toLowerCase());
            } else {
                ObjectNode node = fields.toJson(field -> text(at(record, field)), errors);
                mention = errors.isEmpty() ? validator.toMention(node, errors) : null;
            }
            if (errors.isEmpty()) {
                batch.accept(index, mention, raw);
            } else {
                batch.reject(new Rejection(index, "record " + index, errors, raw));
            }
            index++;
        }
        for (String reason : broken) {
            batch.reject(Rejection.of(index, "record " + index, "(record): not JSON, and nothing after it could be read: "
                    + reason, ""));
            index++;
        }
        return batch.build();
    }

    /** The first record of a body that starts with this object: inside the wrapper, or the object itself. */
    private static JsonNode firstRecord(ExportMapping m, JsonNode object) {
        if (m.records() != null) {
            JsonNode wrapped = at(object, m.records());
            if (wrapped.isArray()) {
                return wrapped.isEmpty() ? null : wrapped.get(0);
            }
        }
        return object;
    }

    /** The value at a dotted path ({@code user.followers_count}), or a missing node. */
    private static JsonNode at(JsonNode node, String dotted) {
        return node.at("/" + dotted.replace("~", "~0").replace("/", "~1").replace('.', '/'));
    }

    /** A scalar as the text a CSV cell would hold; null and objects as nothing. */
    private static String text(JsonNode value) {
        if (value.isMissingNode() || value.isNull() || value.isContainerNode()) {
            return "";
        }
        return value.isIntegralNumber() ? value.bigIntegerValue().toString() : value.asText();
    }
}
