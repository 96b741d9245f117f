package io.firebreak.detect;

import static io.firebreak.detect.Scenarios.merge;
import static io.firebreak.detect.Scenarios.quietDays;
import static io.firebreak.detect.Scenarios.wave;
import static io.firebreak.detect.ShippedRules.replay;
import static io.firebreak.detect.ShippedRules.run;
import static io.firebreak.detect.ShippedRules.thresholds;
import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.alert.Alert;
import io.firebreak.alert.Alert.Change;
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
        var engine = run();
        Instant onset = at("2026-03-02T09:00:00Z");
        var alerts = replay(engine, merge(
                quietDays("acme", at("2026-02-16T00:00:00Z"), 14, 2, 0.2, 1),
                wave("acme", onset, 12, Duration.ofMinutes(30), "safety", 2)));

        assertThat(alerts).filteredOn(a -> a.change() == Change.opened).singleElement().satisfies(a -> {
            assertThat(a.brand()).isEqualTo("acme");
            assertThat(a.category()).isEqualTo("safety");
            assertThat(a.firedAt()).isBefore(onset.plus(Duration.ofMinutes(15)));
        });
        assertThat(alerts).extracting(Alert::alertId).containsOnly(alerts.get(0).alertId());
    }

    @Test
    void newFeedStartingAtFullVolume_isWarmUpNotACrisis() {
        var engine = run();
        // like American in the airline data: nothing, then a hundred mentions an hour, mostly negative
        var alerts = replay(engine, quietDays("newco", at("2026-03-02T12:00:00Z"), 1, 100, 0.7, 3));

        assertThat(alerts).isEmpty();
        assertThat(engine.window("newco", Span.FIFTEEN_MINUTES).count()).isPositive();
    }

    /** negative-spike alone (negative-build, reading the hour, would open the alert on the same burst). */
    @Test
    void negativeSpike_oneBelowTheFloorIsQuiet_atTheFloorFires(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        for (String drl : List.of("declarations.drl", "negative-spike.drl")) {
            java.nio.file.Files.copy(java.nio.file.Path.of("rules", drl), dir.resolve(drl));
        }
        Detection alone = Detection.of(dir, java.nio.file.Path.of("config/thresholds.yaml"), ShippedRules.settings(), false);
        long floor = thresholds("negative-spike").minCount();
        assertThat(spikeOf(ShippedRules.run(alone), floor - 1)).isEmpty();
        assertThat(spikeOf(ShippedRules.run(alone), floor)).anyMatch(a -> a.rule().equals("negative-spike") && a.change() == Change.opened);
    }

    /** Three quiet days without negatives, then {@code n} negative mentions within one minute. */
    private List<Alert> spikeOf(ShippedRules.Run engine, long n) {
        List<EnrichedMention> burst = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            burst.add(Scenarios.mention("acme", "b" + i, at("2026-03-05T10:00:00Z").plusSeconds(i), true,
                    "outage", 100, "nothing works today"));
        }
        return replay(engine, merge(quietDays("acme", at("2026-03-02T00:00:00Z"), 3, 2, 0.0, 4), burst));
    }

    @Test
    void growingWave_opensAtSev3_thenEscalatesUnderTheSameId() {
        var engine = run();
        Instant onset = at("2026-03-02T09:00:00Z");
        var alerts = replay(engine, merge(
                quietDays("acme", at("2026-02-23T00:00:00Z"), 7, 2, 0.2, 5),
                wave("acme", onset, 2, Duration.ofMinutes(20), "outage", 6),
                wave("acme", onset.plus(Duration.ofMinutes(20)), 15, Duration.ofMinutes(20), "outage", 7)));

        var lifecycle = alerts.stream().filter(a -> a.status() != Status.resolved).toList();
        assertThat(lifecycle.get(0).change()).isEqualTo(Change.opened);
        assertThat(lifecycle.get(0).severity()).isEqualTo(Severity.SEV3);
        assertThat(lifecycle).extracting(Alert::change).containsOnlyOnce(Change.opened).contains(Change.escalated);
        assertThat(lifecycle).extracting(Alert::version).isSorted().doesNotHaveDuplicates();
        assertThat(lifecycle.get(lifecycle.size() - 1).severity()).isEqualTo(Severity.SEV1);
        assertThat(lifecycle).extracting(Alert::alertId).containsOnly(lifecycle.get(0).alertId());
        assertThat(lifecycle).extracting(Alert::firedAt).containsOnly(lifecycle.get(0).firedAt());
    }

    @Test
    void waveThatEnds_resolvesOnceQuietForTheQuietTime() {
        var engine = run();
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
            // it shows the calm hour (a trickle), not the last update's figures (19 negatives an hour before)
            assertThat(a.evidence().window()).isEqualTo("60m");
            assertThat(a.evidence().negativeCount()).isLessThan(5);
        });
        long peak = alerts.stream().filter(a -> a.status() != Status.resolved).mapToLong(a -> a.evidence().negativeCount())
                .max().orElseThrow();
        assertThat(peak).as("the versions before it carried the wave").isGreaterThan(100);
    }

    @Test
    void influencerComplaint_firesOnce_andItsEventExpiresAfterAnHour() {
        var engine = run();
        replay(engine, quietDays("acme", at("2026-03-02T00:00:00Z"), 2, 2, 0.2, 10));
        Instant posted = at("2026-03-04T10:00:30Z");
        var big = Scenarios.mention("acme", "star", posted, true, "conduct", 2_000_000, "I am done with acme");

        var alerts = new ArrayList<>(engine.accept(big, posted));
        alerts.addAll(engine.advanceTo(posted.plus(Duration.ofMinutes(5))));
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo("influencer-complaint");
            assertThat(a.severity()).isEqualTo(Severity.SEV2);
            assertThat(a.evidence().topMentions()).containsExactly("generated:star");
        });
        assertThat(notableEvents(engine)).isEqualTo(1);

        engine.advanceTo(posted.plus(Duration.ofMinutes(59)));
        assertThat(notableEvents(engine)).isEqualTo(1);
        engine.advanceTo(posted.plus(Duration.ofMinutes(64)));
        assertThat(notableEvents(engine)).isZero();
    }

    @Test
    void oneComplaintRetweetedHundredsOfTimes_isAViralPost_notANegativeSpike() {
        var engine = run();
        Instant start = at("2026-03-05T10:00:00Z");
        List<EnrichedMention> storm = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            storm.add(Scenarios.mention("acme", "rt" + i, start.plusSeconds(6L * i), true, "conduct", 100,
                    "RT @someone: staff at acme were rude to protesters"));
        }
        var alerts = replay(engine, merge(quietDays("acme", at("2026-03-02T00:00:00Z"), 3, 4, 0.2, 14), storm));

        assertThat(alerts).filteredOn(a -> a.change() == Change.opened).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo("viral-post");
            assertThat(a.severity()).isEqualTo(Severity.SEV3);
        });
    }

    @Test
    void aMonthWithoutData_countsAsQuietTime_andDetectionWorksAfterIt() {
        var engine = run();
        Instant onset = at("2026-04-10T09:00:00Z");
        var stream = merge(
                quietDays("acme", at("2026-03-01T00:00:00Z"), 5, 3, 0.2, 15),
                quietDays("acme", at("2026-04-07T00:00:00Z"), 3, 3, 0.2, 16),
                wave("acme", onset, 10, Duration.ofMinutes(30), "outage", 17));
        var alerts = replay(engine, stream);

        assertThat(alerts).filteredOn(a -> a.change() == Change.opened).singleElement()
                .satisfies(a -> assertThat(a.firedAt()).isBetween(onset, onset.plus(Duration.ofMinutes(15))));
        // every minute up to the end of the wave is final, the skipped month included
        long first = stream.get(0).mention().createdAt().getEpochSecond() / 60;
        long last = stream.get(stream.size() - 1).mention().createdAt().getEpochSecond() / 60;
        assertThat(engine.partitions().counters().detection().ticks()).isEqualTo(last - first + 1);
    }

    @Test
    void aMentionStampedAYearAhead_inABacktest_movesOnlyItsOwnBrand_andSkipsTheYearHourByHour() {
        var engine = run();
        replay(engine, merge(quietDays("acme", at("2026-03-01T00:00:00Z"), 2, 3, 0.2, 18),
                quietDays("globex", at("2026-03-01T00:00:00Z"), 2, 3, 0.2, 19)));
        engine.accept(Scenarios.mention("acme", "typo", at("2027-03-01T00:00:00Z"), true, "other", 1, "x"));

        // acme's time jumped (a recording has no wall clock to refuse it against); globex's did not
        engine.accept(Scenarios.mention("acme", "ontime", at("2026-03-03T00:00:10Z"), true, "other", 1, "x"));
        engine.accept(Scenarios.mention("globex", "ontime", at("2026-03-03T00:00:10Z"), true, "other", 1, "x"));
        assertThat(engine.sources().statuses()).singleElement().satisfies(s -> assertThat(s.late()).isEqualTo(1));
        assertThat(engine.partitions().baselines().get("acme").lastHour() * 3600)
                .isGreaterThan(at("2027-02-28T00:00:00Z").getEpochSecond());
        assertThat(engine.partitions().baselines().get("globex").lastHour() * 3600)
                .isLessThan(at("2026-03-04T00:00:00Z").getEpochSecond());
    }

    private static int notableEvents(ShippedRules.Run run) {
        return (int) run.partitions().counters().detection().notableEvents();
    }
}
