package io.firebreak.store;

/** Elasticsearch cannot take writes now; the caller should refuse new input and try again later. */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
