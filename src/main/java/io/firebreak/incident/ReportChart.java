package io.firebreak.incident;

import io.firebreak.notify.SeriesPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the report's mentions-vs-baseline chart covers: from an hour before detection through the resolution
 * and the recovery hours the report shows, in buckets small enough to see the wave and few enough to read.
 */
public final class ReportChart {

    /** Before detection: the calm the wave rose from. */
    static final Duration BEFORE = Duration.ofHours(1);

    private ReportChart() {}

    /** The chart's range, end excluded, and its bucket. */
    public record Span(Instant from, Instant to, Duration bucket) {}

    /** Mentions of a brand per bucket between two times, by the bucket's start (Elasticsearch in the service). */
    @FunctionalInterface
    public interface Buckets {
        Buckets NONE = (brand, from, to, bucket) -> null;

        /** The buckets with mentions (the others have none); null when they cannot be counted. */
        Map<Instant, Long> count(String brand, Instant from, Instant to, Duration bucket);
    }

    /**
     * From an hour before detection to the end of the last of: the resolution, the newest peak figure, the
     * recovery hours shown; {@code now} ends an incident not resolved.
     */
    public static Span span(Incident i, Recovery r, Instant now) {
        Instant end = i.resolvedAt() != null ? i.resolvedAt() : now;
        if (i.peak() != null && i.peak().at().isAfter(end)) {
            end = i.peak().at();
        }
        if (r != null && !r.hours().isEmpty()) {
            Instant lastHour = r.hours().get(r.hours().size() - 1).at().plus(Duration.ofHours(1));
            end = lastHour.isAfter(end) ? lastHour : end;
        }
        Instant start = i.detectedAt().minus(BEFORE);
        Duration length = Duration.between(start, end);
        Duration bucket = length.compareTo(Duration.ofHours(6)) <= 0 ? Duration.ofMinutes(5)
                : length.compareTo(Duration.ofHours(24)) <= 0 ? Duration.ofMinutes(15) : Duration.ofHours(1);
        Instant from = floor(start, bucket);
        Instant to = floor(end.minusNanos(1), bucket).plus(bucket);
        return new Span(from, to, bucket);
    }

    /** The series over {@code span}: every bucket (empty ones as 0) against the baseline of the peak's window, per bucket. */
    public static List<SeriesPoint> series(Incident i, Span span, Map<Instant, Long> counts) {
        double perBucket = 0;
        if (i.peak() != null) {
            perBucket = i.peak().baseline() * span.bucket().toMinutes() / Math.max(1, windowMinutes(i.peak().window()));
        }
        List<SeriesPoint> out = new ArrayList<>();
        for (Instant at = span.from(); at.isBefore(span.to()); at = at.plus(span.bucket())) {
            out.add(new SeriesPoint(at, counts.getOrDefault(at, 0L), perBucket));
        }
        return out;
    }

    private static Instant floor(Instant at, Duration bucket) {
        long ms = bucket.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), ms) * ms);
    }

    private static long windowMinutes(String window) {
        return window != null && window.matches("\\d+m") ? Long.parseLong(window.substring(0, window.length() - 1)) : 15;
    }
}
