package io.firebreak.authoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.config.Home;
import io.firebreak.ingest.ExportMapping;
import io.firebreak.ingest.CsvMentions;
import io.firebreak.mention.Batch;
import io.firebreak.mention.MentionJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import io.firebreak.enrich.EnrichedMention;
import io.firebreak.enrich.Enricher;
import io.firebreak.mention.Mention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/** Recorded mentions as a backtest reads them: Mention v1 NDJSON, or a CSV export mapped by {@code config/csv/}. */
public final class Recordings {

    /** A recording is replayed on its own time: no wall clock to be ahead of. */
    private static final MentionJson RECORDINGS = new MentionJson(new ObjectMapper(), MentionJson.DEFAULT_MAX_TEXT_CHARS,
            Clock.systemUTC(), Duration.ofDays(365L * 1000));

    private final Home home;

    public Recordings(Home home) {
        this.home = home;
    }

    /**
     * A recording as the engine takes it, enriched and in event-time order: a mention file, or a
     * {@code .yaml} of per-minute series (a fixture's {@code input:}, as in {@code rules/tests/history/}).
     */
    public List<EnrichedMention> enriched(Path file, Supplier<Enricher> enricher) throws IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            try {
                return FixtureInput.mentions(Fixture.load(file, false), enricher, this);
            } catch (Fixture.Invalid e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }
        Batch batch = read(file);
        if (!batch.rejected().isEmpty()) {
            System.err.println(file + ": " + batch.rejected().size() + " mention(s) rejected, first: "
                    + batch.rejected().get(0).message());
        }
        Enricher e = enricher.get();
        List<EnrichedMention> out = new ArrayList<>(batch.size());
        for (Mention m : batch.mentions()) {
            out.add(e.apply(m));
        }
        out.sort(Comparator.comparing(m -> m.mention().createdAt()));
        return out;
    }

    public Batch read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".csv")) {
            return new CsvMentions(ExportMapping.loadAll(home.config("csv")), RECORDINGS)
                    .read(file.toString(), Files.readAllBytes(file));
        }
        return RECORDINGS.readLines(file.toString(), Files.readString(file));
    }
}
