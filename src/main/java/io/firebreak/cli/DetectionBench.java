package io.firebreak.cli;

import io.firebreak.config.Home;
import io.firebreak.alert.Lifecycle;
import io.firebreak.detect.Detection;
import io.firebreak.detect.Scenarios;
import io.firebreak.enrich.EnrichedMention;
import io.firebreak.service.Backtest;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Throughput of the detection path on pre-enriched mentions, against a plain counting loop in the same
 * run (this machine is shared and noisy: ratios travel, absolute numbers less so). The split comes from
 * the engine's own clock around Drools, read once per tick rather than per mention.
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

    void run(int mentions) {
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

        Detection detection = Detection.of(home, true);
        Lifecycle lifecycle = Lifecycle.load(home.config("alerts.yaml"));
        double reference = best(() -> countOnly(stream), stream.length);
        long[] ruleNanos = new long[1];
        long[] looks = new long[1];
        double finalOnly = best(() -> replay(detection.withEarly(false), lifecycle, stream, new long[1]), stream.length);
        double complete = best(() -> ruleNanos[0] = replay(detection, lifecycle, stream, looks), stream.length);

        double perMention = 1e9 / complete;
        double rules = ruleNanos[0] / (double) stream.length;
        out.printf("%-48s %14s %10s%n", "path", "mentions/s", "vs loop");
        out.printf("%-48s %,14.0f %10s%n", "plain loop counting per brand (reference)", reference, "1.00");
        out.printf("%-48s %,14.0f %10.3f%n", "partitions, complete minutes only", finalOnly, finalOnly / reference);
        out.printf("%-48s %,14.0f %10.3f%n", "partitions with early looks, as live", complete, complete / reference);
        out.printf("early looks: %,d (%.1f per brand and hour)%n", looks[0], looks[0] / (double) BRANDS / HOURS);
        out.printf("time per mention (as live): %.0f ns; windows, summaries and baselines %.0f ns (%.0f%%), Drools %.0f ns (%.0f%%)%n",
                perMention, perMention - rules, 100 * (perMention - rules) / perMention, rules, 100 * rules / perMention);
        out.printf("target 200,000 mentions/s: %s%n", complete >= 200_000 ? "met" : "MISSED");
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

    /** Replays through fresh brand partitions; returns the nanoseconds they spent in Drools, and the early looks. */
    private static long replay(Detection detection, Lifecycle lifecycle, EnrichedMention[] stream, long[] looks) {
        try (Backtest backtest = new Backtest(detection.fresh(), lifecycle)) {
            sink += backtest.replayEnriched(Arrays.asList(stream)).size();
            looks[0] = backtest.partitions().counters().detection().earlyLooks();
            return backtest.partitions().counters().detection().ruleNanos();
        }
    }
}
