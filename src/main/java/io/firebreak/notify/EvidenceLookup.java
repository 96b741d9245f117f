package io.firebreak.notify;

import io.firebreak.alert.Alert;
import java.util.List;

/**
 * What a notification shows beyond the engine's numbers (top posts' text, significant terms, the chart's
 * series), looked up when the alert is delivered, never before it is queued. A failed lookup gives the
 * alert as the engine made it: evidence is help, never a blocker.
 */
@FunctionalInterface
public interface EvidenceLookup {

    EvidenceLookup NONE = alert -> AlertView.of(alert, List.of());

    AlertView view(Alert alert);
}
