package io.firebreak.cli;

import io.firebreak.alert.Alert;
import io.firebreak.alert.AlertJson;
import io.firebreak.config.Home;
import io.firebreak.detect.Backtest;
import io.firebreak.detect.BaselineStore;
import io.firebreak.detect.DetectionSettings;
import io.firebreak.detect.DetectionEngine;
import io.firebreak.detect.Engines;
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

    @Override
    public Integer call() throws IOException {
        Home home = Home.detect();
        PrintStream err = System.err;
        Batch batch = read(home, input);
        report(err, batch.rejected());
        DetectionEngine engine = Engines.create(rules != null ? rules : home.rules(),
                thresholds != null ? thresholds : home.config("thresholds.yaml"),
                DetectionSettings.load(home.config("detection.yaml")), BaselineStore.inMemory(), List.of());
        Backtest backtest = new Backtest(engine, Enrichers.standard(home));
        Writer out = output == null
                ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                : Files.newBufferedWriter(output);
        List<Alert> alerts;
        long started = System.nanoTime();
        try (out; ProgressBar bar = progressBar(batch.size())) {
            alerts = backtest.replay(batch.mentions(), a -> write(out, a), done -> {
                if (bar != null) {
                    bar.stepTo(done);
                }
            });
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        summary(err, batch, engine.counters(), alerts, seconds);
        return 0;
    }

    static Batch read(Home home, Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase();
        if (name.endsWith(".csv")) {
            return new CsvMentions(CsvMapping.loadAll(home.config("csv")), new MentionJson())
                    .read(file.toString(), Files.readAllBytes(file));
        }
        return new MentionJson().readLines(file.toString(), Files.readString(file));
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

    private static void summary(PrintStream err, Batch batch, DetectionEngine.Counters c, List<Alert> alerts,
                                double seconds) {
        record Row(int[] byStatus, Alert.Severity[] worst) {}
        Map<String, Row> byBrand = new TreeMap<>();
        for (Alert a : alerts) {
            Row row = byBrand.computeIfAbsent(a.brand(), b -> new Row(new int[3], new Alert.Severity[1]));
            row.byStatus[a.status().ordinal()]++;
            if (row.worst[0] == null || a.severity().compareTo(row.worst[0]) < 0) {
                row.worst[0] = a.severity();
            }
        }
        err.printf("%n%-24s %7s %9s %8s %6s%n", "brand", "firing", "escalated", "resolved", "worst");
        byBrand.forEach((brand, row) -> err.printf("%-24s %7d %9d %8d %6s%n",
                brand, row.byStatus[0], row.byStatus[1], row.byStatus[2], row.worst[0]));
        err.printf("%nmentions %d (rejected %d, late %d, no brand %d), event-time minutes %d, signals %d, alert lines %d%n",
                c.accepted(), batch.rejected().size(), c.late(), c.unbranded(), c.ticks(), c.signals(), alerts.size());
        err.printf("replayed in %.1f s (%.0f mentions/s, enrichment included)%n", seconds,
                seconds > 0 ? batch.size() / seconds : 0);
    }
}
