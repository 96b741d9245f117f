package io.firebreak.alert;

import java.time.Instant;
import java.util.List;

/** Drops alerts covered by an active silence. */
public final class SilenceStage implements AlertStage {

    private final Silences silences;

    public SilenceStage(Silences silences) {
        this.silences = silences;
    }

    @Override
    public List<Alert> apply(List<Alert> alerts, Instant now) {
        return alerts.stream().filter(a -> silences.matching(a, now).isEmpty()).toList();
    }
}
