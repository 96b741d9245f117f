package io.firebreak.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.SignificantStringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.firebreak.alert.Alert;
import io.firebreak.detect.Evidence;
import io.firebreak.enrich.ChineseText;
import io.firebreak.notify.AlertView;
import io.firebreak.notify.EvidenceLookup;
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
public final class AlertEvidence implements EvidenceLookup {

    private static final Logger log = LoggerFactory.getLogger(AlertEvidence.class);
    private static final Duration CHART_SPAN = Duration.ofHours(3);
    private static final int CHART_BUCKET_MINUTES = 5;
    private static final int WAVE_SAMPLE = 60;
    /** Significant terms looked up, and terms an alert shows (with the engine's). */
    private static final int TERMS = 5;
    private static final int TERMS_SHOWN = 6;
    /**
     * Posts a window needs before its significant terms mean anything: on a few dozen, significant_text
     * ranks function words (on, this) above the wave's words, and the engine's terms are better.
     */
    private static final long MIN_POSTS_FOR_TERMS = 50;

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

    @Override
    public AlertView view(Alert alert) {
        if (!alert.open()) {
            return closed(alert);
        }
        Instant until = alert.updatedAt() != null ? alert.updatedAt() : alert.firedAt();
        Instant from = until.minus(windowOf(alert));
        // independent searches, asked at once: an alert waits for the slowest, not the sum. The first message is
        // the one that must be fast, and a wave's newest posts are not searchable before the next refresh
        // anyway: it goes out with the engine's terms, and significant terms come with the next version
        var terms = alert.version() == 1 ? CompletableFuture.completedFuture(List.<String>of())
                : lookup(() -> significantTerms(alert.brand(), from, until.plusSeconds(60)));
        var posts = lookup(() -> topPosts(alert, alert.evidence().topMentions()));
        var series = lookup(() -> series(alert, until));
        var wave = lookup(() -> wave(alert, from, until.plusSeconds(60)));
        try {
            // the brand's own name says nothing about the wave; the engine's terms fill what the search left
            List<String> found = terms.get().stream().filter(t -> !namesBrand(t, alert.brand())).toList();
            Alert withTerms = found.isEmpty() ? alert : withTopTerms(alert, merged(found, alert.evidence().topTerms()));
            return new AlertView(withTerms, posts.get(), series.get(), wave.get());
        } catch (ExecutionException | RuntimeException e) {
            log.warn("alert {}: evidence lookup failed, sending the engine's evidence: {}", alert.alertId(), e.toString());
            return new AlertView(alert, List.of(), List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new AlertView(alert, List.of(), List.of());
        }
    }

    /**
     * A closed alert's view: no chart and no new terms, but its statement still names its wave, from the
     * negative posts of its whole life (its last window is the calm that closed it).
     */
    private AlertView closed(Alert alert) {
        Instant to = (alert.updatedAt() != null ? alert.updatedAt() : alert.firedAt()).plusSeconds(60);
        try {
            return new AlertView(alert, List.of(), List.of(), wave(alert, alert.firedAt().minus(windowOf(alert)), to));
        } catch (IOException | RuntimeException e) {
            log.warn("alert {}: its wave's posts could not be looked up, the statement uses the category's words: {}",
                    alert.alertId(), e.toString());
            return new AlertView(alert, List.of(), List.of());
        }
    }

    /** A term that is the brand's name, handle or hashtag ({@code acmeair} for {@code acme}). */
    static boolean namesBrand(String term, String brand) {
        return brand != null && !brand.isBlank()
                && term.toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s#@_]", "").contains(brand.toLowerCase(java.util.Locale.ROOT));
    }

    /** The search's terms first, then the engine's it did not find, as many as an alert shows. */
    static List<String> merged(List<String> found, List<String> engine) {
        var out = new java.util.LinkedHashSet<String>(found);
        if (engine != null) {
            out.addAll(engine);
        }
        return out.stream().limit(TERMS_SHOWN).toList();
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

    /**
     * The window's words that stand out against the brand's own history: Elasticsearch's analyser cuts
     * Chinese into single characters, so Chinese posts give theirs from the segmented {@code words} field,
     * and single Chinese characters are left out of the text's.
     */
    private List<String> significantTerms(String brand, Instant from, Instant to) throws IOException {
        Query ofBrand = Query.of(q -> q.term(t -> t.field("brands").value(brand)));
        var response = client.search(s -> s.index(store.alias()).size(0)
                .query(q -> q.bool(b -> b.filter(ofBrand)
                        .filter(f -> f.range(r -> r.date(d -> d.field("created_at").gte(from.toString()).lt(to.toString()))))))
                .aggregations("terms", a -> a.significantText(st -> st.field("text").size(TERMS * 2).minDocCount(3L)
                        .backgroundFilter(ofBrand).filterDuplicateText(true)))
                .aggregations("words", a -> a.significantTerms(st -> st.field("words").size(TERMS).minDocCount(3L)
                        .backgroundFilter(ofBrand))), Void.class);
        if (response.hits().total() == null || response.hits().total().value() < MIN_POSTS_FOR_TERMS) {
            return List.of();
        }
        List<SignificantStringTermsBucket> found = new ArrayList<>(response.aggregations().get("words").sigsterms().buckets().array());
        for (SignificantStringTermsBucket b : response.aggregations().get("terms").sigsterms().buckets().array()) {
            if (b.key().codePointCount(0, b.key().length()) > 1 || !ChineseText.hasHan(b.key())) {
                found.add(b);
            }
        }
        found.sort(java.util.Comparator.comparingDouble(SignificantStringTermsBucket::score).reversed());
        return found.stream().map(SignificantStringTermsBucket::key).distinct().limit(TERMS).toList();
    }

    /**
     * The wave's negative posts in the alert's window (of its category, unless "other"), most shared first:
     * what the holding statement's one-line summary is taken from.
     */
    private List<String> wave(Alert alert, Instant from, Instant to) throws IOException {
        var response = client.search(s -> s.index(store.alias()).size(WAVE_SAMPLE).source(src -> src.filter(f -> f.includes("text")))
                .query(q -> q.bool(b -> {
                    b.filter(f -> f.term(t -> t.field("brands").value(alert.brand())))
                            .filter(f -> f.term(t -> t.field("sentiment.label").value("negative")))
                            .filter(f -> f.range(r -> r.date(d -> d.field("created_at").gte(from.toString()).lt(to.toString()))));
                    if (!"other".equals(alert.category())) {
                        b.filter(f -> f.term(t -> t.field("category").value(alert.category())));
                    }
                    return b;
                }))
                .sort(o -> o.field(f -> f.field("engagement.shares").order(co.elastic.clients.elasticsearch._types.SortOrder.Desc))),
                MentionDocument.class);
        var out = new ArrayList<String>();
        for (var hit : response.hits().hits()) {
            if (hit.source() != null && hit.source().text() != null) {
                out.add(hit.source().text());
            }
        }
        return out;
    }

    /**
     * The top mentions' documents by id. A search would miss mentions indexed since the last refresh (up
     * to a second ago, the very posts of a wave just detected); a realtime multi-get finds them, but it
     * needs each one's index, which the mention key does not tell: every daily index of the alert's
     * window is asked.
     */
    private List<TopPost> topPosts(Alert alert, List<String> keys) throws IOException {
        if (keys.isEmpty()) {
            return List.of();
        }
        Instant until = alert.updatedAt() != null ? alert.updatedAt() : alert.firedAt();
        // a top mention is at most an hour older than the alert's minute (a notable post's lifetime in the rules)
        java.util.Set<String> days = new java.util.TreeSet<>(List.of(store.indexFor(until.minus(Duration.ofMinutes(65))),
                store.indexFor(until), store.indexFor(until.plus(Duration.ofMinutes(5)))));
        Map<String, TopPost> byKey = new LinkedHashMap<>();
        var response = client.mget(m -> {
            for (String day : days) {
                for (String key : keys) {
                    m.docs(d -> d.index(day).id(key));
                }
            }
            return m;
        }, MentionDocument.class);
        for (var doc : response.docs()) {
            if (doc.isResult() && doc.result().found() && doc.result().source() != null) {
                MentionDocument d = doc.result().source();
                String id = doc.result().id();
                byKey.put(id, new TopPost(id, d.text(), d.url(), d.author() == null ? null : d.author().handle(),
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
        Evidence e = a.evidence();
        return a.withEvidence(new Evidence(e.window(), e.count(), e.negativeCount(), e.baseline(), e.ratio(),
                e.negativeShare(), e.reach(), e.topMentions(), terms));
    }
}
