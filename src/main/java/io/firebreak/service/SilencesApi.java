package io.firebreak.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.access.Caller;
import io.firebreak.alert.Silence;
import io.firebreak.alert.Silences;
import io.firebreak.mention.BadInputException;
import io.firebreak.mention.StrictUtf8;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;

/**
 * The silences over HTTP: list, add (brand / category / rule, always with an expiry no further than
 * {@code limits.silence_max_days}), remove. Who added one is the credential the request came with
 * ({@link Caller}), never what its body says. Silences added here are kept across restarts in the data folder.
 */
public final class SilencesApi {

    static final Set<String> FIELDS = Set.of("id", "brand", "category", "rule", "expires_at", "reason");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MAX_NAME = 200;
    private static final int MAX_REASON = 1000;

    private final Silences silences;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Duration maxAhead;

    public SilencesApi(Silences silences, ObjectMapper mapper, Clock clock) {
        this(silences, mapper, clock, Duration.ofDays(30));
    }

    /** @param maxAhead how far ahead an expiry may be ({@code limits.silence_max_days}) */
    public SilencesApi(Silences silences, ObjectMapper mapper, Clock clock, Duration maxAhead) {
        this.silences = silences;
        this.mapper = mapper;
        this.clock = clock;
        this.maxAhead = maxAhead;
    }

    public void list(Exchange exchange) throws JsonProcessingException {
        respond(exchange, 200, Map.of("silences", silences.list(clock.instant()).stream().map(SilencesApi::json).toList()));
    }

    /** Body: {"id": "...", "brand": "acme", "category": "pricing", "rule": null, "expires_at": "...", "reason": "..."}. */
    public void add(Exchange exchange) throws JsonProcessingException {
        JsonNode body;
        try {
            byte[] bytes = exchange.getMessage().getBody(byte[].class);
            body = mapper.readTree(StrictUtf8.decode(bytes == null ? new byte[0] : bytes, "the body"));
        } catch (JsonProcessingException e) {
            respond(exchange, 400, Map.of("error", "the body is not JSON: " + e.getOriginalMessage()));
            return;
        } catch (BadInputException e) {
            respond(exchange, 400, Map.of("error", e.getMessage()));
            return;
        }
        if (body == null || !body.isObject()) {
            respond(exchange, 400, Map.of("error", "send one JSON object with expires_at and at least one of brand, category, rule"));
            return;
        }
        List<String> problems = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.equals("created_by")) {
                problems.add("created_by: not taken from the body; Firebreak records the credential the request came with");
            } else if (!FIELDS.contains(name)) {
                problems.add("unknown field '" + abbreviate(name) + "'; known: " + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
        Instant now = clock.instant();
        Instant expires = null;
        try {
            expires = Instant.parse(body.path("expires_at").asText(""));
            if (expires.isAfter(now.plus(maxAhead))) {
                problems.add("expires_at: " + expires + " is more than " + maxAhead.toDays() + " days ahead; the most is "
                        + now.plus(maxAhead).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        + " (limits.silence_max_days): silences always expire, and soon, so none is forgotten");
            }
        } catch (DateTimeParseException e) {
            problems.add("expires_at: required, an ISO-8601 instant such as 2026-12-01T00:00:00Z");
        }
        String id = field(body, "id", 64, problems);
        if (id != null && !ID.matcher(id).matches()) {
            problems.add("id: letters, digits, '.', '_' and '-' only, at most 64, starting with a letter or digit");
        }
        String brand = field(body, "brand", MAX_NAME, problems);
        String category = field(body, "category", MAX_NAME, problems);
        String rule = field(body, "rule", MAX_NAME, problems);
        String reason = field(body, "reason", MAX_REASON, problems);
        if (!problems.isEmpty()) {
            respond(exchange, 400, Map.of("error", String.join("; ", problems)));
            return;
        }
        Caller caller = exchange.getProperty(Caller.PROPERTY, Caller.LOCAL, Caller.class);
        try {
            Silence added = silences.addNew(new Silence(id != null ? id : UUID.randomUUID().toString(), brand, category, rule,
                    expires, reason, caller.name()), now);
            respond(exchange, 201, json(added));
        } catch (IllegalStateException e) {
            respond(exchange, 409, Map.of("error", e.getMessage()));
        } catch (IllegalArgumentException e) {
            respond(exchange, 400, Map.of("error", e.getMessage()));
        }
    }

    public void remove(Exchange exchange) throws JsonProcessingException {
        String id = exchange.getMessage().getHeader("id", String.class);
        if (id != null && ID.matcher(id).matches() && silences.remove(id)) {
            respond(exchange, 200, Map.of("removed", id));
        } else {
            respond(exchange, 404, Map.of("error", "no silence with id " + abbreviate(String.valueOf(id))));
        }
    }

    private static Map<String, Object> json(Silence s) {
        var out = new LinkedHashMap<String, Object>();
        out.put("id", s.id());
        out.put("brand", s.brand());
        out.put("category", s.category());
        out.put("rule", s.rule());
        out.put("expires_at", s.expiresAt().toString());
        out.put("reason", s.reason());
        out.put("created_by", s.createdBy());
        return out;
    }

    /** An optional string field: a string, at most {@code max} characters, no control characters. */
    private static String field(JsonNode node, String name, int max, List<String> problems) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            problems.add(name + ": must be a string");
            return null;
        }
        String text = v.textValue().strip();
        if (text.length() > max) {
            problems.add(name + ": " + text.length() + " characters, the most is " + max);
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                problems.add(name + ": control or invisible character U+" + String.format("%04X", (int) c) + " at " + i);
                return null;
            }
        }
        return text.isEmpty() ? null : text;
    }

    private static String abbreviate(String s) {
        String printable = s.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() <= 60 ? printable : printable.substring(0, 57) + "...";
    }

    private void respond(Exchange exchange, int status, Object body) throws JsonProcessingException {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(mapper.writeValueAsString(body));
    }
}
