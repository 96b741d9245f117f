package io.firebreak.alert;

import io.firebreak.config.KebabYaml;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How an alert lives once a rule raised it ({@code config/alerts.yaml}); a key left out takes the
 * default below. Durations are ISO-8601.
 *
 * @param quietTime     an alert resolves after this long without a signal while its brand is calm
 * @param holdDown      an open alert's severity never drops while its wave is at that tier: only after
 *                      the wave has kept going below it for this long is it de-escalated
 * @param confirmWithin an early warning (raised on an open minute) that no complete minute confirms
 *                      within this is withdrawn, with a message
 * @param updateEvery   an open alert whose numbers changed gets a refreshed version at most this often...
 * @param growthStep    ... or at once when its count grew this many times since the last version
 */
public record Lifecycle(Duration quietTime, Duration holdDown, Duration confirmWithin, Duration updateEvery,
                        double growthStep) {

    public Lifecycle {
        quietTime = quietTime != null ? quietTime : Duration.ofMinutes(60);
        holdDown = holdDown != null ? holdDown : Duration.ofMinutes(30);
        confirmWithin = confirmWithin != null ? confirmWithin : Duration.ofMinutes(5);
        updateEvery = updateEvery != null ? updateEvery : Duration.ofMinutes(30);
        growthStep = growthStep > 1 ? growthStep : 1.5;
    }

    public static Lifecycle defaults() {
        return new Lifecycle(null, null, null, null, 0);
    }

    /** Reads the file; a missing file means all defaults, a malformed one is an error naming the file and key. */
    public static Lifecycle load(Path yaml) {
        return KebabYaml.read(yaml, Lifecycle.class, "alert lifecycle settings", Lifecycle::defaults);
    }
}
