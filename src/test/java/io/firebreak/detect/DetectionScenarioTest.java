package io.firebreak.detect;

import static io.firebreak.detect.Scenarios.merge;
import static io.firebreak.detect.Scenarios.quietDays;
import static io.firebreak.detect.Scenarios.wave;
import static io.firebreak.detect.ShippedRules.engine;
import static io.firebreak.detect.ShippedRules.replay;
import static io.firebreak.detect.ShippedRules.thresholds;
import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.alert.Alert;
import io.firebreak.alert.Alert.Severity;
import io.firebreak.alert.Alert.Status;
import io.firebreak.enrich.EnrichedMention;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped rules on generated streams, on event time: what fires, when, and what does not. */
class DetectionScenarioTest {

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

    @Test
    void negativeSpike_oneBelowTheFloorIsQuiet_atTheFloorFires() {
        long floor = thresholds("negative-spike").minCount();
        assertThat(spikeOf(floor - 1)).noneMatch(a -> a.rule().equals("negative-spike"));
        assertThat(spikeOf(floor)).anyMatch(a -> a.rule().equals("negative-spike") && a.status() == Status.firing);
    }

    /** Three quiet days without negatives, then {@code n} negative mentions within one minute. */
    private List<Alert> spikeOf(long n) {
        var engine = engine();
        List<EnrichedMention> burst = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            burst.add(Scenarios.mention("acme", "b" + i, at("2026-03-05T10:00:00Z").plusSeconds(i), true,
                    "outage", 100, "nothing works today"));
        }
        return replay(engine, merge(quietDays("acme", at("2026-03-02T00:00:00Z"), 3, 2, 0.0, 4), burst));
    }

    @Test
    void growingWave_opensAtSev3_thenEscalatesUnderTheSameId() {
        var engine = engine();
        Instant onset = at("2026-03-02T09:00:00Z");
        var alerts = replay(engine, merge(
                quietDays("acme", at("2026-02-23T00:00:00Z"), 7, 2, 0.2, 5),
                wave("acme", onset, 2, Duration.ofMinutes(20), "outage", 6),
                wave("acme", onset.plus(Duration.ofMinutes(20)), 15, Duration.ofMinutes(20), "outage", 7)));

        var lifecycle = alerts.stream().filter(a -> a.status() != Status.resolved).toList();
        assertThat(lifecycle.get(0).status()).isEqualTo(Status.firing);
        assertThat(lifecycle.get(0).severity()).isEqualTo(Severity.SEV3);
        assertThat(lifecycle).extracting(Alert::status).containsOnlyOnce(Status.firing).contains(Status.escalated);
        assertThat(lifecycle.get(lifecycle.size() - 1).severity()).isEqualTo(Severity.SEV1);
        assertThat(lifecycle).extracting(Alert::alertId).containsOnly(lifecycle.get(0).alertId());
        assertThat(lifecycle).extracting(Alert::firedAt).containsOnly(lifecycle.get(0).firedAt());
    }

    @Test
    void waveThatEnds_resolvesOnceQuietForTheQuietTime() {
        var engine = engine();
        Instant onset = at("2026-03-02T09:00:00Z");
        Instant end = onset.plus(Duration.ofMinutes(30));
        var stream = merge(
                quietDays("acme", at("2026-02-23T00:00:00Z"), 8, 2, 0.2, 8),
                wave("acme", onset, 10, Duration.ofMinutes(30), "safety", 9));
        var alerts = replay(engine, stream);

        // the 60-minute keyword window keeps signalling for up to an hour after the wave, then 60 quiet minutes
        assertThat(alerts).filteredOn(a -> a.status() == Status.resolved).singleElement().satisfies(a -> {
            assertThat(a.resolvedAt()).isAfter(end.plus(Duration.ofMinutes(60)));
            assertThat(a.resolvedAt()).isBefore(end.plus(Duration.ofMinutes(121)));
            assertThat(a.alertId()).isEqualTo(alerts.get(0).alertId());
        });
    }

    @Test
    void influencerComplaint_firesOnce_andItsEventExpiresAfterAnHour() {
        var engine = engine();
        replay(engine, quietDays("acme", at("2026-03-02T00:00:00Z"), 2, 2, 0.2, 10));
        Instant posted = at("2026-03-04T10:00:30Z");
        var big = Scenarios.mention("acme", "star", posted, true, "conduct", 2_000_000, "I am done with acme");

        var alerts = new ArrayList<>(engine.accept(big));
        alerts.addAll(engine.advanceTo(posted.plus(Duration.ofMinutes(5))));
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo("influencer-complaint");
            assertThat(a.severity()).isEqualTo(Severity.SEV2);
            assertThat(a.evidence().topMentions()).containsExactly("generated:star");
        });
        assertThat(engine.notableEventsInMemory()).isEqualTo(1);

        engine.advanceTo(posted.plus(Duration.ofMinutes(59)));
        assertThat(engine.notableEventsInMemory()).isEqualTo(1);
        engine.advanceTo(posted.plus(Duration.ofMinutes(64)));
        assertThat(engine.notableEventsInMemory()).isZero();
    }
}
