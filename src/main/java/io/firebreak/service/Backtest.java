package io.firebreak.service;

import io.firebreak.alert.Alert;
import io.firebreak.alert.Lifecycle;
import io.firebreak.detect.Detection;
import io.firebreak.enrich.EnrichedMention;
import io.firebreak.enrich.Enricher;
import io.firebreak.mention.Mention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Replays recorded mentions through the same partitions live ingest feeds: enrich, count, evaluate,
 * decide, on the mentions' own time. No Elasticsearch, no wall clock. With early looks on (as live),
 * what it writes is what live would have sent for the same mentions arriving in the same order.
 */
public final class Backtest implements AutoCloseable {

    private final Partitions partitions;
    private final Partitions.Recorder recorder;
    private final Enricher enricher;

    /** @param each gets every alert version as it is decided */
    public Backtest(Detection detection, Lifecycle lifecycle, Enricher enricher, Consumer<Alert> each) {
        this.recorder = new Partitions.Recorder(each);
        this.partitions = Partitions.fresh(detection, lifecycle, recorder);
        this.enricher = enricher;
    }

    public Backtest(Detection detection, Lifecycle lifecycle, Enricher enricher) {
        this(detection, lifecycle, enricher, a -> { });
    }

    /** For mentions already enriched ({@link #replayEnriched}). */
    public Backtest(Detection detection, Lifecycle lifecycle) {
        this(detection, lifecycle, null, a -> { });
    }

    /**
     * Replays in event-time order (a recording need not be sorted: exports are often newest first), then
     * makes every open minute final.
     *
     * @param progress told how many mentions are done, now and then
     * @return every alert version, in the order decided
     */
    public List<Alert> replay(List<Mention> mentions, LongConsumer progress) {
        List<Mention> ordered = new ArrayList<>(mentions);
        ordered.sort(Comparator.comparing(Mention::createdAt)); // stable: equal times keep file order
        long done = 0;
        for (Mention m : ordered) {
            partitions.accept(enricher.apply(m), null);
            if (++done % 10_000 == 0) {
                progress.accept(done);
            }
        }
        partitions.finish();
        progress.accept(done);
        return recorder.versions();
    }

    /** Replays mentions already enriched, in the order given (generated streams, evals, benchmarks). */
    public List<Alert> replayEnriched(List<EnrichedMention> mentions) {
        return replayEnriched(mentions, done -> { });
    }

    /** The same, telling {@code progress} how many mentions are done now and then (sweeps over long files). */
    public List<Alert> replayEnriched(List<EnrichedMention> mentions, LongConsumer progress) {
        long done = 0;
        for (EnrichedMention m : mentions) {
            partitions.accept(m, null);
            if (++done % 10_000 == 0) {
                progress.accept(done);
            }
        }
        partitions.finish();
        progress.accept(done);
        return recorder.versions();
    }

    public Partitions partitions() {
        return partitions;
    }

    public List<Alert> versions() {
        return recorder.versions();
    }

    @Override
    public void close() {
        partitions.close();
    }

    /** Replays generated mentions through fresh partitions over {@code detection}'s rules, and closes them. */
    public static List<Alert> of(Detection detection, Lifecycle lifecycle, List<EnrichedMention> mentions) {
        try (Backtest b = new Backtest(detection.fresh(), lifecycle)) {
            return b.replayEnriched(mentions);
        }
    }
}
