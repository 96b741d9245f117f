package io.firebreak.statement;

import io.firebreak.detect.Severity;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/**
 * Values filled into statements ({@code config/statement-settings.yaml}): the time zone next-update
 * times are written in, how often updates come per severity, and where each brand's public can get
 * help.
 */
public record StatementSettings(
        ZoneId zone, Map<Severity, Duration> updateEvery, String defaultHelp, Map<String, BrandContact> brands) {

    /** A brand as the public knows it and where its customers get help. */
    public record BrandContact(String displayName, String help) {}

    public StatementSettings {
        updateEvery = Map.copyOf(updateEvery);
        brands = Map.copyOf(brands);
    }

    public String displayName(String brand) {
        BrandContact contact = brands.get(brand);
        return contact != null && contact.displayName() != null ? contact.displayName() : brand;
    }

    public String help(String brand) {
        BrandContact contact = brands.get(brand);
        return contact != null && contact.help() != null ? contact.help() : defaultHelp;
    }

    public Duration updateEvery(Severity severity) {
        return updateEvery.getOrDefault(severity, Duration.ofMinutes(60));
    }
}
