package io.firebreak.detect;

import static io.firebreak.detect.Scenarios.merge;
import static io.firebreak.detect.Scenarios.quietDays;
import static io.firebreak.detect.Scenarios.wave;
import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.alert.Alert;
import io.firebreak.alert.Alert.Severity;
import io.firebreak.alert.Alert.Status;
import io.firebreak.enrich.EnrichedMention;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped rules on generated streams, on event time: what fires, when, and what does not. */
class DetectionScenarioTest {

    static final Path RULES = Path.of("rules");
    static final Path THRESHOLDS = Path.of("config/thresholds.yaml");
    static RuleBook book;

    @BeforeAll
    static void compileOnce() throws RuleBook.InvalidRules {
        book = RuleBook.compile(RULES, THRESHOLDS);
    }

    static DetectionEngine engine() {
        return new DetectionEngine(book, RULES, THRESHOLDS, DetectionSettings.load(Path.of("config/detection.yaml")),
                BaselineStore.inMemory(), List.of());
    }

    static List<Alert> replay(DetectionEngine engine, List<EnrichedMention> mentions) {
        List<Alert> out = new ArrayList<>();
        for (EnrichedMention m : mentions) {
            out.addAll(engine.accept(m));
        }
        out.addAll(engine.finish());
        return out;
    }

    static Instant at(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void quietBrandThenWave_firesOnceWithinFifteenMinutes() {
        var engine = engine();
        Instant onset = at("2026-03-02T09:00:00Z");
        var alerts = replay(engine, merge(
                quietDays("acme", at("2026-02-16T00:00:00Z"), 14, 2, 0.2, 1),
                wave("acme", onset, 12, Duration.ofMinutes(30), "safety", 2)));

        assertThat(alerts).filteredOn(a -> a.status() == Status.firing).singleElement().satisfies(a -> {
            assertThat(a.brand()).isEqualTo("acme");
            assertThat(a.category()).isEqualTo("safety");
            assertThat(a.firedAt()).isBefore(onset.plus(Duration.ofMinutes(15)));
        });
        assertThat(alerts).extracting(Alert::alertId).containsOnly(alerts.get(0).alertId());
    }

    @Test
    void newFeedStartingAtFullVolume_isWarmUpNotACrisis() {
        var engine = engine();
        // like American in the airline data: nothing, then a hundred mentions an hour, mostly negative
        var alerts = replay(engine, quietDays("newco", at("2026-03-02T12:00:00Z"), 1, 100, 0.7, 3));

        assertThat(alerts).isEmpty();
        assertThat(engine.window("newco", Span.FIFTEEN_MINUTES).count()).isPositive();
    }
}
