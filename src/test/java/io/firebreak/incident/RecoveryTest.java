package io.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the negative share counts as back: enough mentions an hour, two hours in a row, within the margin. */
class RecoveryTest {

    @Test
    void aQuietHourOfAFewPosts_doesNotCount_howeverLowItsShare() {
        Recovery r = Recovery.of(0.27, 632, List.of(hour(9, 541, 444), hour(10, 4, 0), hour(11, 19, 0), hour(12, 19, 0)));
        assertThat(r.backAt()).isNull();
        assertThat(r.measurable()).isZero();
    }

    @Test
    void oneMeasurableHourBack_isNotEnough_twoInARowAre() {
        Recovery one = Recovery.of(0.27, 632, List.of(hour(9, 541, 444), hour(10, 20, 6), hour(11, 20, 10)));
        assertThat(one.backAt()).isNull();
        assertThat(one.measurable()).isEqualTo(2);

        Recovery two = Recovery.of(0.27, 632, List.of(hour(9, 541, 444), hour(10, 20, 10), hour(11, 20, 6), hour(12, 25, 8)));
        assertThat(two.backAt()).isEqualTo(hour(11, 0, 0).at());
    }

    @Test
    void hoursWithAGapBetween_areNotInARow() {
        // hours without mentions are left out of the histogram: 10:00 and 12:00 are not consecutive
        Recovery r = Recovery.of(0.27, 632, List.of(hour(9, 541, 444), hour(10, 20, 6), hour(12, 20, 6)));
        assertThat(r.backAt()).isNull();
    }

    @Test
    void atTheMargin_isBack_justAboveIsNot() {
        Recovery at = Recovery.of(0.25, 632, List.of(hour(9, 541, 444), hour(10, 20, 6), hour(11, 20, 6)));
        assertThat(at.backAt()).isEqualTo(hour(10, 0, 0).at()); // 30% = 25% + 5 points
        Recovery above = Recovery.of(0.25, 632, List.of(hour(9, 541, 444), hour(10, 20, 7), hour(11, 20, 7)));
        assertThat(above.backAt()).isNull();
    }

    private static Recovery.Hour hour(int h, long mentions, long negative) {
        return new Recovery.Hour(Instant.parse("2026-03-02T%02d:00:00Z".formatted(h)), mentions, negative);
    }
}
