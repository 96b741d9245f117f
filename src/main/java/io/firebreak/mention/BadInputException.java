package io.firebreak.mention;

/** The input as a whole cannot be read (as opposed to single bad items, which become rejections). */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }
}
