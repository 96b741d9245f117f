package io.firebreak.config;

/** A setting is missing or wrong; the message names the file and the key. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
