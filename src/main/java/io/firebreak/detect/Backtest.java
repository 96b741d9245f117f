package io.firebreak.detect;

import io.firebreak.alert.Alert;
import io.firebreak.enrich.Enricher;
import io.firebreak.mention.Mention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Replays recorded mentions through a {@link DetectionEngine} exactly as live ingest feeds it: enrich,
 * accept, and let event time tick. No Elasticsearch, no wall clock.
 */
public final class Backtest {

    private final DetectionEngine engine;
    private final Enricher enricher;

    public Backtest(DetectionEngine engine, Enricher enricher) {
        this.engine = engine;
        this.enricher = enricher;
    }

    /**
     * Replays in event-time order (a recording need not be sorted: exports are often newest first).
     *
     * @param sink     gets every alert as it happens
     * @param progress told how many mentions are done, now and then
     * @return every alert, in the order emitted
     */
    public List<Alert> replay(List<Mention> mentions, Consumer<Alert> sink, LongConsumer progress) {
        List<Mention> ordered = new ArrayList<>(mentions);
        ordered.sort(Comparator.comparing(Mention::createdAt)); // stable: equal times keep file order
        List<Alert> all = new ArrayList<>();
        Consumer<Alert> both = a -> {
            all.add(a);
            sink.accept(a);
        };
        long done = 0;
        for (Mention m : ordered) {
            engine.accept(enricher.apply(m)).forEach(both);
            if (++done % 10_000 == 0) {
                progress.accept(done);
            }
        }
        engine.finish().forEach(both);
        progress.accept(done);
        return all;
    }
}
