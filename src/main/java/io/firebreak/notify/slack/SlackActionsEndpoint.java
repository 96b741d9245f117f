package io.firebreak.notify.slack;

import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/actions} as a Camel processor (route {@code slack-actions}): the raw body and Slack's
 * two headers are checked by {@link RequestSignature} first, and anything that fails (no signature, a bad
 * one, a timestamp more than 5 minutes off either way) is answered 401 before a byte of it is parsed. What
 * passes becomes a Bolt request and goes to {@link SlackInteractions#run}, whose answer (the
 * acknowledgement) is sent back. This route is authenticated by Slack's signature, not by the API token.
 */
public final class SlackActionsEndpoint implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(SlackActionsEndpoint.class);
    static final String TIMESTAMP = "X-Slack-Request-Timestamp";
    static final String SIGNATURE = "X-Slack-Signature";
    static final int MAX_BODY = 1 << 20;

    private final SlackInteractions interactions;
    private final RequestSignature signature;
    private final Clock clock;
    private final SlackRequestParser parser;
    private final String disabledBecause;

    SlackActionsEndpoint(SlackInteractions interactions, RequestSignature signature, Clock clock) {
        this.interactions = interactions;
        this.signature = signature;
        this.clock = clock;
        this.parser = new SlackRequestParser(interactions.app().config());
        this.disabledBecause = null;
    }

    private SlackActionsEndpoint(String disabledBecause) {
        this.interactions = null;
        this.signature = null;
        this.clock = null;
        this.parser = null;
        this.disabledBecause = disabledBecause;
    }

    /** The route's processor when interactivity over HTTP is off: 404 saying why, nothing parsed. */
    public static SlackActionsEndpoint disabled(String why) {
        return new SlackActionsEndpoint(why);
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getIn();
        if (disabledBecause != null) {
            reply(exchange, 404, "text/plain; charset=utf-8", "Slack interactivity over HTTP is off: " + disabledBecause);
            return;
        }
        byte[] body = rawBody(in);
        if (body == null) {
            reply(exchange, 413, "text/plain; charset=utf-8", "request too large");
            return;
        }
        String ts = in.getHeader(TIMESTAMP, String.class);
        String sig = in.getHeader(SIGNATURE, String.class);
        RequestSignature.Verdict verdict = signature.check(ts, sig, body, clock.instant());
        if (verdict != RequestSignature.Verdict.ok) {
            LOG.warn("POST /slack/actions refused: {}", verdict);
            reply(exchange, 401, "text/plain; charset=utf-8", "invalid request signature");
            return;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        Map<String, List<String>> headers = Map.of(
                TIMESTAMP.toLowerCase(java.util.Locale.ROOT), List.of(ts),
                SIGNATURE.toLowerCase(java.util.Locale.ROOT), List.of(sig),
                "content-type", List.of(String.valueOf(in.getHeader(Exchange.CONTENT_TYPE))));
        Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder().requestUri("/slack/actions")
                .requestBody(text).headers(new RequestHeaders(headers)).build());
        if (request == null) {
            reply(exchange, 400, "text/plain; charset=utf-8", "not a Slack interaction payload");
            return;
        }
        Response response = interactions.run(request);
        reply(exchange, response.getStatusCode(), response.getContentType(), response.getBody() == null ? "" : response.getBody());
    }

    /**
     * The body exactly as received. Camel's Vert.x server parses a form body into fields and drops the bytes, which
     * the signature covers, so the route reads no body ({@code useBodyHandler=false}) and it is read here, from the
     * request itself, at most {@link #MAX_BODY} bytes (a button press is a few kilobytes).
     */
    private static byte[] rawBody(Message in) throws Exception {
        if (in instanceof org.apache.camel.component.platform.http.vertx.HttpMessage http) {
            var request = http.getRequest();
            String length = request.getHeader("Content-Length");
            if (length != null && length.matches("\\d{1,12}") && Long.parseLong(length) > MAX_BODY) {
                return null;
            }
            var future = request.body().toCompletionStage().toCompletableFuture();
            // the router pauses a request until something reads it: here, that is us
            request.resume();
            io.vertx.core.buffer.Buffer buffer = future.get(10, java.util.concurrent.TimeUnit.SECONDS);
            return buffer.length() > MAX_BODY ? null : buffer.getBytes();
        }
        byte[] body = in.getBody(byte[].class);
        return body == null ? new byte[0] : body;
    }

    private static void reply(Exchange exchange, int status, String contentType, String body) {
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        if (contentType != null) {
            out.setHeader(Exchange.CONTENT_TYPE, contentType);
        }
        out.setBody(body);
    }
}
