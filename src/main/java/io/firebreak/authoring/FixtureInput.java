package io.firebreak.authoring;

import io.firebreak.enrich.EnrichedMention;
import io.firebreak.enrich.Enricher;
import io.firebreak.mention.Batch;
import io.firebreak.mention.Mention;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A fixture's input as the engine takes it: every series and mention file, enriched, in event-time order. */
final class FixtureInput {

    private FixtureInput() {}

    /**
     * @param enricher made only when the fixture names mention files (series come enriched)
     * @param recordings reads a mention file as {@code firebreak backtest} does
     */
    static List<EnrichedMention> mentions(Fixture f, Supplier<Enricher> enricher, Recordings recordings) throws IOException {
        List<EnrichedMention> out = new ArrayList<>(series(f));
        if (!f.mentionFiles().isEmpty()) {
            Enricher e = enricher.get();
            for (Path file : f.mentionFiles()) {
                Batch batch = recordings.read(file);
                if (!batch.rejected().isEmpty()) {
                    throw new IOException(file + ": " + batch.rejected().size() + " mention(s) rejected, first: "
                            + batch.rejected().get(0).message());
                }
                for (Mention m : batch.mentions()) {
                    out.add(e.apply(m));
                }
            }
        }
        out.sort(Comparator.comparing(m -> m.mention().createdAt())); // stable: equal times keep file order
        return out;
    }

    /** The series' mentions; a {@code total} series fills up to its count with neutral mentions. */
    static List<EnrichedMention> series(Fixture f) {
        Map<String, Map<Long, Integer>> others = new HashMap<>();
        List<MinuteSeries> all = f.series();
        for (MinuteSeries s : all) {
            if (s.kind() != MinuteSeries.Kind.total) {
                long first = s.from().toMinutes();
                for (long i = 0; i < s.minutes(); i++) {
                    others.computeIfAbsent(s.brand(), b -> new HashMap<>()).merge(first + i, s.countAt(i), Integer::sum);
                }
            }
        }
        List<EnrichedMention> out = new ArrayList<>();
        for (int idx = 0; idx < all.size(); idx++) {
            MinuteSeries s = all.get(idx);
            long first = s.from().toMinutes();
            Map<Long, Integer> same = others.getOrDefault(s.brand(), Map.of());
            for (long i = 0; i < s.minutes(); i++) {
                int n = s.countAt(i);
                if (s.kind() == MinuteSeries.Kind.total) {
                    n = Math.max(0, n - same.getOrDefault(first + i, 0));
                }
                if (n > 0) {
                    out.addAll(s.mentionsAt(f.start(), i, n, "s" + idx));
                }
            }
        }
        return out;
    }
}
