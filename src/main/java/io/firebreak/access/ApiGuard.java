package io.firebreak.access;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;

/**
 * The first step of every HTTP route that shares the {@code http-errors} configuration
 * ({@code routes/errors.camel.yaml}): decides what the route needs from its path, checks the credential
 * (bearer token, or a webhook signature on the raw body), then the content type, before any of the
 * body is parsed. A refusal is thrown as {@link RequestRefused} and answered as JSON by the shared
 * error handling. The caller admitted is left in the exchange property {@link Caller#PROPERTY}.
 *
 * <p>Paths: {@code /health} is open; {@code /api/v1/silences...} and a dead-letter replay (a mentions
 * POST carrying {@link #REPLAY_HEADER}) need the admin token; every other {@code /api} path and
 * {@code /metrics} (it names sources, brands and alerts) need the API token. Paths outside these
 * (a route with a verification of its own, such as Slack's signed requests) are left alone.
 */
public final class ApiGuard {

    /** Marks a dead-letter replay, which keeps the letter's original origin: an admin action. */
    public static final String REPLAY_HEADER = "X-Firebreak-Origin";
    static final String MENTIONS = "/api/v1/mentions";
    static final String SILENCES = "/api/v1/silences";
    static final String INCIDENTS = "/api/v1/incidents";
    private static final Caller WEBHOOK = new Caller("webhook-signature", Role.API);

    /** What each route with a body takes; everything else with a body is refused with 415. */
    static final Map<String, List<String>> CONTENT_TYPES = Map.of(
            MENTIONS, List.of("application/json", "application/x-ndjson", "text/csv"),
            SILENCES, List.of("application/json"),
            INCIDENTS, List.of("application/json"));
    private static final List<String> JSON_CHARSETS = List.of("utf-8");
    private static final List<String> CSV_CHARSETS = List.of("utf-8", "windows-1252", "iso-8859-1", "us-ascii");

    private final AccessTokens tokens;
    private final WebhookSignature signature;
    private final Clock clock;

    /** @param signature null when webhook bodies need no signature */
    public ApiGuard(AccessTokens tokens, WebhookSignature signature, Clock clock) {
        this.tokens = tokens;
        this.signature = signature;
        this.clock = clock;
    }

    public void admit(Exchange exchange) {
        Message message = exchange.getMessage();
        String path = routePath(exchange);
        String method = method(exchange);
        Role role = role(path, message);
        String authorization = message.getHeader("Authorization", String.class);
        // a credential is used once, here: nothing after the guard needs it, and no answer may echo it
        message.removeHeader("Authorization");
        boolean hasBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        Caller caller;
        if (signature != null && path.equals(MENTIONS) && method.equals("POST")) {
            // the type first here: a form's body is taken apart by the server before anyone sees its bytes,
            // so there would be nothing to check a signature on, and "wrong type" is the useful answer
            checkContentType(path, message.getHeader(Exchange.CONTENT_TYPE, String.class));
            byte[] body = message.getBody(byte[].class);
            body = body == null ? new byte[0] : body;
            signature.verify(message.getHeader(WebhookSignature.HEADER, String.class), body, clock.instant());
            message.setBody(body);
            caller = authorization == null && role == Role.API ? WEBHOOK : tokens.admit(authorization, role);
        } else {
            caller = tokens.admit(authorization, role);
            if (hasBody) {
                checkContentType(path, message.getHeader(Exchange.CONTENT_TYPE, String.class));
            }
        }
        exchange.setProperty(Caller.PROPERTY, caller);
    }

    static Role role(String path, Message message) {
        if (path.startsWith(SILENCES)) {
            return Role.ADMIN;
        }
        if (path.equals(MENTIONS) && message.getHeader(REPLAY_HEADER) != null) {
            return Role.ADMIN;
        }
        if (path.startsWith("/api/") || path.equals("/metrics")) {
            return Role.API;
        }
        return Role.OPEN;
    }

    /** @throws RequestRefused 415 naming the types (and charsets) the route takes */
    static void checkContentType(String path, String contentType) {
        List<String> allowed = CONTENT_TYPES.get(path);
        if (allowed == null) {
            return;
        }
        if (contentType == null || contentType.isBlank()) {
            throw new RequestRefused(415, "media_type", "no Content-Type: " + path + " takes " + String.join(", ", allowed));
        }
        String[] parts = contentType.split(";");
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!allowed.contains(type)) {
            throw new RequestRefused(415, "media_type", "Content-Type " + abbreviate(type) + " is not taken here: " + path
                    + " takes " + String.join(", ", allowed)
                    + (type.equals("text/plain") ? " (text/plain is refused so that a web page cannot post here)" : ""));
        }
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].strip().toLowerCase(Locale.ROOT);
            if (param.startsWith("charset=")) {
                String charset = param.substring("charset=".length()).replace("\"", "").strip();
                List<String> charsets = type.equals("text/csv") ? CSV_CHARSETS : JSON_CHARSETS;
                if (!charsets.contains(charset) && !(charset.equals("utf8") && charsets.contains("utf-8"))) {
                    throw new RequestRefused(415, "media_type", "charset " + abbreviate(charset) + " is not taken for " + type
                            + ": send " + String.join(" or ", charsets));
                }
            }
        }
    }

    /** The path the route was declared with (never a header a caller could set). */
    private static String routePath(Exchange exchange) {
        if (exchange.getFromEndpoint() instanceof PlatformHttpEndpoint endpoint) {
            return endpoint.getPath();
        }
        String path = exchange.getMessage().getHeader(Exchange.HTTP_PATH, String.class);
        return path == null ? "" : path;
    }

    private static String method(Exchange exchange) {
        if (exchange.getFromEndpoint() instanceof PlatformHttpEndpoint endpoint && endpoint.getHttpMethodRestrict() != null
                && !endpoint.getHttpMethodRestrict().contains(",")) {
            return endpoint.getHttpMethodRestrict().toUpperCase(Locale.ROOT);
        }
        String method = exchange.getMessage().getHeader(Exchange.HTTP_METHOD, String.class);
        return method == null ? "GET" : method.toUpperCase(Locale.ROOT);
    }

    private static String abbreviate(String s) {
        String printable = s.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() <= 80 ? printable : printable.substring(0, 77) + "...";
    }
}
