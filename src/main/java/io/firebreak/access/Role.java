package io.firebreak.access;

/** What a route needs of its caller. */
public enum Role {
    /** Anyone who can reach the port: {@code /health}. */
    OPEN,
    /** The API token (or the admin token): mentions in, detection, metrics. */
    API,
    /** The admin token (the API token when no admin token is set): silences, dead-letter replay. */
    ADMIN
}
