package io.firebreak.cli;

import io.firebreak.alert.Alert;
import io.firebreak.alert.AlertJson;
import io.firebreak.alert.Lifecycle;
import io.firebreak.authoring.Incidents;
import io.firebreak.authoring.Recordings;
import io.firebreak.authoring.Sweep;
import io.firebreak.authoring.SweepTable;
import io.firebreak.config.Home;
import io.firebreak.detect.Detection;
import io.firebreak.detect.DetectionSettings;
import io.firebreak.detect.RuleBook;
import io.firebreak.detect.Severity;
import io.firebreak.enrich.EnrichedMention;
import io.firebreak.enrich.Enrichers;
import io.firebreak.mention.Batch;
import io.firebreak.mention.Rejection;
import io.firebreak.service.Backtest;
import io.firebreak.service.Partitions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code firebreak backtest}: what would have fired on a recording, through the live engine on event time. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {
            "Replays recorded mentions (Mention v1 NDJSON, a CSV export with a mapping in config/csv/, or a YAML",
            "series history of minute counts per brand) through",
            "the live detection engine on event time and writes Alert v1 JSON lines; a summary goes to stderr.",
            "With --set (and --incidents), a threshold sweep: one replay per combination, a table of alerts, time to",
            "first alert per labelled incident, missed incidents and false alarms per 30 days."})
public final class BacktestCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "mentions: .ndjson/.jsonl/.json or .csv; "
        + "or a series history of minute counts per brand: .yaml (as rules/tests/history/sample-30d.yaml)")
    Path input;

    @Option(names = "--output", paramLabel = "FILE", description = "alert lines go here (default: stdout)")
    Path output;

    @Option(names = "--rules", paramLabel = "DIR", description = "rule files to try (default: the shipped rules/)")
    Path rules;

    @Option(names = "--thresholds", paramLabel = "FILE", description = "thresholds to try (default: config/thresholds.yaml)")
    Path thresholds;

    @Option(names = "--progress", negatable = true, description = "a progress bar on stderr (default: on long inputs "
        + "when stderr is a terminal, even if the output is redirected); --no-progress: never")
    Boolean progress;

    @Option(names = "--final-only", description = {"decide on complete minutes only, without the early looks at a",
        "growing wave that live makes (default: as live, so the output is what live would send)"})
    boolean finalOnly;

    @Option(names = "--set", paramLabel = "KEY=V1,V2", description = {"sweep a setting over values: a rule's threshold",
        "(negative-spike.min-count=10,20,40, negative-spike.sev2.count=40,60), detection.* or alerts.*; repeat for more",
        "keys (every combination runs)"})
    List<String> sets = new ArrayList<>();

    @Option(names = "--incidents", paramLabel = "FILE", description = "labelled incidents (YAML: brand, start, end, name) to score a sweep against")
    Path incidents;

    @Option(names = "--json-file", paramLabel = "FILE", description = "also write the sweep's table as JSON to FILE "
        + "(one run gives CI both the table and the JSON)")
    Path jsonFile;

    @Option(names = "--json", description = "the sweep's table as JSON")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Home home = Home.detect();
        if (!sets.isEmpty() || incidents != null) {
            return sweep(home);
        }
        PrintStream err = System.err;
        boolean series = input.getFileName().toString().matches("(?i).*\\.ya?ml");
        // a .yaml recording is per-minute series (rules/tests/history/): its mentions come enriched
        List<EnrichedMention> generated = series ? new Recordings(home).enriched(input, () -> Enrichers.standard(home)) : null;
        Batch batch = series ? batchOf(generated) : read(home, input);
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
        try (out; ProgressBar bar = progressBar(batch.size(), "backtest");
             Backtest backtest = new Backtest(detection, Lifecycle.load(home.config("alerts.yaml")),
                     Enrichers.standard(home), a -> write(out, a))) {
            java.util.function.LongConsumer progress = done -> {
                if (bar != null) {
                    bar.stepTo(done);
                }
            };
            alerts = series ? backtest.replayEnriched(generated, progress) : backtest.replay(batch.mentions(), progress);
            counters = backtest.partitions().counters();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        summary(err, batch, counters, detection.sources().late(), alerts, seconds);
        return 0;
    }

    private Batch batchOf(List<EnrichedMention> mentions) {
        Batch.Builder b = new Batch.Builder(input.toString());
        for (int i = 0; i < mentions.size(); i++) {
            b.accept(i, mentions.get(i).mention(), null);
        }
        return b.build();
    }

    static Batch read(Home home, Path file) throws IOException {
        return new Recordings(home).read(file);
    }

    /** One replay per combination of the --set values, scored against the labelled incidents. */
    private int sweep(Home home) throws IOException {
        List<Sweep.Setting> settings = sets.stream().map(Sweep.Setting::parse).toList();
        List<Map<String, String>> combos = Sweep.combinations(settings);
        Incidents labelled = incidents != null ? Incidents.load(incidents) : new Incidents(Path.of("(none)"), List.of());
        Path rulesDir = rules != null ? rules : home.rules();
        Path thresholdsFile = thresholds != null ? thresholds : home.config("thresholds.yaml");
        RuleBook book;
        try {
            book = RuleBook.compile(rulesDir, thresholdsFile);
        } catch (RuleBook.InvalidRules e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        Sweep sweep = new Sweep(book, rulesDir, thresholdsFile, home.config("detection.yaml"), home.config("alerts.yaml"),
                !finalOnly);
        sweep.check(combos); // a typo in a key fails now, not after the first replay
        List<EnrichedMention> mentions = new Recordings(home).enriched(input, () -> Enrichers.standard(home));
        Sweep.Report report;
        long total = (long) mentions.size() * combos.size();
        try (ProgressBar bar = progressBar(total, "sweep " + combos.size() + " combination(s)")) {
            report = sweep.run(input.toString(), mentions, labelled, combos, done -> {
                if (bar != null) {
                    bar.stepTo(done);
                }
            });
        }
        PrintWriter out = spec.commandLine().getOut();
        if (jsonFile != null) {
            try (PrintWriter file = new PrintWriter(Files.newBufferedWriter(jsonFile, StandardCharsets.UTF_8))) {
                SweepTable.json(file, report);
            }
        }
        if (json) {
            SweepTable.json(out, report);
        } else {
            SweepTable.text(out, report);
        }
        return 0;
    }

    /** Progress on long runs, on stderr, only for a person watching: never in a CI log, unless asked for. */
    private ProgressBar progressBar(long total, String task) {
        if (!showProgress(progress, total, stderrIsTerminal())) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUnit(" mentions", 1).build();
    }

    /** {@code --progress}/{@code --no-progress} decide; without either, a long run at a terminal shows it. */
    static boolean showProgress(Boolean option, long total, boolean stderrTerminal) {
        return option != null ? option : stderrTerminal && total >= 50_000;
    }

    /**
     * Whether stderr, where the bar goes, is a terminal. Java cannot tell one stream from another, so the
     * launcher passes {@code -Dfirebreak.stderr-tty} from {@code [ -t 2 ]}; System.console() (set only when
     * stdout is a terminal too) is the fallback, so {@code --json > table.json} still shows progress.
     */
    private static boolean stderrIsTerminal() {
        String tty = System.getProperty("firebreak.stderr-tty");
        return tty != null ? Boolean.parseBoolean(tty) : System.console() != null;
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
