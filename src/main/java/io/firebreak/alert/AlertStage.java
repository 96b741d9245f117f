package io.firebreak.alert;

import java.time.Instant;
import java.util.List;

/** One step of the alert pipeline; returns what continues (empty = stop). */
public interface AlertStage {
    List<Alert> apply(List<Alert> alerts, Instant now);
}
