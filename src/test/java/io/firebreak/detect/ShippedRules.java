package io.firebreak.detect;

import io.firebreak.alert.Alert;
import io.firebreak.alert.AlertJournal;
import io.firebreak.alert.Lifecycle;
import io.firebreak.enrich.EnrichedMention;
import io.firebreak.service.Partitions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The shipped rules, compiled once per test run (DRL compiles in seconds), and fresh brand partitions over them. */
public final class ShippedRules {

    static final Path RULES = Path.of("rules");
    static final Path THRESHOLDS = Path.of("config/thresholds.yaml");
    private static RuleBook book;

    private ShippedRules() {}

    static synchronized RuleBook book() {
        if (book == null) {
            try {
                book = RuleBook.compile(RULES, THRESHOLDS);
            } catch (RuleBook.InvalidRules e) {
                throw new AssertionError(e.getMessage(), e);
            }
        }
        return book;
    }

    public static DetectionSettings settings() {
        return DetectionSettings.load(Path.of("config/detection.yaml"));
    }

    public static Lifecycle lifecycle() {
        return Lifecycle.load(Path.of("config/alerts.yaml"));
    }

    /** Detection over the shipped files; {@code early}: with early looks at the open minute, as live. */
    public static Detection detection(boolean early) {
        return new Detection(book(), RULES, THRESHOLDS, settings(), early);
    }

    /** Final minutes only, as the engine's decisions were before early looks went through the same book. */
    public static Run run() {
        return new Run(detection(false), Map.of(), Map.of());
    }

    /** Partitions over other rule files (hot reload tests). */
    public static Run run(Detection detection) {
        return new Run(detection, Map.of(), Map.of());
    }

    public static Run early() {
        return new Run(detection(true), Map.of(), Map.of());
    }

    static Thresholds thresholds(String rule) {
        return book().thresholds().stream().filter(t -> t.rule().equals(rule)).findFirst().orElseThrow();
    }

    /** Feeds the stream in order and ends the replay (no clock); every alert version in the order decided. */
    public static List<Alert> replay(Run run, List<EnrichedMention> mentions) {
        for (EnrichedMention m : mentions) {
            run.accept(m);
        }
        run.finish();
        return run.versions();
    }

    /** Brand partitions as a test drives them: mentions in, the alert versions each call decided out. */
    public static final class Run implements AutoCloseable {
        private final Detection detection;
        private final Partitions.Recorder recorder = new Partitions.Recorder(a -> { });
        private final AlertJournal journal = AlertJournal.inMemory();
        private final Partitions partitions;

        Run(Detection detection, Map<String, BrandBaseline> baselines, Map<String, AlertJournal.BookState> books) {
            this.detection = detection;
            this.partitions = new Partitions(detection, lifecycle(), baselines, books, (brand, upTo, outcome) -> {
                journal.record(brand, upTo, outcome.changed());
                recorder.decided(brand, upTo, outcome);
            });
        }

        /** As a backtest: no clock. */
        public List<Alert> accept(EnrichedMention m) {
            return since(() -> partitions.accept(m, null));
        }

        /** As live: {@code now} is the wall clock at arrival. */
        public List<Alert> accept(EnrichedMention m, Instant now) {
            return since(() -> partitions.accept(m, now));
        }

        public List<Alert> advanceTo(Instant now) {
            return since(() -> partitions.advanceTo(now));
        }

        public List<Alert> finish() {
            return since(partitions::finish);
        }

        public List<Alert> versions() {
            return recorder.versions();
        }

        public Partitions partitions() {
            return partitions;
        }

        public SourceClocks sources() {
            return detection.sources();
        }

        public BrandWindow window(String brand, Span span) {
            return partitions.window(brand, span);
        }

        /** A fresh run as after a restart: the baselines saved and the books journaled so far. */
        public Run restarted() {
            return new Run(detection.fresh(), partitions.baselines(), journal.restore());
        }

        @Override
        public void close() {
            partitions.close();
        }

        private List<Alert> since(Runnable step) {
            int before = recorder.versions().size();
            step.run();
            List<Alert> all = recorder.versions();
            return all.subList(before, all.size());
        }
    }
}
