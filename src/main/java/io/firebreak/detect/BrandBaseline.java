package io.firebreak.detect;

/**
 * One brand's baseline as stored: series for all, negative and crisis-keyword mentions.
 *
 * @param firstHour   epoch hour of the brand's first counted hour
 * @param lastHour    epoch hour of the last hour folded in
 * @param activeHours hours that had at least one mention: warm-up counts these, not wall hours, so a
 *                    brand whose collection only really starts late is still warming up
 */
public record BrandBaseline(long firstHour, long lastHour, long activeHours,
                            SeriesState total, SeriesState negative, SeriesState keyword) {}
