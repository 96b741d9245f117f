package io.firebreak.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.SignificantStringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.firebreak.alert.Alert;
import io.firebreak.notify.AlertView;
import io.firebreak.notify.SeriesPoint;
import io.firebreak.notify.TopPost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an alert shows beyond the rule's numbers, read from the indexed mentions: the top posts'
 * text and authors, the spike's significant terms (the window against the brand's own history,
 * Elasticsearch {@code significant_text}), and the mentions-vs-baseline series for the chart. A
 * failed lookup leaves the alert as the engine made it: the evidence is help, never a blocker.
 */
public final class AlertEvidence {

    private static final Logger log = LoggerFactory.getLogger(AlertEvidence.class);
    private static final Duration CHART_SPAN = Duration.ofHours(3);
    private static final int CHART_BUCKET_MINUTES = 5;

    private final ElasticsearchClient client;
    private final MentionStore store;
    private final Executor lookups = Executors.newFixedThreadPool(3, r -> {
        Thread t = new Thread(r, "alert-evidence");
        t.setDaemon(true);
        return t;
    });

    public AlertEvidence(ElasticsearchClient client, MentionStore store) {
        this.client = client;
        this.store = store;
    }

    public List<AlertView> views(List<Alert> alerts, Instant now) {
        var out = new ArrayList<AlertView>(alerts.size());
        for (Alert alert : alerts) {
            out.add(view(alert, now));
        }
        return out;
    }

    AlertView view(Alert alert, Instant now) {
        if (alert.status() == Alert.Status.resolved) {
            return new AlertView(alert, List.of(), List.of());
        }
        Instant until = alert.updatedAt() != null ? alert.updatedAt() : alert.firedAt();
        Instant from = until.minus(windowOf(alert));
        // three independent searches: asked at once, an alert waits for the slowest, not the sum
        var terms = lookup(() -> significantTerms(alert.brand(), from, until.plusSeconds(60)));
        var posts = lookup(() -> topPosts(alert.evidence().topMentions()));
        var series = lookup(() -> series(alert, until));
        try {
            List<String> found = terms.get();
            Alert withTerms = found.isEmpty() ? alert : withTopTerms(alert, found);
            return new AlertView(withTerms, posts.get(), series.get());
        } catch (ExecutionException | RuntimeException e) {
            log.warn("alert {}: evidence lookup failed, sending the engine's evidence: {}", alert.alertId(), e.toString());
            return new AlertView(alert, List.of(), List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new AlertView(alert, List.of(), List.of());
        }
    }

    /** A search that may throw IOException. */
    private interface Search<T> {
        T run() throws IOException;
    }

    private <T> CompletableFuture<T> lookup(Search<T> search) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return search.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, lookups);
    }

    private List<String> significantTerms(String brand, Instant from, Instant to) throws IOException {
        Query ofBrand = Query.of(q -> q.term(t -> t.field("brands").value(brand)));
        var response = client.search(s -> s.index(store.alias()).size(0)
                .query(q -> q.bool(b -> b.filter(ofBrand)
                        .filter(f -> f.range(r -> r.date(d -> d.field("created_at").gte(from.toString()).lt(to.toString()))))))
                .aggregations("terms", a -> a.significantText(st -> st.field("text").size(5).minDocCount(3L)
                        .backgroundFilter(ofBrand).filterDuplicateText(true))), Void.class);
        var out = new ArrayList<String>();
        for (SignificantStringTermsBucket b : response.aggregations().get("terms").sigsterms().buckets().array()) {
            out.add(b.key());
        }
        return out;
    }

    private List<TopPost> topPosts(List<String> keys) throws IOException {
        if (keys.isEmpty()) {
            return List.of();
        }
        var response = client.search(s -> s.index(store.alias()).size(keys.size())
                .query(q -> q.ids(i -> i.values(keys))), MentionDocument.class);
        Map<String, TopPost> byKey = new LinkedHashMap<>();
        for (Hit<MentionDocument> hit : response.hits().hits()) {
            MentionDocument d = hit.source();
            if (d != null) {
                byKey.put(hit.id(), new TopPost(hit.id(), d.text(), d.url(), d.author() == null ? null : d.author().handle(),
                        d.author() == null ? 0 : d.author().followers(), d.engagement() == null ? 0 : d.engagement().shares()));
            }
        }
        var ordered = new ArrayList<TopPost>();
        for (String key : keys) {
            if (byKey.containsKey(key)) {
                ordered.add(byKey.get(key));
            }
        }
        return ordered;
    }

    private List<SeriesPoint> series(Alert alert, Instant until) throws IOException {
        Instant from = until.minus(CHART_SPAN);
        var response = client.search(s -> s.index(store.alias()).size(0)
                .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("brands").value(FieldValue.of(alert.brand()))))
                        .filter(f -> f.range(r -> r.date(d -> d.field("created_at").gte(from.toString()).lt(until.plusSeconds(60).toString()))))))
                .aggregations("series", a -> a.dateHistogram(h -> h.field("created_at")
                        .fixedInterval(i -> i.time(CHART_BUCKET_MINUTES + "m")).minDocCount(0)
                        .extendedBounds(e -> e.min(co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath.of(
                                m -> m.expr(from.toString()))).max(co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath.of(
                                m -> m.expr(until.toString())))))), Void.class);
        // the evidence baseline is the expected count of the alert's window; the chart wants it per bucket
        double perBucket = alert.evidence().baseline() * CHART_BUCKET_MINUTES / Math.max(1, windowOf(alert).toMinutes());
        var out = new ArrayList<SeriesPoint>();
        for (DateHistogramBucket b : response.aggregations().get("series").dateHistogram().buckets().array()) {
            out.add(new SeriesPoint(Instant.ofEpochMilli(b.key()), b.docCount(), perBucket));
        }
        return out;
    }

    private static Duration windowOf(Alert alert) {
        String w = alert.evidence().window();
        if (w != null && w.matches("\\d+m")) {
            return Duration.ofMinutes(Long.parseLong(w.substring(0, w.length() - 1)));
        }
        return Duration.ofMinutes(15);
    }

    private static Alert withTopTerms(Alert a, List<String> terms) {
        Alert.Evidence e = a.evidence();
        return new Alert(a.alertId(), a.rule(), a.brand(), a.category(), a.severity(), a.status(), a.firedAt(), a.updatedAt(),
                a.resolvedAt(), new Alert.Evidence(e.window(), e.count(), e.negativeCount(), e.baseline(), e.ratio(),
                        e.negativeShare(), e.reach(), e.topMentions(), terms), a.statement());
    }
}
