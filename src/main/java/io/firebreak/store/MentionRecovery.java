package io.firebreak.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import io.firebreak.incident.Incident;
import io.firebreak.incident.Recovery;
import io.firebreak.incident.ReportChart;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How an incident's brand recovered, from its indexed mentions: the negative share of the week before
 * detection (its usual level), then hour by hour from detection for {@link Recovery#SPAN}; and its mentions
 * per bucket for the report's chart.
 */
public final class MentionRecovery implements Recovery.Lookup, ReportChart.Buckets {

    static final Duration BASELINE = Duration.ofDays(7);
    static final Duration SPAN = Recovery.SPAN;

    private final ElasticsearchClient client;
    private final MentionStore store;

    public MentionRecovery(ElasticsearchClient client, MentionStore store) {
        this.client = client;
        this.store = store;
    }

    @Override
    public Recovery of(Incident incident) {
        Instant detected = incident.detectedAt();
        try {
            long[] before = counts(incident.brand(), detected.minus(BASELINE), detected);
            Instant to = detected.plus(SPAN);
            var response = client.search(s -> s.index(store.alias()).ignoreUnavailable(true).allowNoIndices(true).size(0)
                    .query(q -> brandBetween(q, incident.brand(), detected, to))
                    .aggregations("hours", a -> a.dateHistogram(h -> h.field("created_at").fixedInterval(i -> i.time("1h"))
                                    .minDocCount(1))
                            .aggregations("negative", n -> n.filter(f -> f.term(t -> t.field("sentiment.label").value("negative"))))),
                    Void.class);
            List<Recovery.Hour> hours = new ArrayList<>();
            var agg = response.aggregations().get("hours");
            if (agg != null) {
                for (DateHistogramBucket b : agg.dateHistogram().buckets().array()) {
                    hours.add(new Recovery.Hour(Instant.ofEpochMilli(b.key()), b.docCount(),
                            b.aggregations().get("negative").filter().docCount()));
                }
            }
            if (before[0] == 0 && hours.isEmpty()) {
                return null;
            }
            return Recovery.of(before[0] == 0 ? 0 : (double) before[1] / before[0], before[0], hours);
        } catch (IOException | RuntimeException e) {
            return null; // the report says it could not be told
        }
    }

    @Override
    public Map<Instant, Long> count(String brand, Instant from, Instant to, Duration bucket) {
        Map<Instant, Long> out = new LinkedHashMap<>();
        try {
            var response = client.search(s -> s.index(store.alias()).ignoreUnavailable(true).allowNoIndices(true).size(0)
                    .query(q -> brandBetween(q, brand, from, to))
                    .aggregations("buckets", a -> a.dateHistogram(h -> h.field("created_at")
                            .fixedInterval(i -> i.time(bucket.toMinutes() + "m")).minDocCount(1))), Void.class);
            var agg = response.aggregations().get("buckets");
            if (agg != null) {
                for (DateHistogramBucket b : agg.dateHistogram().buckets().array()) {
                    out.put(Instant.ofEpochMilli(b.key()), b.docCount());
                }
            }
        } catch (IOException | RuntimeException e) {
            return null; // the report falls back to the series the alert last showed
        }
        return out;
    }

    private long[] counts(String brand, Instant from, Instant to) throws IOException {
        var response = client.search(s -> s.index(store.alias()).ignoreUnavailable(true).allowNoIndices(true).size(0)
                .trackTotalHits(t -> t.enabled(true)).query(q -> brandBetween(q, brand, from, to))
                .aggregations("negative", n -> n.filter(f -> f.term(t -> t.field("sentiment.label").value("negative")))),
                Void.class);
        long total = response.hits().total() == null ? 0 : response.hits().total().value();
        var negative = response.aggregations().get("negative");
        return new long[] {total, negative == null ? 0 : negative.filter().docCount()};
    }

    private static co.elastic.clients.util.ObjectBuilder<co.elastic.clients.elasticsearch._types.query_dsl.Query> brandBetween(
            co.elastic.clients.elasticsearch._types.query_dsl.Query.Builder q, String brand, Instant from, Instant to) {
        return q.bool(b -> b.filter(f -> f.term(t -> t.field("brands").value(FieldValue.of(brand))))
                .filter(f -> f.range(r -> r.date(d -> d.field("created_at").gte(from.toString()).lt(to.toString())))));
    }
}
