package io.firebreak.mention;

/** The input is larger than a configured limit allows (HTTP 413): the limit is named so the sender can split it. */
public final class TooLargeException extends BadInputException {
    public TooLargeException(String message) {
        super(message);
    }
}
