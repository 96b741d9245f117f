package io.firebreak.access;

/**
 * Who a request was admitted as, from its credential and never from its body: "admin-token",
 * "api-token", "webhook-signature", or "local" when no token is set (the API is then on loopback).
 */
public record Caller(String name, Role role) {

    /** The exchange property the guard leaves the caller in. */
    public static final String PROPERTY = "firebreak.caller";

    public static final Caller LOCAL = new Caller("local", Role.ADMIN);
}
