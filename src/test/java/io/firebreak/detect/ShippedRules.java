package io.firebreak.detect;

import io.firebreak.alert.Alert;
import io.firebreak.enrich.EnrichedMention;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The shipped rules, compiled once per test run (DRL compiles in seconds), and fresh engines over them. */
final class ShippedRules {

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

    static DetectionEngine engine() {
        return engine(BaselineStore.inMemory());
    }

    static DetectionEngine engine(BaselineStore store) {
        return new DetectionEngine(book(), RULES, THRESHOLDS, DetectionSettings.load(Path.of("config/detection.yaml")),
                store, List.of());
    }

    static Thresholds thresholds(String rule) {
        return book().thresholds().stream().filter(t -> t.rule().equals(rule)).findFirst().orElseThrow();
    }

    /** Feeds the stream in order and ends the replay; every alert in the order emitted. */
    static List<Alert> replay(DetectionEngine engine, List<EnrichedMention> mentions) {
        List<Alert> out = new ArrayList<>();
        for (EnrichedMention m : mentions) {
            out.addAll(engine.accept(m));
        }
        out.addAll(engine.finish());
        return out;
    }
}
