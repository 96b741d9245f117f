package io.firebreak.cli;

import io.firebreak.alert.Alert;
import io.firebreak.alert.AlertJson;
import io.firebreak.config.Home;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.alert.Lifecycle;
import io.firebreak.detect.Detection;
import io.firebreak.detect.DetectionSettings;
import io.firebreak.detect.Severity;
import io.firebreak.service.Backtest;
import io.firebreak.service.Partitions;
import io.firebreak.enrich.Enrichers;
import io.firebreak.ingest.CsvMapping;
import io.firebreak.ingest.CsvMentions;
import io.firebreak.mention.Batch;
import io.firebreak.mention.MentionJson;
import io.firebreak.mention.Rejection;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code firebreak backtest}: what would have fired on a recording, through the live engine on event time. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {
            "Replays recorded mentions (Mention v1 NDJSON, or a CSV export with a mapping in config/csv/) through",
            "the live detection engine on event time and writes Alert v1 JSON lines; a summary goes to stderr."})
public final class BacktestCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "mentions: .ndjson/.jsonl/.json, or .csv")
    Path input;

    @Option(names = "--output", paramLabel = "FILE", description = "alert lines go here (default: stdout)")
    Path output;

    @Option(names = "--rules", paramLabel = "DIR", description = "rule files to try (default: the shipped rules/)")
    Path rules;

    @Option(names = "--thresholds", paramLabel = "FILE", description = "thresholds to try (default: config/thresholds.yaml)")
    Path thresholds;

    @Option(names = "--no-progress", description = "no progress bar, even on long inputs")
    boolean noProgress;

    @Option(names = "--final-only", description = {"decide on complete minutes only, without the early looks at a",
        "growing wave that live makes (default: as live, so the output is what live would send)"})
    boolean finalOnly;

    @Override
    public Integer call() throws IOException {
        Home home = Home.detect();
        PrintStream err = System.err;
        Batch batch = read(home, input);
        report(err, batch.rejected());
        Detection detection = Detection.of(rules != null ? rules : home.rules(),
                thresholds != null ? thresholds : home.config("thresholds.yaml"),
                DetectionSettings.load(home.config("detection.yaml")), !finalOnly);
        Writer out = output == null
                ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                : Files.newBufferedWriter(output);
        List<Alert> alerts;
        Partitions.Counters counters;
        long started = System.nanoTime();
        try (out; ProgressBar bar = progressBar(batch.size());
             Backtest backtest = new Backtest(detection, Lifecycle.load(home.config("alerts.yaml")),
                     Enrichers.standard(home), a -> write(out, a))) {
            alerts = backtest.replay(batch.mentions(), done -> {
                if (bar != null) {
                    bar.stepTo(done);
                }
            });
            counters = backtest.partitions().counters();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        summary(err, batch, counters, detection.sources().late(), alerts, seconds);
        return 0;
    }

    /** A recording is replayed on its own time: no wall clock to be ahead of. */
    private static final MentionJson RECORDINGS = new MentionJson(new ObjectMapper(), MentionJson.DEFAULT_MAX_TEXT_CHARS,
            Clock.systemUTC(), Duration.ofDays(365L * 1000));

    static Batch read(Home home, Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase();
        if (name.endsWith(".csv")) {
            return new CsvMentions(CsvMapping.loadAll(home.config("csv")), RECORDINGS)
                    .read(file.toString(), Files.readAllBytes(file));
        }
        return RECORDINGS.readLines(file.toString(), Files.readString(file));
    }

    private ProgressBar progressBar(int total) {
        if (noProgress || total < 50_000) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName("backtest").setInitialMax(total)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUnit(" mentions", 1).build();
    }

    private static void write(Writer out, Alert a) {
        try {
            out.write(AlertJson.line(a));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void report(PrintStream err, List<Rejection> rejected) {
        rejected.stream().limit(10).forEach(r -> err.println("rejected " + r.message()));
        if (rejected.size() > 10) {
            err.println("... and " + (rejected.size() - 10) + " more rejected");
        }
    }

    private static void summary(PrintStream err, Batch batch, Partitions.Counters c, long late, List<Alert> alerts,
                                double seconds) {
        record Row(int[] byChange, Severity[] worst) {}
        Map<String, Row> byBrand = new TreeMap<>();
        for (Alert a : alerts) {
            Row row = byBrand.computeIfAbsent(a.brand(), b -> new Row(new int[Alert.Change.values().length], new Severity[1]));
            row.byChange[a.change().ordinal()]++;
            if (row.worst[0] == null || a.severity().above(row.worst[0])) {
                row.worst[0] = a.severity();
            }
        }
        err.printf("%n%-24s %7s %9s %11s %8s %9s %6s%n", "brand", "alerts", "escalated", "de-escalated", "resolved",
                "withdrawn", "worst");
        byBrand.forEach((brand, row) -> err.printf("%-24s %7d %9d %11d %8d %9d %6s%n", brand,
                row.byChange[Alert.Change.opened.ordinal()], row.byChange[Alert.Change.escalated.ordinal()],
                row.byChange[Alert.Change.deescalated.ordinal()], row.byChange[Alert.Change.resolved.ordinal()],
                row.byChange[Alert.Change.withdrawn.ordinal()], row.worst[0]));
        err.printf("%nmentions %d (rejected %d, counted %d, too late %d, no brand %d), event-time minutes %d, signals %d, "
                + "early looks %d, alert versions %d%n", c.mentions(), batch.rejected().size(), c.detection().counted(), late,
                c.unbranded(), c.detection().ticks(), c.detection().signals(), c.detection().earlyLooks(), alerts.size());
        err.printf("replayed in %.1f s (%.0f mentions/s, enrichment included)%n", seconds,
                seconds > 0 ? batch.size() / seconds : 0);
    }
}
