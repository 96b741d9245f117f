package io.firebreak.alert;

import java.time.Instant;
import java.util.List;

/** The stages in order; later capabilities (silence, route, notify) are appended, not wired inside. */
public record AlertPipeline(List<AlertStage> stages) implements AlertStage {

    public AlertPipeline {
        stages = List.copyOf(stages);
    }

    @Override
    public List<Alert> apply(List<Alert> alerts, Instant now) {
        List<Alert> current = alerts;
        for (AlertStage stage : stages) {
            current = stage.apply(current, now);
        }
        return current;
    }
}
