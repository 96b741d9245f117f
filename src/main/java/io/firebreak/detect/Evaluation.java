package io.firebreak.detect;

import java.time.Instant;
import java.util.List;

/**
 * One look at a brand's windows and what the rules raised: a final minute, or an early
 * ({@code provisional}) look at the open one, whose counts may still grow.
 *
 * @param at     the event time of the look: the end of the minute evaluated
 * @param calm       whether the brand is back near its baseline (its 15-minute negatives; {@code decisions.calm})
 * @param mergeOther whether a signal of category "other" joins the brand's open alert ({@code decisions.merge-other})
 * @param hour       the brand's 60-minute window at this look (null where not known)
 */
public record Evaluation(String brand, Instant at, boolean provisional, List<CrisisSignal> signals, boolean calm,
                         boolean mergeOther, BrandWindow hour) {

    public Evaluation {
        signals = List.copyOf(signals);
    }

    public Evaluation(String brand, Instant at, boolean provisional, List<CrisisSignal> signals, boolean calm,
                      boolean mergeOther) {
        this(brand, at, provisional, signals, calm, mergeOther, null);
    }

    /** With "other" joining an open alert, as shipped. */
    public Evaluation(String brand, Instant at, boolean provisional, List<CrisisSignal> signals, boolean calm) {
        this(brand, at, provisional, signals, calm, true);
    }

    /**
     * The brand's last 60 minutes at this look, as an alert's evidence (null: not known): what a resolved
     * alert shows, rather than the figures of its last update, which are an hour or more old by then.
     */
    public Evidence lastHour(String rule, Severity severity) {
        return hour == null ? null : CrisisSignal.of(rule, hour, severity).evidence();
    }
}
