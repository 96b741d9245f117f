package io.firebreak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.detect.ShippedRules;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Floors, not figures, for the volume-only evaluation: on a generated 500/hour series the shipped volume rule
 * catches what a windowed Gaussian catches at the same (zero) false-alarm rate, and each scorer counts right.
 */
class VolumeEvaluationTest {

    private static final VolumeEvaluation.Series SERIES = VolumeEvaluation.generated(500, 1);

    @Test
    void theVolumeRuleCatchesMostAnomaliesOfAMidSizedBrandWithoutFalseAlarms() {
        var eval = new VolumeEvaluation(ShippedRules.detection(true), ShippedRules.lifecycle(), System.out);
        VolumeEvaluation.Score engine = eval.engine(List.of(SERIES));

        assertThat(engine.anomalies()).isEqualTo(10);
        assertThat(engine.caught()).as("bursts of 3x, 5x, 10x and hourly doubling").isGreaterThanOrEqualTo(8);
        assertThat(engine.falseAlarms()).isZero();
        assertThat(engine.caught()).isGreaterThanOrEqualTo(VolumeEvaluation.gaussian(List.of(SERIES), 3.0).caught() - 1);
    }

    @Test
    void theGaussianAlarmsOnABurstOnceAndNotOnAFlatSeries() {
        int[] flat = new int[5 * 1440];
        java.util.Arrays.fill(flat, 10);
        var quiet = new VolumeEvaluation.Series("flat", "b", java.time.Instant.EPOCH, flat, List.of(), 1440);
        assertThat(VolumeEvaluation.gaussian(List.of(quiet), 4).falseAlarms()).isZero();

        int[] burst = flat.clone();
        for (int m = 3 * 1440; m < 3 * 1440 + 30; m++) {
            burst[m] = 100;
        }
        var anomaly = new VolumeEvaluation.Anomaly(3 * 1440, 30, 9, false);
        var spiky = new VolumeEvaluation.Series("burst", "b", java.time.Instant.EPOCH, burst, List.of(anomaly), 1440);
        VolumeEvaluation.Score s = VolumeEvaluation.gaussian(List.of(spiky), 4);
        assertThat(s.caught()).isEqualTo(1);
        assertThat(s.delays()).containsExactly(1L);
        assertThat(s.falseAlarms()).isZero();
    }
}
