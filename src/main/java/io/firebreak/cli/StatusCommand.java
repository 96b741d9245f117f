package io.firebreak.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.firebreak.config.Home;
import io.firebreak.config.Settings;
import io.firebreak.service.StatusReport;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code firebreak status}: where things are and how much is indexed. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Print where Elasticsearch and the API are, and how many mentions are indexed per brand.")
public final class StatusCommand implements Callable<Integer> {

    @Option(names = "--json", description = "one JSON object instead of a table")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Home home = Home.detect();
        StatusReport report = StatusReport.collect(home, Settings.load(home));
        if (json) {
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            return 0;
        }
        System.out.printf("API            %s%n", report.apiRunning() ? report.apiUrl() + " (running)" : "not running");
        System.out.printf("Elasticsearch  %s%s%n", report.elasticsearchUrl(), report.embedded() ? " (embedded)" : "");
        if (report.note() != null) {
            System.out.println("               " + report.note());
        }
        System.out.printf("mentions       %,d%n", report.mentions());
        for (Map.Entry<String, Long> brand : report.byBrand().entrySet()) {
            System.out.printf("  %-20s %,10d%n", brand.getKey(), brand.getValue());
        }
        System.out.printf("dead letters   %,d%n", report.deadLetters());
        if (report.detection() != null) {
            printDetection(report.detection());
        }
        return 0;
    }

    /** Each source's event time and lateness, and the alerts open, as the running service holds them. */
    private static void printDetection(JsonNode d) {
        System.out.printf("%nsources        %-22s %9s %9s %7s %6s %5s %6s  %s%n", "newest event time", "lag",
                "mentions", "behind", "late", "dup", "ahead", "late share (last 500)");
        Instant now = Instant.now();
        for (JsonNode s : d.path("sources")) {
            String watermark = s.path("watermark").asText("");
            String lag = watermark.isEmpty() ? "-" : ago(Duration.between(Instant.parse(watermark), now));
            System.out.printf("  %-12s %-22s %9s %,9d %,7d %,6d %,5d %,6d  %.0f%%%s%n", s.path("source").asText(),
                    watermark.isEmpty() ? "-" : watermark.substring(0, Math.min(19, watermark.length())) + "Z", lag,
                    s.path("mentions").asLong(), s.path("behind").asLong(), s.path("late").asLong(),
                    s.path("duplicates").asLong(), s.path("ahead").asLong(), 100 * s.path("recent_late_share").asDouble(),
                    s.path("late_rising").asBoolean() ? "  RISING: check the source's delay and time zone" : "");
        }
        System.out.printf("%nopen alerts    %d%n", d.path("open_alerts").size());
        for (JsonNode a : d.path("open_alerts")) {
            System.out.printf("  %-40s v%-3d %s %-9s%s updated %s%n", a.path("alert_id").asText(), a.path("version").asLong(),
                    a.path("severity").asText(), a.path("status").asText(),
                    a.path("provisional").asBoolean() ? " (early)" : "", a.path("updated_at").asText());
        }
        System.out.printf("waiting        %d decision(s) to save, %d version(s) to deliver%n",
                d.path("decisions_waiting").asInt(), d.path("outbox_pending").asInt());
    }

    private static String ago(Duration d) {
        long s = d.toSeconds();
        return s < 120 ? s + " s" : s < 7200 ? s / 60 + " min" : s < 172_800 ? s / 3600 + " h" : s / 86_400 + " d";
    }
}
