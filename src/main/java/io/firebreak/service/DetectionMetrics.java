package io.firebreak.service;

import io.firebreak.alert.Alert;
import io.firebreak.detect.Detection;
import io.firebreak.detect.Severity;
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
 * recent late share; signals by rule; alert versions by change and open alerts by severity; the
 * decisions waiting to be saved and the versions waiting to be delivered. Sources and rules appear as
 * they are first seen ({@link #refresh}, each clock tick and each scrape).
 */
final class DetectionMetrics {

    private final MeterRegistry registry;
    private final SourceClocks sources;
    private final Detection detection;
    private final Clock clock;
    private final Set<String> registered = new HashSet<>();
    private final Set<String> rules = new HashSet<>();

    DetectionMetrics(MeterRegistry registry, LiveDetection live, Clock clock) {
        this.registry = registry;
        this.sources = live.partitions().detection().sources();
        this.detection = live.partitions().detection();
        this.clock = clock;
        for (Alert.Change change : Alert.Change.values()) {
            FunctionCounter.builder("firebreak_alert_versions", live, l -> l.versions(change))
                    .description("alert versions decided, by what they changed").tag("change", change.name())
                    .register(registry);
        }
        for (Severity severity : Severity.values()) {
            Gauge.builder("firebreak_alerts_open_by_severity", live, l -> l.partitions().openAlerts().stream()
                            .filter(t -> t.alert().severity() == severity).count())
                    .tag("severity", severity.name()).register(registry);
        }
        Gauge.builder("firebreak_alerts_open", live, l -> l.partitions().counters().openAlerts())
                .description("alerts not yet resolved").register(registry);
        Gauge.builder("firebreak_decisions_waiting", live, LiveDetection::decisionsWaiting)
                .description("decisions not yet saved (the alert journal or outbox failed to write)").register(registry);
        refresh();
    }

    /** Registers the meters of sources and rules seen since the last call. */
    synchronized void refresh() {
        for (SourceClocks.Status s : sources.statuses()) {
            if (registered.add(s.source())) {
                register(s.source());
            }
        }
        for (String rule : detection.signalsByRule().keySet()) {
            if (rules.add(rule)) {
                FunctionCounter.builder("firebreak_rule_signals", detection,
                                d -> d.signalsByRule().getOrDefault(rule, 0L))
                        .description("signals the rule raised (complete minutes and early looks)").tag("rule", rule)
                        .register(registry);
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
