package io.firebreak.detect;

import static io.firebreak.detect.Scenarios.merge;
import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.alert.Alert;
import io.firebreak.enrich.EnrichedMention;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Live and backtest are the same partitions: mentions arriving in shuffled batches on a wall clock that
 * closes the minutes give each alert exactly the versions one replay on event time gives it.
 */
class ParityTest {

    private static final Instant ONSET = Instant.parse("2026-03-02T09:00:00Z");
    private static final List<EnrichedMention> STREAM = merge(
            Scenarios.seasonal("acme", Instant.parse("2026-02-23T00:00:00Z"), 8, 6, 0.2, 21),
            Scenarios.seasonal("globex", Instant.parse("2026-02-23T00:00:00Z"), 8, 20, 0.3, 22),
            Scenarios.wave("acme", ONSET, 8, Duration.ofMinutes(40), "safety", 23),
            Scenarios.wave("globex", ONSET.plus(Duration.ofHours(5)), 20, Duration.ofMinutes(20), "outage", 24));

    @Test
    void liveBatchesOnAWallClock_giveEachAlertTheVersionsOfOneReplay() {
        List<Alert> replayed = ShippedRules.replay(ShippedRules.run(), STREAM);

        // live: 30-second batches arriving 5 s after their last mention, shuffled, the wall clock ticking after each
        var live = ShippedRules.run();
        Random shuffle = new Random(7);
        int i = 0;
        while (i < STREAM.size()) {
            Instant batchEnd = STREAM.get(i).mention().createdAt().plusSeconds(30);
            List<EnrichedMention> batch = new ArrayList<>();
            while (i < STREAM.size() && STREAM.get(i).mention().createdAt().isBefore(batchEnd)) {
                batch.add(STREAM.get(i++));
            }
            Collections.shuffle(batch, shuffle);
            Instant now = batchEnd.plusSeconds(5);
            batch.forEach(m -> live.accept(m, now));
            live.advanceTo(now);
        }
        live.finish();

        assertThat(replayed).extracting(Alert::brand).contains("acme", "globex");
        assertThat(byAlert(live.versions())).isEqualTo(byAlert(replayed));
        assertThat(live.sources().late()).isZero();
    }

    @Test
    void withEarlyLooks_theSameArrivalOrderGivesTheSameVersions_andEarlierAlerts() {
        List<Alert> once = ShippedRules.replay(ShippedRules.early(), STREAM);
        List<Alert> again = ShippedRules.replay(ShippedRules.early(), STREAM);
        List<Alert> finalOnly = ShippedRules.replay(ShippedRules.run(), STREAM);

        assertThat(again).isEqualTo(once);
        Alert earlyFirst = once.get(0);
        Alert finalFirst = finalOnly.get(0);
        assertThat(earlyFirst.provisional()).isTrue();
        assertThat(earlyFirst.firedAt()).isBeforeOrEqualTo(finalFirst.firedAt());
    }

    /** Each alert's versions in order: brands may interleave differently, an alert's own story may not. */
    static Map<String, List<Alert>> byAlert(List<Alert> versions) {
        Map<String, List<Alert>> out = new LinkedHashMap<>();
        versions.forEach(v -> out.computeIfAbsent(v.alertId(), id -> new ArrayList<>()).add(v));
        return out;
    }
}
