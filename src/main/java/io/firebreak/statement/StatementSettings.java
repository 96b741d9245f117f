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
        ZoneId zone, Map<Severity, Duration> updateEvery, String defaultHelp, Map<String, BrandContact> brands,
        int maxPostChars) {

    /** The longest post X takes, the platform most crises start on. */
    public static final int X_POST_CHARS = 280;

    /** A brand as the public knows it, where its customers get help, and the time zone its public reads times in (null: the default). */
    public record BrandContact(String displayName, String help, ZoneId zone) {}

    public StatementSettings {
        updateEvery = Map.copyOf(updateEvery);
        brands = Map.copyOf(brands);
    }

    public StatementSettings(ZoneId zone, Map<Severity, Duration> updateEvery, String defaultHelp, Map<String, BrandContact> brands) {
        this(zone, updateEvery, defaultHelp, brands, X_POST_CHARS);
    }

    /** The zone the brand's statements give times in: its own, else the default. */
    public ZoneId zone(String brand) {
        BrandContact contact = brands.get(brand);
        return contact != null && contact.zone() != null ? contact.zone() : zone;
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
