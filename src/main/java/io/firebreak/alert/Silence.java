package io.firebreak.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * Mutes alerts matching every non-null field of brand, category and rule until {@code expiresAt}.
 * Silences always expire, so a forgotten one cannot hide a crisis for good.
 */
public record Silence(String id, String brand, String category, String rule, Instant expiresAt, String reason, String createdBy) {

    public Silence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (brand == null && category == null && rule == null) {
            throw new IllegalArgumentException("silence " + id + ": set at least one of brand, category, rule");
        }
    }

    public boolean activeAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    public boolean matches(Alert alert) {
        return (brand == null || brand.equals(alert.brand()))
                && (category == null || category.equals(alert.category()))
                && (rule == null || rule.equals(alert.rule()));
    }
}
