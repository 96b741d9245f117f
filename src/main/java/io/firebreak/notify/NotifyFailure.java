package io.firebreak.notify;

import java.time.Duration;
import java.util.Optional;

/** Why a delivery failed, typed by what to do next: retry later, or give up on this notification. */
public abstract sealed class NotifyFailure extends Exception permits NotifyFailure.Retryable, NotifyFailure.Permanent {

    NotifyFailure(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /** Worth trying again with the same alert identity: rate limit, 5xx, network. */
    public static final class Retryable extends NotifyFailure {
        private final Duration retryAfter;

        public Retryable(String message, Duration retryAfter, Throwable cause) {
            super(message, cause);
            this.retryAfter = retryAfter;
        }

        /** The wait the server asked for (HTTP 429 Retry-After), if it did. */
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /** Retrying cannot help (bad token, unknown channel, rejected payload): needs a person. */
    public static final class Permanent extends NotifyFailure {
        public Permanent(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
