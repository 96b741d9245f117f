package io.firebreak.statement;

import java.util.Arrays;
import java.util.Optional;

/** The only names a holding-statement template may use, written {@code {name}}. */
public enum Placeholder {
    BRAND("brand"),
    ISSUE("issue"),
    HELP("help"),
    /** What the public should do to stay safe meanwhile: the brand's own words (a product is not a flight). */
    PRECAUTION("precaution"),
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
