package io.firebreak.statement;

/** A holding-statement file that cannot be used; the message names the file and the key. */
public final class StatementConfigException extends RuntimeException {
    public StatementConfigException(String message) {
        super(message);
    }

    public StatementConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
