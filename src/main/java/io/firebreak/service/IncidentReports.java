package io.firebreak.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.alert.Alert;
import io.firebreak.config.Home;
import io.firebreak.config.Settings;
import io.firebreak.detect.Evidence;
import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentReport;
import io.firebreak.incident.IncidentStore;
import io.firebreak.incident.Recovery;
import io.firebreak.incident.ReportChart;
import io.firebreak.incident.TimelineEntry;
import io.firebreak.notify.AlertChart;
import io.firebreak.notify.Notification;
import io.firebreak.notify.SeriesPoint;
import io.firebreak.statement.HoldingStatements;
import io.firebreak.store.ElasticIncidents;
import io.firebreak.store.MentionRecovery;
import io.firebreak.store.MentionStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code firebreak incident} reads: the incidents and timelines in the Elasticsearch the service uses
 * (its running one, else the configured one), and the post-incident report written from them. A
 * promotion by hand goes through the running service's API, so its incidents keep one owner.
 */
public final class IncidentReports {

    /** An incident and its timeline. */
    public record Shown(Incident incident, List<TimelineEntry> timeline) {}

    private IncidentReports() {}

    public static List<Incident> list(Home home, Settings settings, int limit) {
        try (Backend backend = Backend.attach(home, settings)) {
            return store(backend, settings).list(limit);
        }
    }

    public static Optional<Shown> show(Home home, Settings settings, String id) {
        try (Backend backend = Backend.attach(home, settings)) {
            IncidentStore store = store(backend, settings);
            return store.find(id).map(i -> new Shown(i, store.timeline(id)));
        }
    }

    /** Writes the report of incident {@code id} to {@code out} (a chart PNG beside it) and returns its Markdown. */
    public static String report(Home home, Settings settings, String id, Path out) {
        try (Backend backend = Backend.attach(home, settings)) {
            MentionStore mentions = backend.store(settings, true);
            var read = new MentionRecovery(backend.client(), mentions);
            return write(store(backend, settings), read, read, statements(home), id, out);
        }
    }

    /**
     * The report of one incident from a store; with {@code out}, written there and the chart beside it: the
     * mentions from an hour before detection through the resolution and the recovery hours the report shows
     * ({@link ReportChart}), or the series the alert last showed when they cannot be counted.
     *
     * @throws IllegalArgumentException when there is no such incident
     */
    public static String write(IncidentStore store, Recovery.Lookup recovery, ReportChart.Buckets buckets,
                               HoldingStatements statements, String id, Path out) {
        Incident i = store.find(id).orElseThrow(() -> new IllegalArgumentException("no incident " + id
                + " (./firebreak incident list shows them)"));
        String brandName = statements == null ? i.brand() : statements.displayName(i.brand());
        String chart = null;
        List<TimelineEntry> timeline = store.timeline(id);
        Recovery recovered = recovery.of(i);
        try {
            if (out != null) {
                Path parent = out.toAbsolutePath().getParent();
                Files.createDirectories(parent);
                List<SeriesPoint> series = series(i, timeline, recovered, buckets);
                if (!series.isEmpty() || i.peak() != null) {
                    Path png = parent.resolve(out.getFileName().toString().replaceFirst("\\.md$", "") + "-chart.png");
                    Map<String, Instant> marks = new LinkedHashMap<>();
                    marks.put("detected", i.detectedAt());
                    if (i.resolvedAt() != null) {
                        marks.put("resolved", i.resolvedAt());
                    }
                    Files.write(png, AlertChart.png(new Notification(chartAlert(i), brandName, null, i.topPosts(), series, null),
                            marks));
                    chart = png.getFileName().toString();
                }
            }
            String md = IncidentReport.markdown(i, timeline, brandName, recovered, chart);
            if (out != null) {
                Files.writeString(out, md);
            }
            return md;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + out + ": " + e.getMessage(), e);
        }
    }

    /** Asks the running service to make an alert an incident; returns its answer. */
    public static Map<?, ?> promote(Home home, Settings settings, String alertId, String by, String reason) throws Exception {
        RunState state = RunState.read(home).orElseThrow(() -> new IllegalStateException(
                "no running service to promote in: start it with ./firebreak run"));
        var mapper = new ObjectMapper();
        String body = mapper.writeValueAsString(reason == null ? Map.of("alert_id", alertId, "by", by)
                : Map.of("alert_id", alertId, "by", by, "reason", reason));
        var credentials = io.firebreak.access.ClientCredentials.fromEnvironment(settings.access().signatureSecretEnv(),
                System.getenv());
        HttpResponse<String> r = HttpClient.newHttpClient().send(credentials.authorize(HttpRequest.newBuilder(
                        URI.create(state.apiUrl() + "/api/v1/incidents")), io.firebreak.access.Role.API)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        Map<?, ?> answer = mapper.readValue(r.body(), Map.class);
        if (r.statusCode() != 201) {
            throw new IllegalStateException(String.valueOf(answer.get("error")));
        }
        return answer;
    }

    private static IncidentStore store(Backend backend, Settings settings) {
        return new ElasticIncidents(backend.client(), settings.elasticsearch().indexPrefix(), 0);
    }

    private static HoldingStatements statements(Home home) {
        try {
            return HoldingStatements.load(home.config("statements"), home.config("statement-settings.yaml"));
        } catch (RuntimeException e) {
            return null; // the report names the brand by its id
        }
    }

    /** The report's chart series; an incident not resolved is drawn to its newest timeline entry. */
    private static List<SeriesPoint> series(Incident i, List<TimelineEntry> timeline, Recovery recovered, ReportChart.Buckets buckets) {
        Instant newest = timeline.stream().map(TimelineEntry::at).max(Instant::compareTo).orElse(i.detectedAt());
        ReportChart.Span span = ReportChart.span(i, recovered, newest);
        Map<Instant, Long> counts = buckets.count(i.brand(), span.from(), span.to(), span.bucket());
        return counts == null ? i.series() : ReportChart.series(i, span, counts);
    }

    /** The alert as the chart needs it: the peak figures against the baseline. */
    private static Alert chartAlert(Incident i) {
        Incident.Peak p = i.peak();
        Evidence e = p == null ? null : new Evidence(p.window(), p.count(), p.negativeCount(), p.baseline(), p.ratio(),
                p.negativeShare(), p.reach(), List.of(), List.of());
        return Alert.opened(i.alertId(), i.rule(), i.brand(), i.category(), i.severity(), i.detectedAt(), e, false, null);
    }
}
