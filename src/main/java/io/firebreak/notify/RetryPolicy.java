package io.firebreak.notify;

import java.time.Duration;

/**
 * How hard one drain tries a notification before leaving it in the outbox for the next drain:
 * attempts, exponential backoff for 5xx/IO, and a cap on a server's Retry-After.
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    public static final RetryPolicy DEFAULT =
            new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(2));

    /** The wait after the given failed attempt (1-based). */
    public Duration backoff(int attempt, NotifyFailure.Retryable failure) {
        return failure.retryAfter()
                .map(d -> d.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : d)
                .orElseGet(() -> {
                    Duration d = firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
                    return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
                });
    }
}
