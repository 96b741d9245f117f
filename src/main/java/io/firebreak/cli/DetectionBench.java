package io.firebreak.cli;

import io.firebreak.config.Home;
import io.firebreak.detect.BaselineStore;
import io.firebreak.detect.DetectionEngine;
import io.firebreak.detect.DetectionSettings;
import io.firebreak.detect.Engines;
import io.firebreak.detect.Scenarios;
import io.firebreak.enrich.EnrichedMention;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Throughput of the detection path on pre-enriched mentions, against a plain counting loop in the same
 * run (this machine is shared and noisy: ratios travel, absolute numbers less so). The split runs the
 * same engine once with the declarations only, so "rules" is what the shipped detections add.
 */
final class DetectionBench {

    private static final int BRANDS = 50;
    private static final int HOURS = 6;

    private final Home home;
    private final PrintStream out;

    DetectionBench(Home home, PrintStream out) {
        this.home = home;
        this.out = out;
    }

    void run(int mentions) throws IOException {
        out.printf("generating %d mentions for %d brands over %d hours of event time...%n", mentions, BRANDS, HOURS);
        double perHour = mentions / (double) BRANDS / HOURS;
        List<EnrichedMention> all = new ArrayList<>();
        for (int b = 0; b < BRANDS; b++) {
            all.addAll(Scenarios.quietDays("brand" + b, Instant.parse("2026-03-02T06:00:00Z"), 1, perHour, 0.3, b)
                    .stream().filter(m -> m.mention().createdAt().isBefore(Instant.parse("2026-03-02T12:00:00Z"))).toList());
        }
        all = Scenarios.merge(all);
        EnrichedMention[] stream = all.toArray(EnrichedMention[]::new);
        out.printf("%d mentions, %d event-time minutes%n%n", stream.length, HOURS * 60);

        Path declarationsOnly = Files.createTempDirectory("firebreak-bench-rules");
        Files.copy(home.rules().resolve("declarations.drl"), declarationsOnly.resolve("declarations.drl"));
        DetectionSettings settings = DetectionSettings.load(home.config("detection.yaml"));
        Supplier<DetectionEngine> withoutRules = () -> Engines.create(declarationsOnly, home.config("thresholds.yaml"),
                settings, BaselineStore.inMemory(), List.of());
        Supplier<DetectionEngine> full = Engines.backtests(home);

        double reference = best(() -> countOnly(stream), stream.length);
        double windows = best(() -> replay(withoutRules.get(), stream), stream.length);
        double complete = best(() -> replay(full.get(), stream), stream.length);

        out.printf("%-44s %14s %10s%n", "path", "mentions/s", "vs loop");
        out.printf("%-44s %,14.0f %10s%n", "plain loop counting per brand (reference)", reference, "1.00");
        out.printf("%-44s %,14.0f %10.2f%n", "windows + ticks + baselines (no rules)", windows, windows / reference);
        out.printf("%-44s %,14.0f %10.2f%n", "full engine: windows + shipped rules", complete, complete / reference);
        double perMentionFull = 1e9 / complete, perMentionWindows = 1e9 / windows;
        out.printf("%ntime per mention: %.0f ns, of which windows/ticks %.0f ns (%.0f%%), rules %.0f ns (%.0f%%)%n",
                perMentionFull, perMentionWindows, 100 * perMentionWindows / perMentionFull,
                perMentionFull - perMentionWindows, 100 * (perMentionFull - perMentionWindows) / perMentionFull);
        out.printf("target 200,000 mentions/s: %s%n", complete >= 200_000 ? "met" : "MISSED");
        Files.delete(declarationsOnly.resolve("declarations.drl"));
        Files.delete(declarationsOnly);
    }

    /** Best of three timed runs after one warm-up run, in mentions per second. */
    private static double best(Runnable run, int n) {
        run.run();
        double[] rates = new double[3];
        for (int i = 0; i < rates.length; i++) {
            long t0 = System.nanoTime();
            run.run();
            rates[i] = n / ((System.nanoTime() - t0) / 1e9);
        }
        return Arrays.stream(rates).max().orElse(0);
    }

    private static long sink;

    private static void countOnly(EnrichedMention[] stream) {
        Map<String, long[]> counts = new HashMap<>();
        for (EnrichedMention m : stream) {
            long[] c = counts.computeIfAbsent(m.enrichment().brands().get(0), b -> new long[2]);
            c[0]++;
            if (m.enrichment().negative()) {
                c[1]++;
            }
        }
        sink += counts.size();
    }

    private static void replay(DetectionEngine engine, EnrichedMention[] stream) {
        for (EnrichedMention m : stream) {
            sink += engine.accept(m).size();
        }
        sink += engine.finish().size();
        engine.close();
    }
}
