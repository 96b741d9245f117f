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
        int maxPostChars, Map<String, Integer> maxPostCharsByLanguage, String defaultPrecaution) {

    /** The longest post X takes, the platform most crises start on. */
    public static final int X_POST_CHARS = 280;

    /** The language statements are written in when a brand names none: the team's own. */
    public static final String DEFAULT_LANGUAGE = "en";

    /**
     * A brand as the public knows it, where its customers get help, the time zone its public reads times in
     * (null: the default), and the language its public reads (null: {@value #DEFAULT_LANGUAGE}), which picks
     * the statement set ({@code config/statements/<language>/}), and the precaution its safety statements give
     * (null: the default): "stop using the product" suits a kettle, not an airline.
     */
    public record BrandContact(String displayName, String help, ZoneId zone, String language, String precaution) {
        public BrandContact(String displayName, String help, ZoneId zone) {
            this(displayName, help, zone, null, null);
        }
    }

    /** Where a brand names no precaution of its own. */
    public static final String DEFAULT_PRECAUTION = "Please stop using the product until we share more.";

    public StatementSettings {
        updateEvery = Map.copyOf(updateEvery);
        brands = Map.copyOf(brands);
        maxPostCharsByLanguage = Map.copyOf(maxPostCharsByLanguage);
    }

    public StatementSettings(ZoneId zone, Map<Severity, Duration> updateEvery, String defaultHelp, Map<String, BrandContact> brands,
                             int maxPostChars) {
        this(zone, updateEvery, defaultHelp, brands, maxPostChars, Map.of(), null);
    }

    public StatementSettings(ZoneId zone, Map<Severity, Duration> updateEvery, String defaultHelp, Map<String, BrandContact> brands) {
        this(zone, updateEvery, defaultHelp, brands, X_POST_CHARS);
    }

    /** The language of the brand's public statements. */
    public String language(String brand) {
        BrandContact contact = brands.get(brand);
        return contact != null && contact.language() != null ? contact.language() : DEFAULT_LANGUAGE;
    }

    /** The longest statement in this language: its own limit (a Weibo post for zh), else {@link #maxPostChars()}. */
    public int maxPostChars(String language) {
        return maxPostCharsByLanguage.getOrDefault(language, maxPostChars);
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

    public String precaution(String brand) {
        BrandContact contact = brands.get(brand);
        return contact != null && contact.precaution() != null ? contact.precaution() : defaultPrecaution();
    }

    /** The precaution of brands that name none. */
    public String defaultPrecaution() {
        return defaultPrecaution != null ? defaultPrecaution : DEFAULT_PRECAUTION;
    }

    public Duration updateEvery(Severity severity) {
        return updateEvery.getOrDefault(severity, Duration.ofMinutes(60));
    }
}
