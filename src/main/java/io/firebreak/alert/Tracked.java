package io.firebreak.alert;

import io.firebreak.detect.Evidence;
import io.firebreak.detect.Severity;
import java.time.Instant;

/**
 * Everything {@link AlertBook} keeps about one open alert: the version last told, and what the next
 * decision needs. Plain data, so it is what the alert journal stores.
 *
 * @param lastActive  the last event time its wave was seen active (a signal, or the brand not calm)
 * @param confirmed   a complete minute has raised it (an early warning is not confirmed until then)
 * @param belowSince  since when the wave's signals have all been below the alert's severity, or null
 * @param peakBelow   the highest severity signalled since {@code belowSince}
 * @param latest      the newest evidence of a complete minute, told with the next version
 * @param latestRule  the rule that gave {@code latest}
 * @param floor       a severity a person set by hand: de-escalation never goes below it (null: none)
 */
public record Tracked(Alert alert, Instant lastActive, boolean confirmed, Instant belowSince, Severity peakBelow,
                      Evidence latest, String latestRule, Severity floor) {

    Tracked withAlert(Alert next) {
        return new Tracked(next, lastActive, confirmed, belowSince, peakBelow, latest, latestRule, floor);
    }

    Tracked active(Instant at) {
        Instant last = lastActive == null || at.isAfter(lastActive) ? at : lastActive;
        return new Tracked(alert, last, confirmed, belowSince, peakBelow, latest, latestRule, floor);
    }

    Tracked confirmedBy(String rule, Evidence evidence) {
        return new Tracked(alert, lastActive, true, belowSince, peakBelow, evidence, rule, floor);
    }

    Tracked below(Instant since, Severity peak) {
        return new Tracked(alert, lastActive, confirmed, since, peak, latest, latestRule, floor);
    }

    Tracked floor(Severity severity) {
        return new Tracked(alert, lastActive, confirmed, belowSince, peakBelow, latest, latestRule, severity);
    }
}
