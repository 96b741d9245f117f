package io.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.detect.Severity;
import io.firebreak.notify.SeriesPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's chart runs from an hour before detection through the resolution and the recovery hours shown. */
class ReportChartTest {

    static final Instant DETECTED = Instant.parse("2026-03-02T09:04:00Z");
    static final Instant RESOLVED = Instant.parse("2026-03-02T11:43:00Z");

    @Test
    void coversAnHourBeforeDetection_throughTheRecoveryHours_inFiveMinuteBuckets() {
        Recovery r = Recovery.of(0.27, 632, List.of(hour(9, 541, 444), hour(10, 4, 0), hour(13, 5, 3)));

        ReportChart.Span span = ReportChart.span(incident(), r, RESOLVED);

        assertThat(span).isEqualTo(new ReportChart.Span(Instant.parse("2026-03-02T08:00:00Z"),
                Instant.parse("2026-03-02T14:00:00Z"), Duration.ofMinutes(5)));
        assertThat(ReportChart.span(incident(), null, RESOLVED).to()).isEqualTo(Instant.parse("2026-03-02T11:45:00Z"));
    }

    @Test
    void aLongerIncident_hasLargerBuckets() {
        Recovery day = Recovery.of(0.27, 632, List.of(hour(9, 541, 444), new Recovery.Hour(DETECTED.plus(Duration.ofHours(20)), 30, 3)));
        assertThat(ReportChart.span(incident(), day, RESOLVED).bucket()).isEqualTo(Duration.ofMinutes(15));
        Recovery twoDays = Recovery.of(0.27, 632, List.of(hour(9, 541, 444), new Recovery.Hour(DETECTED.plus(Duration.ofHours(40)), 30, 3)));
        assertThat(ReportChart.span(incident(), twoDays, RESOLVED).bucket()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void series_hasEveryBucket_andTheBaselinePerBucket() {
        ReportChart.Span span = new ReportChart.Span(Instant.parse("2026-03-02T08:00:00Z"), Instant.parse("2026-03-02T08:15:00Z"),
                Duration.ofMinutes(5));

        List<SeriesPoint> series = ReportChart.series(incident(), span, Map.of(Instant.parse("2026-03-02T08:05:00Z"), 7L));

        // the peak's baseline is 6 mentions per 60 min: half a mention per 5 min
        assertThat(series).containsExactly(new SeriesPoint(Instant.parse("2026-03-02T08:00:00Z"), 0, 0.5),
                new SeriesPoint(Instant.parse("2026-03-02T08:05:00Z"), 7, 0.5),
                new SeriesPoint(Instant.parse("2026-03-02T08:10:00Z"), 0, 0.5));
    }

    private static Recovery.Hour hour(int h, long mentions, long negative) {
        return new Recovery.Hour(Instant.parse("2026-03-02T%02d:00:00Z".formatted(h)), mentions, negative);
    }

    private static Incident incident() {
        return new Incident("INC-acme-safety-20260302T0904Z", "acme/safety/20260302T0904Z", "acme", "safety", "negative-build",
                "safety", Incident.Status.resolved, null, "reached SEV2", DETECTED, DETECTED, Severity.SEV1, List.of(),
                null, null, null, null, null, RESOLVED, 15, 30,
                new Incident.Peak(490, "60m", 394, 0.82, 1_485_961, 81.7, 6, DETECTED.plus(Duration.ofMinutes(35)), null, null),
                List.of(), List.of(), List.of(), List.of());
    }
}
