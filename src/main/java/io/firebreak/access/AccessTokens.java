package io.firebreak.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Map;

/**
 * The API's bearer tokens, from the environment only: {@code FIREBREAK_API_TOKEN} for every {@code /api}
 * route and {@code /metrics}, {@code FIREBREAK_ADMIN_TOKEN} for silences and dead-letter replay. The admin
 * token is also good wherever the API token is; when only one of them is set, it guards both. With
 * neither set every caller is {@link Caller#LOCAL}, which is only allowed on loopback
 * ({@link #requireSafeBinding}).
 *
 * <p>Tokens are compared as SHA-256 digests with {@link MessageDigest#isEqual}, which takes the same time
 * wherever the first difference is; hashing first also hides the token's length.
 */
public final class AccessTokens {

    public static final String API_ENV = "FIREBREAK_API_TOKEN";
    public static final String ADMIN_ENV = "FIREBREAK_ADMIN_TOKEN";
    /** The shortest token accepted: a guessable token guards nothing. */
    static final int MIN_LENGTH = 16;
    private static final String BEARER = "bearer ";
    private static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate", "Bearer realm=\"firebreak\"");

    private final byte[] api;
    private final byte[] admin;

    private AccessTokens(String api, String admin) {
        this.api = api == null ? null : digest(api);
        this.admin = admin == null ? null : digest(admin);
    }

    /**
     * @throws IllegalArgumentException when a token is set but shorter than 16 characters
     */
    public static AccessTokens fromEnvironment(Map<String, String> env) {
        return new AccessTokens(token(env, API_ENV), token(env, ADMIN_ENV));
    }

    private static String token(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() < MIN_LENGTH) {
            throw new IllegalArgumentException(name + ": a token needs at least " + MIN_LENGTH
                    + " characters (e.g. openssl rand -hex 32); this one has " + value.strip().length());
        }
        return value.strip();
    }

    /** Whether any token is set. */
    public boolean any() {
        return api != null || admin != null;
    }

    /**
     * Refuses a listening address beyond loopback while no token is set: the port would take mentions
     * and silences from anyone who can reach it.
     *
     * @throws IllegalStateException naming the address and what to do
     */
    public void requireSafeBinding(String host) {
        if (any() || isLoopback(host)) {
            return;
        }
        throw new IllegalStateException("api.host is " + host + ", which is reachable beyond this machine, and no "
                + API_ENV + " or " + ADMIN_ENV + " is set: anyone reaching the port could post mentions and silence alerts."
                + " Set a token (docs/security.md) or keep api.host 127.0.0.1");
    }

    static boolean isLoopback(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Who this {@code Authorization} header stands for, if it is allowed what {@code needed} asks.
     *
     * @throws RequestRefused 401 without a valid token, 403 with the API token where the admin token is needed
     */
    public Caller admit(String authorization, Role needed) {
        if (needed == Role.OPEN) {
            return new Caller("anyone", Role.OPEN);
        }
        if (!any()) {
            return Caller.LOCAL;
        }
        if (authorization == null || authorization.isBlank()) {
            throw new RequestRefused(401, "unauthorized", "this route needs a bearer token: send Authorization: Bearer <"
                    + (needed == Role.ADMIN && admin != null ? ADMIN_ENV : api != null ? API_ENV : ADMIN_ENV) + ">", CHALLENGE);
        }
        if (authorization.length() <= BEARER.length()
                || !authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            throw new RequestRefused(401, "unauthorized", "the Authorization header must be 'Bearer <token>'", CHALLENGE);
        }
        byte[] given = digest(authorization.substring(BEARER.length()).strip());
        // both compared every time, so the time taken says nothing about which one matched
        boolean isAdmin = admin != null && MessageDigest.isEqual(given, admin);
        boolean isApi = api != null && MessageDigest.isEqual(given, api);
        if (isAdmin) {
            return new Caller("admin-token", Role.ADMIN);
        }
        if (!isApi) {
            throw new RequestRefused(401, "unauthorized", "the bearer token is not valid for this service", CHALLENGE);
        }
        if (needed == Role.ADMIN && admin != null) {
            throw new RequestRefused(403, "forbidden", "this route needs the admin token (" + ADMIN_ENV
                    + "): the API token may post mentions and read, not change silences or replay dead letters");
        }
        return new Caller("api-token", admin == null ? Role.ADMIN : Role.API);
    }

    /**
     * The {@code Authorization} header a client of the running service sends for {@code role}, from the
     * environment (the admin token for admin work, else the API token); null when none is set.
     */
    public static String authorizationFor(Role role, Map<String, String> env) {
        String admin = env.get(ADMIN_ENV);
        String api = env.get(API_ENV);
        String token = role == Role.ADMIN ? first(admin, api) : first(api, admin);
        return token == null ? null : "Bearer " + token.strip();
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Never the tokens themselves. */
    @Override
    public String toString() {
        return "tokens(api=" + (api != null) + ", admin=" + (admin != null) + ")";
    }
}
