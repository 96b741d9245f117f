package io.firebreak.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** What ingest counts, and that a sender cannot grow the registry without bound. */
class IngestMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final IngestMetrics metrics = new IngestMetrics(registry);

    @Test
    void acceptedBySource_andRejectsByReason() {
        metrics.accepted("twitter", 3);
        metrics.accepted("twitter", 2);
        metrics.rejected(IngestMetrics.reasonOf("created_at: required"));
        metrics.rejected(IngestMetrics.reasonOf("(json): not valid JSON: ..."));
        metrics.rejected("media_type");

        assertThat(registry.get("firebreak_mentions_accepted").tag("source", "twitter").counter().count()).isEqualTo(5);
        assertThat(registry.get("firebreak_rejects").tag("reason", "created_at").counter().count()).isEqualTo(1);
        assertThat(registry.get("firebreak_rejects").tag("reason", "json").counter().count()).isEqualTo(1);
        assertThat(registry.get("firebreak_rejects").tag("reason", "media_type").counter().count()).isEqualTo(1);
    }

    @Test
    void aNewSourcePerMention_isCappedAtAHundredSeries_theRestCountAsOther() {
        for (int i = 0; i < 10_000; i++) {
            metrics.accepted("flood-" + i, 1);
        }
        assertThat(registry.find("firebreak_mentions_accepted").counters()).hasSize(IngestMetrics.MAX_SOURCES + 1);
        assertThat(registry.get("firebreak_mentions_accepted").tag("source", "other").counter().count())
                .isEqualTo(10_000 - IngestMetrics.MAX_SOURCES);
    }

    @Test
    void aReasonThatIsNotAPlainFieldName_countsAsOther() {
        metrics.rejected("text\u202e: injected");
        metrics.rejected("x".repeat(200));
        metrics.rejected(null);
        assertThat(registry.find("firebreak_rejects").counters()).singleElement()
                .satisfies(c -> assertThat(c.getId().getTag("reason")).isEqualTo("other"));
    }
}
