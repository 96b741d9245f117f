package io.firebreak.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.alert.Silence;
import io.firebreak.alert.Silences;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;

/**
 * The silences over HTTP: list, add (brand / category / rule, always with an expiry), remove.
 * Silences added here are kept across restarts in the data folder.
 */
public final class SilencesApi {

    private final Silences silences;
    private final ObjectMapper mapper;
    private final Clock clock;

    public SilencesApi(Silences silences, ObjectMapper mapper, Clock clock) {
        this.silences = silences;
        this.mapper = mapper;
        this.clock = clock;
    }

    public void list(Exchange exchange) throws JsonProcessingException {
        respond(exchange, 200, Map.of("silences", silences.list(clock.instant()).stream().map(SilencesApi::json).toList()));
    }

    /** Body: {"brand": "acme", "category": "pricing", "rule": null, "expires_at": "...", "reason": "...", "created_by": "..."}. */
    public void add(Exchange exchange) throws JsonProcessingException {
        JsonNode body;
        try {
            body = mapper.readTree(exchange.getMessage().getBody(String.class));
        } catch (JsonProcessingException e) {
            respond(exchange, 400, Map.of("error", "the body is not JSON: " + e.getOriginalMessage()));
            return;
        }
        if (body == null || !body.isObject()) {
            respond(exchange, 400, Map.of("error", "send one JSON object with expires_at and at least one of brand, category, rule"));
            return;
        }
        Instant expires;
        try {
            expires = Instant.parse(body.path("expires_at").asText(""));
        } catch (DateTimeParseException e) {
            respond(exchange, 400, Map.of("error", "expires_at: required, an ISO-8601 instant such as 2026-12-01T00:00:00Z"));
            return;
        }
        String id = text(body, "id") != null ? text(body, "id") : UUID.randomUUID().toString();
        try {
            Silence added = silences.add(new Silence(id, text(body, "brand"), text(body, "category"), text(body, "rule"),
                    expires, text(body, "reason"), text(body, "created_by")), clock.instant());
            respond(exchange, 201, json(added));
        } catch (IllegalArgumentException e) {
            respond(exchange, 400, Map.of("error", e.getMessage()));
        }
    }

    public void remove(Exchange exchange) throws JsonProcessingException {
        String id = exchange.getMessage().getHeader("id", String.class);
        if (silences.remove(id)) {
            respond(exchange, 200, Map.of("removed", id));
        } else {
            respond(exchange, 404, Map.of("error", "no silence with id " + id));
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

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private void respond(Exchange exchange, int status, Object body) throws JsonProcessingException {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(mapper.writeValueAsString(body));
    }

}
