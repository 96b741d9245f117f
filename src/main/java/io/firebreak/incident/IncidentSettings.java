package io.firebreak.incident;

import io.firebreak.config.KebabYaml;
import io.firebreak.detect.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * When an alert becomes an incident and how overdue steps are chased ({@code config/incidents.yaml}).
 *
 * @param openAt      an alert reaching one of these severities opens an incident
 * @param remindEvery an overdue step is reminded when it falls due, then again this often until done
 */
public record IncidentSettings(List<Severity> openAt, Duration remindEvery) {

    public IncidentSettings {
        openAt = openAt == null ? List.of(Severity.SEV1, Severity.SEV2) : List.copyOf(openAt);
        remindEvery = remindEvery != null ? remindEvery : Duration.ofMinutes(15);
        if (remindEvery.isNegative() || remindEvery.isZero()) {
            throw new IllegalArgumentException("remind-every: must be a positive ISO-8601 duration, e.g. PT15M");
        }
    }

    public static IncidentSettings defaults() {
        return new IncidentSettings(null, null);
    }

    /** Reads the file; missing means the defaults, a malformed one is an error naming the file and the key. */
    public static IncidentSettings load(Path yaml) {
        try {
            return KebabYaml.read(yaml, IncidentSettings.class, "incident settings", IncidentSettings::defaults);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(yaml + ": " + e.getMessage(), e);
        }
    }

    public boolean opens(Severity severity) {
        return openAt.contains(severity);
    }
}
