package io.firebreak.notify;

/**
 * What one drain did: versions delivered, skipped (silenced, or already delivered), given up (permanent
 * failure), and still waiting in the outbox afterwards.
 */
public record DispatchReport(int delivered, int skipped, int failed, int pending) {}
