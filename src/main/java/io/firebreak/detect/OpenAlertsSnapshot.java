package io.firebreak.detect;

import io.firebreak.alert.OpenAlerts;
import java.util.List;

/** The engine's open alerts as saved across restarts, so a restart continues an alert instead of re-raising it. */
public record OpenAlertsSnapshot(List<OpenAlerts.Entry> entries) {
    public static final String ID = "open-alerts";

    public OpenAlertsSnapshot {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
