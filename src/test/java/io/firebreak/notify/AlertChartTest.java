package io.firebreak.notify;

import static io.firebreak.notify.Fixtures.FIRED;
import static io.firebreak.notify.Fixtures.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.detect.Severity;
import io.firebreak.alert.Alert.Status;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AlertChartTest {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

    @Test
    void rendersTheSeriesAsLinesAndFallsBackToBarsWithoutOne() {
        List<SeriesPoint> series = IntStream.range(0, 12)
                .mapToObj(i -> new SeriesPoint(FIRED.minus(Duration.ofMinutes(5L * (12 - i))), i < 8 ? 40 : 40 + 100L * i, 40))
                .toList();
        Notification withSeries = new Notification(alert("a-1", Severity.SEV1, Status.firing, 480), "Acme", "#c",
                List.of(), series, null);
        Notification without = new Notification(alert("a-1", Severity.SEV1, Status.firing, 480), "Acme", "#c",
                List.of(), List.of(), null);

        assertThat(AlertChart.png(withSeries)).startsWith(PNG_MAGIC).hasSizeGreaterThan(2_000);
        assertThat(AlertChart.png(without)).startsWith(PNG_MAGIC).hasSizeGreaterThan(2_000);
        assertThat(AlertChart.png(withSeries, java.util.Map.of("detected", FIRED.minus(Duration.ofMinutes(20)))))
                .startsWith(PNG_MAGIC).hasSizeGreaterThan(2_000);
    }

    @Test
    void theAxisSaysHowLongABucketIs() {
        List<SeriesPoint> fiveMinutes = List.of(new SeriesPoint(FIRED, 1, 1), new SeriesPoint(FIRED.plus(Duration.ofMinutes(5)), 1, 1));
        List<SeriesPoint> hourly = List.of(new SeriesPoint(FIRED, 1, 1), new SeriesPoint(FIRED.plus(Duration.ofHours(1)), 1, 1));

        assertThat(AlertChart.lines(fiveMinutes, "t", java.util.Map.of()).getYAxisTitle()).isEqualTo("mentions per 5 min");
        assertThat(AlertChart.lines(hourly, "t", java.util.Map.of()).getYAxisTitle()).isEqualTo("mentions per hour");
    }
}
