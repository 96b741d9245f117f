package io.firebreak.access;

import java.util.Map;

/**
 * A request turned away before its body is read, with the HTTP status that says why (401 no or wrong
 * credential, 403 a credential without the right, 415 a content type the route does not take, 413 too
 * large) and a reason a person can act on. The reason never contains a secret.
 */
public final class RequestRefused extends RuntimeException {

    private final int status;
    private final String kind;
    private final Map<String, String> headers;

    /** @param kind a short fixed word for metrics and logs: unauthorized, forbidden, bad_signature, media_type ... */
    public RequestRefused(int status, String kind, String reason, Map<String, String> headers) {
        super(reason, null, false, false);
        this.status = status;
        this.kind = kind;
        this.headers = Map.copyOf(headers);
    }

    public RequestRefused(int status, String kind, String reason) {
        this(status, kind, reason, Map.of());
    }

    public int status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    /** Headers the answer carries ({@code WWW-Authenticate} for a 401). */
    public Map<String, String> headers() {
        return headers;
    }
}
