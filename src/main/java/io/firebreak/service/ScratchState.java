package io.firebreak.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A data folder that starts empty on every run (the demo, the benchmark, end-to-end tests): what a
 * previous run left would otherwise leak into this one (open alerts, Slack state, logs).
 */
public final class ScratchState {

    /** Everything a run writes under its data folder, except the unpacked Elasticsearch distribution. */
    private static final List<String> PARTS = List.of(
            "elasticsearch/data", "run", "drop", "outbox", "state", "charts", "alerts.jsonl", "alert-log.jsonl", "silences.yaml");

    private ScratchState() {}

    public static void wipe(Path data) throws IOException {
        for (String part : PARTS) {
            Path p = data.resolve(part);
            if (Files.exists(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(f);
                    }
                }
            }
        }
    }
}
