package io.firebreak.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.incident.Incidents;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;

/** Incidents over HTTP: promote an open alert by hand. The running service's incidents stay their one owner. */
public final class IncidentsApi {

    private final Incidents incidents;
    private final ObjectMapper mapper;
    private final Clock clock;

    /** @param incidents null when this service runs no incident side (ingest-only tests): 503 */
    public IncidentsApi(Incidents incidents, ObjectMapper mapper, Clock clock) {
        this.incidents = incidents;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Body: {"alert_id": "...", "by": "U123", "reason": "..."}; 201 with the incident, 409 when already one, 404 when not open. */
    public void promote(Exchange exchange) throws JsonProcessingException {
        if (incidents == null) {
            respond(exchange, 503, Map.of("error", "this service runs no incidents"));
            return;
        }
        JsonNode body;
        try {
            body = mapper.readTree(exchange.getMessage().getBody(String.class));
        } catch (JsonProcessingException e) {
            respond(exchange, 400, Map.of("error", "the body is not JSON: " + e.getOriginalMessage()));
            return;
        }
        String alertId = body == null ? "" : body.path("alert_id").asText("").strip();
        String by = body == null ? "" : body.path("by").asText("").strip();
        if (alertId.isEmpty() || by.isEmpty()) {
            respond(exchange, 400, Map.of("error", "send {\"alert_id\": \"brand/category/time\", \"by\": \"who\"}: both required"));
            return;
        }
        var result = incidents.promote(alertId, by, clock.instant(), body.path("reason").asText(null));
        if (result.ok()) {
            var out = new LinkedHashMap<String, Object>();
            out.put("incident_id", result.incident().id());
            out.put("alert_id", alertId);
            out.put("steps", result.incident().steps().size());
            respond(exchange, 201, out);
        } else {
            respond(exchange, result.incident() != null ? 409 : 404, Map.of("error", result.refusal()));
        }
    }

    private void respond(Exchange exchange, int status, Object body) throws JsonProcessingException {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(mapper.writeValueAsString(body));
    }
}
