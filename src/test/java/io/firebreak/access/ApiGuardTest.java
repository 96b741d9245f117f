package io.firebreak.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The guard's decisions by path, method, credential and content type. */
class ApiGuardTest {

    private static final String API = "api-token-0123456789abcdef";
    private static final String ADMIN = "admin-token-0123456789abcdef";
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final DefaultCamelContext CAMEL = new DefaultCamelContext();
    private final AccessTokens tokens = AccessTokens.fromEnvironment(Map.of(AccessTokens.API_ENV, API, AccessTokens.ADMIN_ENV, ADMIN));
    private final ApiGuard guard = new ApiGuard(tokens, null, Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterAll
    static void close() throws Exception {
        CAMEL.close();
    }

    private static Exchange request(String method, String path, String contentType, String authorization) {
        var exchange = new DefaultExchange(CAMEL);
        exchange.getMessage().setHeader(Exchange.HTTP_PATH, path);
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, method);
        if (contentType != null) {
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, contentType);
        }
        if (authorization != null) {
            exchange.getMessage().setHeader("Authorization", authorization);
        }
        exchange.getMessage().setBody("{}".getBytes(StandardCharsets.UTF_8));
        return exchange;
    }

    private static RequestRefused refusal(Runnable admit) {
        try {
            admit.run();
        } catch (RequestRefused r) {
            return r;
        }
        throw new AssertionError("admitted");
    }

    @Test
    void silencesAndReplayNeedTheAdminToken_mentionsAndMetricsTheApiToken_healthNothing() {
        assertThat(refusal(() -> guard.admit(request("GET", "/api/v1/silences", null, "Bearer " + API))).status()).isEqualTo(403);
        Exchange replay = request("POST", "/api/v1/mentions", "application/json", "Bearer " + API);
        replay.getMessage().setHeader(ApiGuard.REPLAY_HEADER, "batch.ndjson");
        assertThat(refusal(() -> guard.admit(replay)).status()).isEqualTo(403);
        assertThat(refusal(() -> guard.admit(request("GET", "/metrics", null, null))).status()).isEqualTo(401);

        Exchange mentions = request("POST", "/api/v1/mentions", "application/x-ndjson", "Bearer " + API);
        guard.admit(mentions);
        assertThat(mentions.getProperty(Caller.PROPERTY, Caller.class).name()).isEqualTo("api-token");
        assertThat(mentions.getMessage().getHeader("Authorization")).as("the credential is not passed on").isNull();
        Exchange silence = request("POST", "/api/v1/silences", "application/json", "Bearer " + ADMIN);
        guard.admit(silence);
        assertThat(silence.getProperty(Caller.PROPERTY, Caller.class).name()).isEqualTo("admin-token");
        guard.admit(request("GET", "/health", null, null));
    }

    @Test
    void contentTypes_areEnforced_with415NamingWhatIsTaken() {
        RequestRefused plain = refusal(() -> guard.admit(request("POST", "/api/v1/mentions", "text/plain", "Bearer " + API)));
        assertThat(plain.status()).isEqualTo(415);
        assertThat(plain.getMessage()).contains("application/json, application/x-ndjson, text/csv").contains("web page");
        assertThat(refusal(() -> guard.admit(request("POST", "/api/v1/mentions", null, "Bearer " + API))).getMessage())
                .startsWith("no Content-Type");
        assertThat(refusal(() -> guard.admit(request("POST", "/api/v1/mentions", "application/x-www-form-urlencoded",
                "Bearer " + API))).status()).isEqualTo(415);
        assertThat(refusal(() -> guard.admit(request("POST", "/api/v1/silences", "text/csv", "Bearer " + ADMIN))).getMessage())
                .contains("takes application/json");
        assertThat(refusal(() -> guard.admit(request("POST", "/api/v1/mentions", "application/json; charset=iso-8859-1",
                "Bearer " + API))).getMessage()).contains("charset iso-8859-1").contains("utf-8");
        guard.admit(request("POST", "/api/v1/mentions", "application/json; charset=UTF-8", "Bearer " + API));
        guard.admit(request("POST", "/api/v1/mentions", "text/csv; charset=windows-1252", "Bearer " + API));
    }

    @Test
    void theCredentialIsCheckedBeforeTheContentType() {
        assertThat(refusal(() -> guard.admit(request("POST", "/api/v1/mentions", "text/plain", null))).status()).isEqualTo(401);
    }

    @Test
    void withSigningOn_aSignedMentionsPostNeedsNoBearer_andAnUnsignedOneIsRefused() {
        var signature = new WebhookSignature("whsec-0123456789abcdef", Duration.ofMinutes(5));
        var signing = new ApiGuard(tokens, signature, Clock.fixed(NOW, ZoneOffset.UTC));
        Exchange signed = request("POST", "/api/v1/mentions", "application/json", null);
        signed.getMessage().setHeader(WebhookSignature.HEADER, signature.sign("{}".getBytes(StandardCharsets.UTF_8), NOW));
        signing.admit(signed);
        assertThat(signed.getProperty(Caller.PROPERTY, Caller.class).name()).isEqualTo("webhook-signature");

        RequestRefused unsigned = refusal(() -> signing.admit(request("POST", "/api/v1/mentions", "application/json", "Bearer " + API)));
        assertThat(unsigned.kind()).isEqualTo("bad_signature");
        assertThatThrownBy(() -> signing.admit(request("GET", "/api/v1/detection", null, null))).isInstanceOf(RequestRefused.class);
    }
}
