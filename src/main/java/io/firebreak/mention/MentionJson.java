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
    private final int maxItems;

    /**
     * @param maxAhead a mention stamped further ahead of {@code clock} is refused: one post stamped hours
     *                 ahead (a source's time-zone slip) would otherwise run its brand's event time ahead
     */
    public MentionJson(ObjectMapper mapper, int maxTextChars, Clock clock, Duration maxAhead) {
        this(mapper, maxTextChars, clock, maxAhead, Integer.MAX_VALUE);
    }

    /**
     * @param mapper   held to the configured limits ({@code Settings.Limits#jsonMapper}): nesting, string and
     *                 number length, duplicate keys
     * @param maxItems the most mentions one request may hold ({@link #read}); more is refused whole (413)
     */
    public MentionJson(ObjectMapper mapper, int maxTextChars, Clock clock, Duration maxAhead, int maxItems) {
        this.mapper = mapper;
        this.maxTextChars = maxTextChars;
        this.clock = clock;
        this.maxAhead = maxAhead;
        this.maxItems = maxItems;
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
            return lines(origin, body, 1, 0, maxItems);
        }
        var batch = new Batch.Builder(origin);
        addItem(batch, 0, "item 0", text.substring(from, to));
        return batch.build();
    }

    /** Reads NDJSON: each non-blank line is one mention; a broken line is rejected alone. */
    public Batch readLines(String origin, String body) {
        return lines(origin, body, 1, 0, Integer.MAX_VALUE);
    }

    /**
     * Reads one piece of a longer NDJSON file: its first line is line {@code firstLine} of the file and its
     * first mention item {@code firstIndex}, so rejections name the file's own line numbers.
     */
    public Batch readLines(String origin, String body, int firstLine, int firstIndex) {
        return lines(origin, body, firstLine, firstIndex, Integer.MAX_VALUE);
    }

    private Batch lines(String origin, String body, int firstLine, int firstIndex, int cap) {
        var batch = new Batch.Builder(origin);
        int index = firstIndex;
        int lineNo = firstLine - 1;
        // lines end at \n or \r\n, as body.split("\r?\n", -1) would cut them, without a regular expression
        int start = 0;
        while (true) {
            int lineBreak = body.indexOf('\n', start);
            int end = lineBreak < 0 ? body.length()
                    : lineBreak > start && body.charAt(lineBreak - 1) == '\r' ? lineBreak - 1 : lineBreak;
            lineNo++;
            if (!isBlank(body, start, end)) {
                if (index - firstIndex >= cap) {
                    throw tooMany(cap);
                }
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
            // a stream limit (nesting, length) is thrown with no location: saying where must not throw in turn
            throw new BadInputException("the JSON array cannot be read: " + describe(e)
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"));
        }
        if (root.size() > maxItems) {
            throw tooMany(maxItems);
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
            batch.reject(Rejection.of(index, where, "(json): not valid JSON: " + describe(e), abbreviateRaw(raw)));
            return;
        }
        validate(batch, index, where, node, raw);
    }

    private static TooLargeException tooMany(int cap) {
        return new TooLargeException("more than " + cap + " mentions in one request; the most is limits.max_items ("
                + cap + "): split the batch");
    }

    /** Jackson's message, with the setting to change when a configured limit was hit. */
    static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            String key = message.contains("nesting depth") ? "limits.max_nesting_depth"
                    : message.contains("String value length") ? "limits.max_string_chars"
                    : message.contains("Number value length") ? "limits.max_number_chars"
                    : message.contains("Name length") ? "limits.max_name_chars"
                    : message.contains("Document length") ? "limits.max_body_bytes" : "limits";
            int from = message.indexOf(" (from `");
            return (from > 0 ? message.substring(0, from) + ")" : message) + " [" + key + "]";
        }
        return message;
    }

    /** A dead letter keeps enough of a broken line to see what it was, not a 100 MB string. */
    private String abbreviateRaw(String raw) {
        int keep = Math.max(maxTextChars, 1000) * 2;
        return raw.length() <= keep ? raw : raw.substring(0, keep) + "...";
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
        String id = machine("id", requiredString(node, "id", 256, errors), errors);
        String source = machine("source", requiredString(node, "source", 64, errors), errors);
        Instant createdAt = timestamp(node, errors);
        String text = noControls("text", requiredString(node, "text", maxTextChars, errors), true, errors);
        String brand = noControls("brand", optionalString(node, "brand", errors), false, errors);
        String lang = optionalString(node, "lang", errors);
        if (lang != null && !LANG_TAG.matcher(lang).matches()) {
            errors.add("lang: '" + abbreviate(lang) + "' is not a BCP 47 tag such as en or pt-BR");
        }
        String url = noControls("url", optionalString(node, "url", errors), false, errors);
        String reshareOf = noControls("reshare_of", optionalString(node, "reshare_of", errors), false, errors);
        Mention.Author author = author(node.get("author"), errors);
        Mention.Engagement engagement = engagement(node.get("engagement"), errors);
        if (!errors.isEmpty()) {
            return null;
        }
        return new Mention(id, source, createdAt, text, blankToNull(brand), lang, url, author, engagement, reshareOf);
    }

    /**
     * Ids and source names are keys and metric tags, not prose: control characters and invisible ones
     * (zero-width, bidi marks), which would make two ids that look the same differ, are refused.
     */
    private static String machine(String field, String value, List<String> errors) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                errors.add(field + ": character U+" + String.format("%04X", c) + " at " + i
                        + " is a control or invisible character; ids and sources are plain text");
                return null;
            }
            i += Character.charCount(c);
        }
        return value;
    }

    /**
     * Control characters would reach logs, Slack and terminals: refused, naming where. Text may keep its
     * line breaks and tabs. Invisible formatting (zero-width, bidi marks) is kept in text, where right-to-left
     * languages need it; brand matching and Slack both see through it.
     */
    private static String noControls(String field, String value, boolean breaksAllowed, List<String> errors) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 || (c >= 0x7f && c <= 0x9f)) && !(breaksAllowed && (c == '\n' || c == '\r' || c == '\t'))) {
                errors.add(field + ": control character U+" + String.format("%04X", (int) c) + " at " + i
                        + (breaksAllowed ? "; only line breaks and tabs may stand in text" : "; not allowed here"));
                return null;
            }
        }
        return value;
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
                noControls("author.id", optionalString(node, "id", "author.id", errors), false, errors),
                noControls("author.handle", optionalString(node, "handle", "author.handle", errors), false, errors),
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
        if (value.isIntegralNumber() && !value.canConvertToLong()) {
            errors.add(path + ": " + abbreviate(value.asText()) + " is too large; the most is " + Long.MAX_VALUE);
            return 0;
        }
        if (!value.isIntegralNumber()) {
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
