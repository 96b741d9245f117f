package io.firebreak.access;

import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * What Firebreak's own clients of the running service (status, dead-letter replay, the demo and the bench)
 * send with a request, from the same environment the service reads: the bearer token for the role, and a
 * webhook signature of the body when the service requires one.
 */
public final class ClientCredentials {

    private final Map<String, String> env;
    private final WebhookSignature signature;
    private final Clock clock;

    private ClientCredentials(Map<String, String> env, WebhookSignature signature, Clock clock) {
        this.env = env;
        this.signature = signature;
        this.clock = clock;
    }

    /** @param signatureSecretEnv {@code access.signature_secret_env}: the variable holding the signing secret, or empty */
    public static ClientCredentials fromEnvironment(String signatureSecretEnv, Map<String, String> env) {
        String secret = signatureSecretEnv == null || signatureSecretEnv.isBlank() ? null : env.get(signatureSecretEnv);
        WebhookSignature signature = secret == null || secret.isBlank() ? null
                : new WebhookSignature(secret.strip(), Duration.ofMinutes(5));
        return new ClientCredentials(env, signature, Clock.systemUTC());
    }

    /** Adds {@code Authorization} for {@code role} when a token is set. */
    public HttpRequest.Builder authorize(HttpRequest.Builder request, Role role) {
        String authorization = AccessTokens.authorizationFor(role, env);
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    /** Adds {@code Authorization} and, when signing is on, {@link WebhookSignature#HEADER} for this body. */
    public HttpRequest.Builder authorize(HttpRequest.Builder request, Role role, byte[] body) {
        authorize(request, role);
        return signature == null ? request : request.header(WebhookSignature.HEADER, signature.sign(body, clock.instant()));
    }
}
