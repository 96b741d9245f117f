package io.firebreak.detect;

import io.firebreak.alert.AlertStage;
import io.firebreak.config.Home;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/** Builds the {@link DetectionEngine} from the shipped files; live ingest and backtest both come here. */
public final class Engines {

    private Engines() {}

    /**
     * The engine over {@code rules/}, {@code config/thresholds.yaml} and {@code config/detection.yaml}.
     *
     * @param store baselines to start from and keep (in memory for a backtest, Elasticsearch live)
     * @param later alert stages after dedup/escalate/resolve
     * @throws IllegalStateException naming every problem (file:line) when the rules do not compile
     */
    public static DetectionEngine create(Home home, BaselineStore store, List<AlertStage> later) {
        return create(home.rules(), home.config("thresholds.yaml"), DetectionSettings.load(home.config("detection.yaml")),
                store, later);
    }

    /**
     * Fresh replay engines that share one compilation of the shipped rules: for evals and benchmarks
     * that replay many streams (compiling DRL takes seconds, a session milliseconds).
     */
    public static Supplier<DetectionEngine> backtests(Home home) {
        DetectionSettings settings = DetectionSettings.load(home.config("detection.yaml"));
        RuleBook book;
        try {
            book = RuleBook.compile(home.rules(), home.config("thresholds.yaml"));
        } catch (RuleBook.InvalidRules e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return () -> new DetectionEngine(book, home.rules(), home.config("thresholds.yaml"), settings,
                BaselineStore.inMemory(), List.of());
    }

    /** A fresh engine for a replay over the given rules and thresholds with default engine settings. */
    public static DetectionEngine backtest(Path rulesDir, Path thresholdsFile) {
        return create(rulesDir, thresholdsFile, DetectionSettings.defaults(), BaselineStore.inMemory(), List.of());
    }

    public static DetectionEngine create(Path rulesDir, Path thresholdsFile, DetectionSettings settings,
                                         BaselineStore store, List<AlertStage> later) {
        try {
            RuleBook book = RuleBook.compile(rulesDir, thresholdsFile);
            return new DetectionEngine(book, rulesDir, thresholdsFile, settings, store, later);
        } catch (RuleBook.InvalidRules e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
