package io.firebreak.enrich;

/** A brands or categories file that cannot be used; the message names the file and what is wrong. */
public final class EnrichConfigException extends RuntimeException {

    public EnrichConfigException(String message) {
        super(message);
    }

    public EnrichConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
