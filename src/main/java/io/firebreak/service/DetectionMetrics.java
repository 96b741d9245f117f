package io.firebreak.service;

import io.firebreak.detect.SourceClocks;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * What detection shows at {@code /metrics}: per source, event-time lag, mentions by outcome and the
 * recent late share; and the alerts open, the decisions waiting to be saved and the versions waiting
 * to be delivered. Sources appear as they send their first mention ({@link #refresh}, each clock tick).
 */
final class DetectionMetrics {

    private final MeterRegistry registry;
    private final SourceClocks sources;
    private final Clock clock;
    private final Set<String> registered = new HashSet<>();

    DetectionMetrics(MeterRegistry registry, LiveDetection live, Clock clock) {
        this.registry = registry;
        this.sources = live.partitions().detection().sources();
        this.clock = clock;
        Gauge.builder("firebreak_alerts_open", live, l -> l.partitions().counters().openAlerts())
                .description("alerts not yet resolved").register(registry);
        Gauge.builder("firebreak_outbox_pending", live, LiveDetection::pendingDeliveries)
                .description("alert versions decided, not yet delivered").register(registry);
        Gauge.builder("firebreak_decisions_waiting", live, LiveDetection::decisionsWaiting)
                .description("decisions not yet saved (the alert journal or outbox failed to write)").register(registry);
        refresh();
    }

    /** Registers the meters of sources seen since the last call. */
    synchronized void refresh() {
        for (SourceClocks.Status s : sources.statuses()) {
            if (registered.add(s.source())) {
                register(s.source());
            }
        }
    }

    private void register(String source) {
        Gauge.builder("firebreak_source_lag_seconds", sources, c -> lag(c.status(source)))
                .description("wall clock minus the newest event time the source delivered").tag("source", source)
                .register(registry);
        Gauge.builder("firebreak_source_late_share", sources, c -> c.status(source).recentLateShare())
                .description("share of the source's last block of mentions that came too late to count")
                .tag("source", source).register(registry);
        Gauge.builder("firebreak_source_late_rising", sources, c -> c.status(source).lateRising() ? 1 : 0)
                .tag("source", source).register(registry);
        counter(source, "counted", s -> s.mentions() - s.behind() - s.late() - s.duplicates() - s.ahead());
        counter(source, "behind", SourceClocks.Status::behind);
        counter(source, "late", SourceClocks.Status::late);
        counter(source, "duplicate", SourceClocks.Status::duplicates);
        counter(source, "ahead", SourceClocks.Status::ahead);
    }

    private void counter(String source, String outcome, ToDoubleFunction<SourceClocks.Status> value) {
        FunctionCounter.builder("firebreak_source_mentions", sources, c -> value.applyAsDouble(c.status(source)))
                .description("mentions by how their brand's windows took them").tag("source", source)
                .tag("outcome", outcome).register(registry);
    }

    private double lag(SourceClocks.Status s) {
        return s.watermark() == null ? Double.NaN : (clock.millis() - s.watermark().toEpochMilli()) / 1000.0;
    }
}
