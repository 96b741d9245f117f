package io.firebreak.statement;

import java.util.Arrays;
import java.util.Optional;

/** The only names a holding-statement template may use, written {@code {name}}. */
public enum Placeholder {
    BRAND("brand"),
    ISSUE("issue"),
    HELP("help"),
    NEXT_UPDATE("next_update");

    private final String token;

    Placeholder(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    static Optional<Placeholder> named(String name) {
        return Arrays.stream(values()).filter(p -> p.token.equals(name)).findFirst();
    }
}
