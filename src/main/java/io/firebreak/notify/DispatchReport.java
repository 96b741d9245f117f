package io.firebreak.notify;

/**
 * What one dispatch or drain did: notifications queued, delivered, given up (permanent failure),
 * and still waiting in the outbox afterwards.
 */
public record DispatchReport(int queued, int delivered, int failed, int pending) {}
