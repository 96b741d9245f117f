package io.firebreak.mention;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads Mention v1 JSON: one object, an array of objects, or NDJSON (one object per line), and
 * validates each item against the contract. A bad item is rejected with the field named; the
 * others go on.
 */
public final class MentionJson {

    public static final int DEFAULT_MAX_TEXT_CHARS = 20_000;
    private static final Pattern LANG_TAG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

    /** How far ahead of the wall clock an event time may be by default (detection.yaml max-clock-skew). */
    public static final Duration MAX_AHEAD = Duration.ofMinutes(5);

    private final ObjectMapper mapper;
    private final int maxTextChars;
    private final Clock clock;
    private final Duration maxAhead;

    /**
     * @param maxAhead a mention stamped further ahead of {@code clock} is refused: one post stamped hours
     *                 ahead (a source's time-zone slip) would otherwise run its brand's event time ahead
     */
    public MentionJson(ObjectMapper mapper, int maxTextChars, Clock clock, Duration maxAhead) {
        this.mapper = mapper;
        this.maxTextChars = maxTextChars;
        this.clock = clock;
        this.maxAhead = maxAhead;
    }

    public MentionJson(ObjectMapper mapper, int maxTextChars, Clock clock) {
        this(mapper, maxTextChars, clock, MAX_AHEAD);
    }

    public MentionJson(ObjectMapper mapper, int maxTextChars) {
        this(mapper, maxTextChars, Clock.systemUTC());
    }

    public MentionJson() {
        this(new ObjectMapper(), DEFAULT_MAX_TEXT_CHARS);
    }

    /**
     * Parses a request body or file. The shape is recognised from the text itself: '[' starts an
     * array; a first line that is a whole JSON object means NDJSON; anything else is one object.
     *
     * @throws BadInputException when the body as a whole is unreadable (empty, or a broken array)
     */
    public Batch read(String origin, String body) {
        // the bounds of body.strip(), without copying a body of thousands of lines to learn its shape
        String text = body == null ? "" : body;
        int from = 0;
        int to = text.length();
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        if (from == to) {
            throw new BadInputException("the body is empty: send one Mention v1 JSON object, an array of them, or NDJSON");
        }
        if (text.charAt(from) == '[') {
            return readArray(origin, text.substring(from, to));
        }
        // more than one line: NDJSON if the first line is a whole object by itself
        int firstBreak = text.indexOf('\n', from);
        if (firstBreak >= 0 && firstBreak < to && parsesAsObject(text.substring(from, firstBreak).strip())) {
            return readLines(origin, body);
        }
        var batch = new Batch.Builder(origin);
        addItem(batch, 0, "item 0", text.substring(from, to));
        return batch.build();
    }

    /** Reads NDJSON: each non-blank line is one mention; a broken line is rejected alone. */
    public Batch readLines(String origin, String body) {
        var batch = new Batch.Builder(origin);
        int index = 0;
        int lineNo = 0;
        // lines end at \n or \r\n, as body.split("\r?\n", -1) would cut them, without a regular expression
        int start = 0;
        while (true) {
            int lineBreak = body.indexOf('\n', start);
            int end = lineBreak < 0 ? body.length()
                    : lineBreak > start && body.charAt(lineBreak - 1) == '\r' ? lineBreak - 1 : lineBreak;
            lineNo++;
            if (!isBlank(body, start, end)) {
                addItem(batch, index++, "line " + lineNo, body.substring(start, end));
            }
            if (lineBreak < 0) {
                return batch.build();
            }
            start = lineBreak + 1;
        }
    }

