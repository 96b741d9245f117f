package io.firebreak.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.firebreak.alert.Alert;
import io.firebreak.alert.Tracked;
import io.firebreak.detect.SourceClocks;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * {@code GET /api/v1/detection}: what the running detection holds, for {@code firebreak status}: each
 * source's event time and lateness, the alerts open, and what waits to be saved or delivered.
 */
public final class DetectionApi {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final LiveDetection live;

    /** @param live the service's detection; null when it runs without (ingest-only tests) */
    public DetectionApi(LiveDetection live) {
        this.live = live;
    }

    public void status(Exchange exchange) throws JsonProcessingException {
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        if (live == null) {
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 404);
            exchange.getMessage().setBody("{\"error\":\"this service runs without detection\"}");
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        var counters = live.partitions().counters();
        out.put("brands", counters.brands());
        out.put("mentions", counters.mentions());
        out.put("counted", counters.detection().counted());
        out.put("open_alerts", live.partitions().openAlerts().stream().map(Tracked::alert).map(DetectionApi::alert).toList());
        out.put("sources", live.partitions().detection().sources().statuses().stream().map(DetectionApi::source).toList());
        out.put("decisions_waiting", live.decisionsWaiting());
        out.put("outbox_pending", live.pendingDeliveries());
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getMessage().setBody(JSON.writeValueAsString(out));
    }

    private static Map<String, Object> alert(Alert a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alert_id", a.alertId());
        m.put("version", a.version());
        m.put("severity", a.severity());
        m.put("status", a.status());
        m.put("provisional", a.provisional());
        m.put("fired_at", a.firedAt());
        m.put("updated_at", a.updatedAt());
        return m;
    }

    private static Map<String, Object> source(SourceClocks.Status s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", s.source());
        m.put("watermark", s.watermark());
        m.put("last_arrival", s.lastArrival());
        m.put("mentions", s.mentions());
        m.put("behind", s.behind());
        m.put("late", s.late());
        m.put("duplicates", s.duplicates());
        m.put("ahead", s.ahead());
        m.put("recent_late_share", s.recentLateShare());
        m.put("late_rising", s.lateRising());
        return m;
    }
}
