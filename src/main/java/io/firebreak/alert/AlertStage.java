package io.firebreak.alert;

import java.time.Instant;
import java.util.List;

/**
 * One step of the alert pipeline: takes the alerts of one tick, returns what continues. A stage may
 * also add alerts from its own state as time passes (auto-resolve does), so every stage sees every tick.
 */
public interface AlertStage {
    List<Alert> apply(List<Alert> alerts, Instant now);
}
