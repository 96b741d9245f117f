package io.firebreak.detect;

import static io.firebreak.detect.Scenarios.merge;
import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.alert.Alert;
import io.firebreak.alert.Alert.Change;
import io.firebreak.enrich.EnrichedMention;
import io.firebreak.mention.Mention;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Event time per brand and per source, on a wall clock the test controls: a clock slip at one source
 * cannot blind a brand, a slow source beside a fast one still counts, a re-delivered mention counts once.
 */
class EventTimeTest {

    private static final Instant NOW = Instant.parse("2026-03-12T09:00:00Z");

    /** Feeds each mention as arriving {@code delay} after its own time; returns the versions decided. */
    private static List<Alert> live(ShippedRules.Run run, List<EnrichedMention> stream, Duration delay) {
        List<Alert> out = new ArrayList<>();
        for (EnrichedMention m : stream) {
            out.addAll(run.accept(m, m.mention().createdAt().plus(delay)));
        }
        return out;
    }

    private static List<EnrichedMention> fromSource(String source, List<EnrichedMention> stream) {
        return stream.stream().map(em -> {
            Mention m = em.mention();
            return new EnrichedMention(new Mention(m.id(), source, m.createdAt(), m.text(), m.brand(), m.lang(), m.url(),
                    m.author(), m.engagement(), m.reshareOf()), em.enrichment());
        }).toList();
    }

    private static Map<String, SourceClocks.Status> bySource(ShippedRules.Run run) {
        return run.sources().statuses().stream().collect(Collectors.toMap(SourceClocks.Status::source, Function.identity()));
    }

    @Test
    void oneMentionStampedSixHoursAhead_doesNotBlindTheBrand_theWaveAfterItAlerts() {
        var run = ShippedRules.early();
        live(run, Scenarios.quietDays("acme", NOW.minus(Duration.ofDays(10)), 10, 3, 0.2, 31), Duration.ofSeconds(2));
        // a source's time-zone slip: local time sent as UTC (ingest refuses it; here it reaches the engine anyway)
        run.accept(Scenarios.mention("acme", "slip", NOW.plus(Duration.ofHours(6)), true, "other", 10, "x"), NOW);

        List<Alert> alerts = live(run, Scenarios.wave("acme", NOW, 12, Duration.ofMinutes(15), "safety", 32), Duration.ofSeconds(2));
        alerts.addAll(run.advanceTo(NOW.plus(Duration.ofMinutes(20))));

        assertThat(alerts).filteredOn(a -> a.change() == Change.opened).singleElement().satisfies(a -> {
            assertThat(a.category()).isEqualTo("safety");
            assertThat(a.firedAt()).isBefore(NOW.plus(Duration.ofMinutes(10)));
        });
        assertThat(run.sources().statuses()).singleElement().satisfies(s -> {
            assertThat(s.ahead()).isEqualTo(1);
            assertThat(s.late()).isZero();
            assertThat(s.watermark()).isBefore(NOW.plus(Duration.ofMinutes(16)));
        });
    }

    @Test
    void aSlowSourceBesideAFastOne_stillCounts_andTheFastOneAlertsOnTime() {
        var run = ShippedRules.run();
        List<EnrichedMention> history = Scenarios.quietDays("acme", NOW.minus(Duration.ofDays(3)), 3, 4, 0.2, 33);
        List<EnrichedMention> wave = Scenarios.wave("acme", NOW, 12, Duration.ofMinutes(20), "safety", 34);
        List<EnrichedMention> twitter = fromSource("twitter", merge(history, wave));
        // the news collector delivers every post five minutes after it was written
        List<EnrichedMention> news = fromSource("news", Scenarios.wave("acme", NOW, 4, Duration.ofMinutes(20), "safety", 35));
        List<EnrichedMention> arrivals = new ArrayList<>();
        twitter.forEach(arrivals::add);
        List<Instant> arrival = new ArrayList<>();
        twitter.forEach(m -> arrival.add(m.mention().createdAt().plusSeconds(1)));
        for (EnrichedMention m : news) {
            arrivals.add(m);
            arrival.add(m.mention().createdAt().plus(Duration.ofMinutes(5)));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < arrivals.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> arrival.get(a).compareTo(arrival.get(b)));
        List<Alert> alerts = new ArrayList<>();
        for (int i : order) {
            alerts.addAll(run.accept(arrivals.get(i), arrival.get(i)));
        }

        assertThat(alerts).filteredOn(a -> a.change() == Change.opened).first()
                .satisfies(a -> assertThat(a.firedAt()).isBefore(NOW.plus(Duration.ofMinutes(10))));
        Map<String, SourceClocks.Status> sources = bySource(run);
        assertThat(sources.get("news").behind()).as("behind the brand's final minutes, yet counted").isEqualTo(news.size());
        assertThat(sources.get("news").late()).isZero();
        assertThat(sources.get("news").lateRising()).isFalse();
        assertThat(sources.get("twitter").behind()).isZero();
        assertThat(run.partitions().counters().detection().counted()).isEqualTo(twitter.size() + news.size());
    }

