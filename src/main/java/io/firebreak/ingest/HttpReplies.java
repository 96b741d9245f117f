package io.firebreak.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.access.RequestRefused;
import io.firebreak.mention.BadInputException;
import io.firebreak.mention.TooLargeException;
import io.firebreak.store.StoreHealth;
import io.firebreak.store.StoreUnavailableException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** HTTP answers: per-item ingest results, failures as status codes with a reason, and health. */
public final class HttpReplies {

    static final int RETRY_AFTER_SECONDS = 5;
    private static final Logger log = LoggerFactory.getLogger(HttpReplies.class);

    private final ObjectMapper mapper;
    private final StoreHealth health;
    private final IngestMetrics metrics;

    public HttpReplies(ObjectMapper mapper, StoreHealth health) {
        this(mapper, health, IngestMetrics.none());
    }

    /** @param metrics where refused requests are counted by reason */
    public HttpReplies(ObjectMapper mapper, StoreHealth health, IngestMetrics metrics) {
        this.mapper = mapper;
        this.health = health;
        this.metrics = metrics;
    }

    /** 200 when every item was stored; 422 when some were rejected (the valid ones are stored). */
    public void reply(IngestReport report, Exchange exchange) throws JsonProcessingException {
        var body = new LinkedHashMap<String, Object>();
        body.put("indexed", report.indexed());
        body.put("rejected", report.rejected());
        body.put("items", report.items());
        respond(exchange, report.rejected() == 0 ? 200 : 422, body);
    }

    public void failure(Exchange exchange) throws JsonProcessingException {
        Throwable e = rootOf(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        if (e instanceof RequestRefused refused) {
            metrics.rejected(refused.kind());
            refused.headers().forEach((name, value) -> exchange.getMessage().setHeader(name, value));
            respond(exchange, refused.status(), Map.of("error", refused.getMessage()));
        } else if (e instanceof TooLargeException) {
            metrics.rejected("too_large");
            respond(exchange, 413, Map.of("error", e.getMessage()));
        } else if (e instanceof BadInputException) {
            metrics.rejected("bad_input");
            respond(exchange, 400, Map.of("error", e.getMessage()));
        } else if (e instanceof StoreUnavailableException) {
            exchange.getMessage().setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            respond(exchange, 503, Map.of("error", "not accepted: Elasticsearch cannot store it now; retry after "
                    + RETRY_AFTER_SECONDS + " s"));
        } else {
            log.error("ingest failed", e);
            respond(exchange, 500, Map.of("error", "internal error: " + (e == null ? "unknown" : e.getClass().getSimpleName())));
        }
    }

    /** Camel wraps what a bean throws; the answer depends on what was thrown first. */
    private static Throwable rootOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BadInputException || t instanceof StoreUnavailableException || t instanceof RequestRefused) {
                return t;
            }
        }
        return e;
    }

    /** Live whenever it answers; ready only when Elasticsearch is reachable and templates installed. */
    public void health(Exchange exchange) throws JsonProcessingException {
        boolean ready = health.ready();
        var body = new LinkedHashMap<String, Object>();
        body.put("live", true);
        body.put("ready", ready);
        body.put("elasticsearch", health.reason());
        respond(exchange, ready ? 200 : 503, body);
    }

    /** The 413 Vert.x gives a body beyond {@code limits.max_body_bytes}, as the JSON every other refusal is. */
    public String bodyTooLarge(long maxBodyBytes) throws JsonProcessingException {
        metrics.rejected("body_too_large");
        return mapper.writeValueAsString(Map.of("error", "the body is larger than " + maxBodyBytes
                + " bytes, the most limits.max_body_bytes allows: split it"));
    }

    private void respond(Exchange exchange, int status, Object body) throws JsonProcessingException {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(mapper.writeValueAsString(body));
    }
}
