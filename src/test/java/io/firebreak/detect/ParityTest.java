package io.firebreak.detect;

import static io.firebreak.detect.Scenarios.merge;
import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.alert.Alert;
import io.firebreak.enrich.EnrichedMention;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Live and backtest are the same engine: batches with clock ticks give exactly the alerts of one replay. */
class ParityTest {

    @Test
    void liveBatchesWithClockTicks_giveTheSameAlertsAsOneReplay() {
        Instant onset = Instant.parse("2026-03-02T09:00:00Z");
        List<EnrichedMention> stream = merge(
                Scenarios.seasonal("acme", Instant.parse("2026-02-23T00:00:00Z"), 8, 6, 0.2, 21),
                Scenarios.seasonal("globex", Instant.parse("2026-02-23T00:00:00Z"), 8, 20, 0.3, 22),
                Scenarios.wave("acme", onset, 8, Duration.ofMinutes(40), "safety", 23),
                Scenarios.wave("globex", onset.plus(Duration.ofHours(5)), 20, Duration.ofMinutes(20), "outage", 24));

        List<Alert> replayed = ShippedRules.replay(ShippedRules.engine(), stream);

        // live: 30-second batches arriving slightly out of order, the wall clock ticking after each
        var live = ShippedRules.engine();
        List<Alert> streamed = new ArrayList<>();
        Random shuffle = new Random(7);
        int i = 0;
        while (i < stream.size()) {
            Instant batchEnd = stream.get(i).mention().createdAt().plusSeconds(30);
            List<EnrichedMention> batch = new ArrayList<>();
            while (i < stream.size() && stream.get(i).mention().createdAt().isBefore(batchEnd)) {
                batch.add(stream.get(i++));
            }
            Collections.shuffle(batch, shuffle);
            batch.forEach(m -> streamed.addAll(live.accept(m)));
            streamed.addAll(live.advanceTo(batchEnd.plusSeconds(5)));
        }
        streamed.addAll(live.finish());

        assertThat(replayed).isNotEmpty();
        assertThat(streamed).containsExactlyElementsOf(replayed);
        assertThat(live.counters().late()).isZero();
    }
}
