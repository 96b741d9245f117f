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
 */
public record Evaluation(String brand, Instant at, boolean provisional, List<CrisisSignal> signals, boolean calm,
                         boolean mergeOther) {

    public Evaluation {
        signals = List.copyOf(signals);
    }

    /** With "other" joining an open alert, as shipped. */
    public Evaluation(String brand, Instant at, boolean provisional, List<CrisisSignal> signals, boolean calm) {
        this(brand, at, provisional, signals, calm, true);
    }
}
