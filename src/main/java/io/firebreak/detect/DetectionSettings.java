package io.firebreak.detect;

import io.firebreak.config.KebabYaml;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How the engine counts and learns ({@code config/detection.yaml}); what the rules decide on, and what
 * decides around them (calm, early looks, notable mentions: {@link Decisions}), lives in
 * {@code config/thresholds.yaml}, which is hot-reloaded. A key left out takes the default below.
 *
 * @param allowedLateness    a minute is final (evaluated for good) this long after it ends; a mention arriving later
 *                           still counts in the windows that cover its minute, but that minute's decision is made
 * @param maxClockSkew       a mention stamped more than this ahead of the clock is refused at ingest (a source's
 *                           clock or time zone is wrong): no brand's event time runs ahead of the wall clock
 * @param warmupActiveHours  hours with data a brand needs before spike rules may fire for it
 * @param levelAlpha         EWMA weight of each new hour in a baseline level
 * @param dailyGamma         learning rate of the hour-of-day index
 * @param weeklyGamma        learning rate of the hour-of-week index
 * @param seasonalMinLevel   mentions per hour below which a series learns no seasonal shape
 * @param keywords           crisis keywords by category; {@code *} ends a prefix ("injur*")
 * @param lateShareWarn      a source is reported once this share of a block of its mentions came too late to count
 */
public record DetectionSettings(
        Duration allowedLateness,
        Duration maxClockSkew,
        int warmupActiveHours,
        double levelAlpha,
        double dailyGamma,
        double weeklyGamma,
        double seasonalMinLevel,
        Map<String, List<String>> keywords,
        double lateShareWarn) {

    public DetectionSettings {
        allowedLateness = allowedLateness != null ? allowedLateness : Duration.ofMinutes(2);
        maxClockSkew = maxClockSkew != null ? maxClockSkew : Duration.ofMinutes(5);
        warmupActiveHours = warmupActiveHours > 0 ? warmupActiveHours : 24;
        levelAlpha = levelAlpha > 0 ? levelAlpha : 0.05;
        dailyGamma = dailyGamma > 0 ? dailyGamma : 0.1;
        weeklyGamma = weeklyGamma > 0 ? weeklyGamma : 0.3;
        seasonalMinLevel = seasonalMinLevel > 0 ? seasonalMinLevel : 2.0;
        keywords = keywords != null ? Map.copyOf(keywords) : Map.of();
        lateShareWarn = lateShareWarn > 0 ? lateShareWarn : 0.05;
    }

    public static DetectionSettings defaults() {
        return new DetectionSettings(null, null, 0, 0, 0, 0, 0, null, 0);
    }

    /** Reads the file; a missing file means all defaults, a malformed one is an error naming the file. */
    public static DetectionSettings load(Path yaml) {
        return KebabYaml.read(yaml, DetectionSettings.class, "detection settings", DetectionSettings::defaults);
    }

    /** The allowed lateness in whole minutes, rounded up: buckets are per minute. */
    int latenessMinutes() {
        return (int) Math.max(0, (allowedLateness.toSeconds() + 59) / 60);
    }
}