    @Test
    void aSourceHoursBehind_isCountedLate_andReportedAsRising_theOthersAreNot() {
        var run = ShippedRules.run();
        live(run, fromSource("twitter", Scenarios.quietDays("acme", NOW.minus(Duration.ofDays(1)), 1, 600, 0.2, 36)),
                Duration.ofSeconds(1));
        // a backfill from a collector two hours behind, arriving now
        List<EnrichedMention> stale = fromSource("forum",
                Scenarios.quietDays("acme", NOW.minus(Duration.ofHours(3)), 1, 600, 0.2, 37)).stream()
                .filter(m -> m.mention().createdAt().isBefore(NOW.minus(Duration.ofHours(2)))).toList();
        stale.forEach(m -> run.accept(m, NOW));

        Map<String, SourceClocks.Status> sources = bySource(run);
        assertThat(stale).hasSizeGreaterThan(SourceClocks.BLOCK);
        assertThat(sources.get("forum").late()).isEqualTo(stale.size());
        assertThat(sources.get("forum").recentLateShare()).isEqualTo(1.0);
        assertThat(sources.get("forum").lateRising()).isTrue();
        assertThat(sources.get("twitter").late()).isZero();
        assertThat(sources.get("twitter").lateRising()).isFalse();
    }

    @Test
    void twelveComplaintsDeliveredFourTimes_countTwelve_andRaiseNothing() {
        List<EnrichedMention> history = Scenarios.quietDays("acme", NOW.minus(Duration.ofDays(3)), 3, 2, 0.0, 38);
        List<EnrichedMention> twelve = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            twelve.add(Scenarios.mention("acme", "c" + i, NOW.plusSeconds(5L * i), true, "outage", 100, "nothing works"));
        }
        List<EnrichedMention> redelivered = new ArrayList<>(history);
        for (int copy = 0; copy < 4; copy++) {
            redelivered.addAll(twelve);
        }
        // a copy re-sent with a corrected timestamp is still the same mention
        EnrichedMention moved = twelve.get(0);
        redelivered.add(new EnrichedMention(new Mention(moved.mention().id(), moved.mention().source(),
                NOW.plusSeconds(90), moved.mention().text(), "acme", "en", null, null, null, null), moved.enrichment()));

        var backtest = ShippedRules.run();
        List<Alert> replayed = ShippedRules.replay(backtest, redelivered);
        var live = ShippedRules.run();
        List<Alert> streamed = live(live, redelivered, Duration.ofSeconds(1));
        streamed.addAll(live.finish());

        assertThat(replayed).isEmpty();
        assertThat(streamed).isEmpty();
        for (var run : List.of(backtest, live)) {
            assertThat(run.partitions().counters().detection().counted()).isEqualTo(history.size() + 12);
            assertThat(run.sources().statuses()).singleElement()
                    .satisfies(s -> assertThat(s.duplicates()).isEqualTo(3 * 12 + 1));
        }
        // the same twelve, twice as many distinct ones: now it is a spike
        List<EnrichedMention> distinct = new ArrayList<>(history);
        for (int i = 0; i < 24; i++) {
            distinct.add(Scenarios.mention("acme", "d" + i, NOW.plusSeconds(2L * i), true, "outage", 100, "nothing works"));
        }
        assertThat(ShippedRules.replay(ShippedRules.run(), distinct)).extracting(Alert::change).contains(Change.opened);
    }

    @Test
    void anImportOfHistory_isNeverMadeLateByTheWallClock() {
        var run = ShippedRules.run();
        List<EnrichedMention> lastYear = merge(
                Scenarios.quietDays("acme", Instant.parse("2025-03-02T00:00:00Z"), 3, 2, 0.2, 39),
                Scenarios.wave("acme", Instant.parse("2025-03-05T09:00:00Z"), 12, Duration.ofMinutes(30), "safety", 40));
        // arriving now, a year after it was written, with the clock ticking meanwhile
        List<Alert> alerts = new ArrayList<>();
        for (EnrichedMention m : lastYear) {
            alerts.addAll(run.accept(m, NOW));
        }
        alerts.addAll(run.advanceTo(NOW.plus(Duration.ofMinutes(5))));
        alerts.addAll(run.finish());

        assertThat(run.sources().late()).isZero();
        assertThat(alerts).filteredOn(a -> a.change() == Change.opened).singleElement()
                .satisfies(a -> assertThat(a.firedAt()).isBetween(Instant.parse("2025-03-05T09:00:00Z"),
                        Instant.parse("2025-03-05T09:15:00Z")));
    }
}
