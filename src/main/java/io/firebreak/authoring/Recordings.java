package io.firebreak.authoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.config.Home;
import io.firebreak.ingest.CsvMapping;
import io.firebreak.ingest.CsvMentions;
import io.firebreak.mention.Batch;
import io.firebreak.mention.MentionJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** Recorded mentions as a backtest reads them: Mention v1 NDJSON, or a CSV export mapped by {@code config/csv/}. */
public final class Recordings {

    /** A recording is replayed on its own time: no wall clock to be ahead of. */
    private static final MentionJson RECORDINGS = new MentionJson(new ObjectMapper(), MentionJson.DEFAULT_MAX_TEXT_CHARS,
            Clock.systemUTC(), Duration.ofDays(365L * 1000));

    private final Home home;

    public Recordings(Home home) {
        this.home = home;
    }

    public Batch read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".csv")) {
            return new CsvMentions(CsvMapping.loadAll(home.config("csv")), RECORDINGS)
                    .read(file.toString(), Files.readAllBytes(file));
        }
        return RECORDINGS.readLines(file.toString(), Files.readString(file));
    }
}