    private static boolean isBlank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private Batch readArray(String origin, String body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadInputException("the JSON array cannot be read: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        var batch = new Batch.Builder(origin);
        for (int i = 0; i < root.size(); i++) {
            JsonNode node = root.get(i);
            validate(batch, i, "item " + i, node, node.toString());
        }
        return batch.build();
    }

    private void addItem(Batch.Builder batch, int index, String where, String raw) {
        JsonNode node;
        try {
            node = mapper.readTree(raw);
        } catch (JsonProcessingException e) {
            batch.reject(Rejection.of(index, where, "(json): not valid JSON: " + e.getOriginalMessage(), raw));
            return;
        }
        validate(batch, index, where, node, raw);
    }

    private void validate(Batch.Builder batch, int index, String where, JsonNode node, String raw) {
        var errors = new ArrayList<String>();
        Mention mention = toMention(node, errors);
        if (errors.isEmpty()) {
            batch.accept(index, mention, raw);
        } else {
            batch.reject(new Rejection(index, where, errors, raw));
        }
    }

    /** Converts one JSON value to a mention, adding a "field: reason" line per problem. */
    public Mention toMention(JsonNode node, List<String> errors) {
        if (node == null || !node.isObject()) {
            errors.add("(item): must be a JSON object, got " + kind(node));
            return null;
        }
        String id = requiredString(node, "id", 256, errors);
        String source = requiredString(node, "source", 64, errors);
        Instant createdAt = timestamp(node, errors);
        String text = requiredString(node, "text", maxTextChars, errors);
        String brand = optionalString(node, "brand", errors);
        String lang = optionalString(node, "lang", errors);
        if (lang != null && !LANG_TAG.matcher(lang).matches()) {
            errors.add("lang: '" + abbreviate(lang) + "' is not a BCP 47 tag such as en or pt-BR");
        }
        String url = optionalString(node, "url", errors);
        String reshareOf = optionalString(node, "reshare_of", errors);
        Mention.Author author = author(node.get("author"), errors);
        Mention.Engagement engagement = engagement(node.get("engagement"), errors);
        if (!errors.isEmpty()) {
            return null;
        }
        return new Mention(id, source, createdAt, text, blankToNull(brand), lang, url, author, engagement, reshareOf);
    }

    private String requiredString(JsonNode node, String field, int maxLength, List<String> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            errors.add(field + ": required");
            return null;
        }
        if (!value.isTextual()) {
            errors.add(field + ": must be a string, got " + kind(value));
            return null;
        }
        String text = value.textValue();
        if (text.isBlank()) {
            errors.add(field + ": must not be empty");
            return null;
        }
        if (text.length() > maxLength) {
            errors.add(field + ": " + text.length() + " characters, the limit is " + maxLength);
            return null;
        }
        return text;
    }

    private static String optionalString(JsonNode node, String field, List<String> errors) {
        return optionalString(node, field, field, errors);
    }

    private static String optionalString(JsonNode node, String field, String path, List<String> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(path + ": must be a string, got " + kind(value));
            return null;
        }
        return value.textValue();
    }

    private Instant timestamp(JsonNode node, List<String> errors) {
        JsonNode value = node.get("created_at");
        if (value == null || value.isNull()) {
            errors.add("created_at: required");
            return null;
        }
        if (!value.isTextual()) {
            errors.add("created_at: must be an RFC 3339 string such as 2026-03-02T09:00:00Z, got " + kind(value));
            return null;
        }
        try {
            Instant at = OffsetDateTime.parse(value.textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            // event time drives every window: one post stamped hours ahead would make its brand's later ones late
            Instant now = clock.instant();
            if (at.isAfter(now.plus(maxAhead))) {
                errors.add("created_at: " + value.textValue() + " is " + ahead(Duration.between(now, at))
                        + " ahead of this server's clock (" + now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        + "); more than max-clock-skew (" + ahead(maxAhead) + ") is refused: check the source's clock"
                        + " or time zone (a local time sent as UTC?)");
                return null;
            }
            return at;
        } catch (DateTimeParseException e) {
            errors.add("created_at: '" + abbreviate(value.textValue())
                    + "' is not RFC 3339 with an offset, e.g. 2026-03-02T09:00:00Z or 2015-02-24T11:35:52-08:00");
            return null;
        }
    }

    /** A duration as a person reads it: "6 h 0 min", "5 min", "40 s". */
    private static String ahead(Duration d) {
        long s = d.toSeconds();
        if (s >= 3600) {
            return (s / 3600) + " h " + (s % 3600 / 60) + " min";
        }
        return s >= 60 ? (s / 60) + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s") : s + " s";
    }

    private static Mention.Author author(JsonNode node, List<String> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            errors.add("author: must be an object, got " + kind(node));
            return null;
        }
        return new Mention.Author(
                optionalString(node, "id", "author.id", errors),
                optionalString(node, "handle", "author.handle", errors),
                count(node, "followers", "author.followers", errors),
                flag(node, "verified", "author.verified", errors));
    }

    private static Mention.Engagement engagement(JsonNode node, List<String> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            errors.add("engagement: must be an object, got " + kind(node));
            return null;
        }
        return new Mention.Engagement(
                count(node, "shares", "engagement.shares", errors),
                count(node, "likes", "engagement.likes", errors),
                count(node, "replies", "engagement.replies", errors));
    }

    private static long count(JsonNode node, String field, String path, List<String> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            errors.add(path + ": must be a whole number, got " + kind(value));
            return 0;
        }
        if (value.longValue() < 0) {
            errors.add(path + ": must be 0 or more, got " + value.longValue());
            return 0;
        }
        return value.longValue();
    }

    private static boolean flag(JsonNode node, String field, String path, List<String> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            errors.add(path + ": must be true or false, got " + kind(value));
            return false;
        }
        return value.booleanValue();
    }

    private boolean parsesAsObject(String line) {
        try {
            return mapper.readTree(line) instanceof ObjectNode;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> node.getNodeType().name().toLowerCase();
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
