package io.firebreak.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.firebreak.enrich.EnrichedMention;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Baselines learn the day and the week, warm up on hours with data, and survive a restart. */
class BaselineTest {

    final DetectionSettings settings = DetectionSettings.defaults();

    @Test
    void learnsTheHourOfDay_soTheDailyPeakIsExpected() {
        var b = Baseline.startingAt(0);
        for (long h = 0; h < 24 * 21; h++) {
            long perHour = h % 24 >= 12 && h % 24 < 18 ? 40 : 10; // busy afternoons
            b.closeHour(h, new long[] {perHour, perHour / 5, 0}, settings);
        }
        long next = 24 * 21;
        assertThat(b.expectedTotal((next + 14) * 60, (next + 14) * 60 + 59)).isCloseTo(40, within(4.0));
        assertThat(b.expectedTotal((next + 3) * 60, (next + 3) * 60 + 59)).isCloseTo(10, within(2.0));
    }

    @Test
    void warmUpCountsHoursWithData_notHoursSinceTheFirstMention() {
        var b = Baseline.startingAt(0);
        b.closeHour(0, new long[] {1, 0, 0}, settings);
        for (long h = 1; h < 200; h++) {
            b.closeHour(h, new long[] {0, 0, 0}, settings); // a week of nothing: still no history
        }
        assertThat(b.warmingUp(settings)).isTrue();
        for (long h = 200; h < 200 + settings.warmupActiveHours(); h++) {
            b.closeHour(h, new long[] {100, 60, 0}, settings);
        }
        assertThat(b.warmingUp(settings)).isFalse();
    }

    @Test
    void aCrisisHourIsClipped_soItDoesNotBecomeTheNewNormal() {
        var b = Baseline.startingAt(0);
        for (long h = 0; h < 48; h++) {
            b.closeHour(h, new long[] {10, 2, 0}, settings);
        }
        b.closeHour(48, new long[] {2000, 1800, 0}, settings);
        assertThat(b.expectedTotal(49 * 60, 49 * 60 + 59)).isLessThan(15);
    }

    @Test
    void aRestartKeepsTheBaselines_throughTheFileStore(@TempDir Path dir) {
        var store = new FileBaselineStore(dir.resolve("baselines.json"));
        var first = ShippedRules.run();
        ShippedRules.replay(first, Scenarios.quietDays("acme", Instant.parse("2026-03-02T00:00:00Z"), 3, 10, 0.2, 11));
        BrandBaseline before = first.partitions().baselines().get("acme");
        store.save(first.partitions().changedBaselines());

        assertThat(Files.exists(dir.resolve("baselines.json"))).isTrue();
        BrandBaseline after = store.load().get("acme");
        assertThat(after.activeHours()).isEqualTo(before.activeHours()).isGreaterThan(settings.warmupActiveHours());
        assertThat(after.total().level()).isEqualTo(before.total().level());
        assertThat(first.partitions().changedBaselines()).as("nothing changed since it was asked").isEmpty();
    }

    @Test
    void aRestartMidWave_continuesTheAlert_neverAnnouncesItAgain() {
        Instant onset = Instant.parse("2026-03-05T09:00:00Z");
        List<EnrichedMention> history = Scenarios.quietDays("acme", Instant.parse("2026-03-02T00:00:00Z"), 3, 2, 0.2, 12);
        List<EnrichedMention> wave = Scenarios.wave("acme", onset, 10, java.time.Duration.ofMinutes(40), "safety", 13);
        var first = ShippedRules.run();
        history.forEach(first::accept);
        var before = new java.util.ArrayList<io.firebreak.alert.Alert>();
        wave.subList(0, wave.size() / 2).forEach(m -> before.addAll(first.accept(m)));
        assertThat(before).isNotEmpty();

        // the windows are rebuilt from the last hour of mentions, as a live restart does from the index
        var second = first.restarted();
        var after = new java.util.ArrayList<io.firebreak.alert.Alert>();
        Instant hourBefore = wave.get(wave.size() / 2).mention().createdAt().minus(java.time.Duration.ofMinutes(63));
        history.stream().filter(m -> m.mention().createdAt().isAfter(hourBefore)).forEach(m -> after.addAll(second.accept(m)));
        wave.forEach(m -> after.addAll(second.accept(m)));
        after.addAll(second.finish());

        assertThat(after).isNotEmpty().noneMatch(a -> a.change() == io.firebreak.alert.Alert.Change.opened);
        assertThat(after).extracting(io.firebreak.alert.Alert::alertId).containsOnly(before.get(0).alertId());
        assertThat(after.get(0).version()).isGreaterThan(before.get(before.size() - 1).version());
    }
}
