package io.firebreak.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.firebreak.enrich.EnrichedMention;
import io.firebreak.enrich.Enrichment;
import io.firebreak.mention.Mention;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The indexed mentions a restart needs to rebuild each brand's state: per brand, those from where its
 * {@link Start} says up to its newest mention, in event-time order. A wave in progress then continues
 * from its real counts instead of from zero.
 */
public final class RecentMentions {

    /** Brands asked for in one search: each adds a clause. */
    private static final int BRANDS_PER_SEARCH = 200;
    private static final int PAGE = 5_000;
    private static final int MAX_BRANDS = 10_000;

    /** Where a brand's replay starts, given its newest event time. */
    @FunctionalInterface
    public interface Start {
        Instant from(String brand, Instant newest);
    }

    /** Told each brand's mentions, oldest first, with when each arrived (its {@code ingested_at}). */
    @FunctionalInterface
    public interface Feed {
        void mention(String brand, EnrichedMention mention, Instant arrivedAt);
    }

    private final ElasticsearchClient client;
    private final MentionStore store;

    public RecentMentions(ElasticsearchClient client, MentionStore store) {
        this.client = client;
        this.store = store;
    }

    /** Each brand's newest event time. */
    public Map<String, Instant> newestByBrand() {
        try {
            // what was indexed just before a stop may not be searchable yet
            client.indices().refresh(r -> r.index(store.alias() + "*").ignoreUnavailable(true).allowNoIndices(true));
            var response = client.search(s -> s.index(store.alias()).ignoreUnavailable(true).allowNoIndices(true).size(0)
                    .aggregations("brands", a -> a.terms(t -> t.field("brands").size(MAX_BRANDS))
                            .aggregations("newest", n -> n.max(m -> m.field("created_at")))), Void.class);
            Map<String, Instant> out = new TreeMap<>();
            var brands = response.aggregations().get("brands");
            if (brands == null) {
                return out;
            }
            for (StringTermsBucket b : brands.sterms().buckets().array()) {
                double newest = b.aggregations().get("newest").max().value();
                out.put(b.key().stringValue(), Instant.ofEpochMilli((long) newest));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Feeds every brand's mentions from its start up to its newest one, brand group by brand group, each
     * in event-time order. Returns how many were fed.
     */
    public long replay(Start start, Feed feed) {
        Map<String, Instant> since = new TreeMap<>();
        newestByBrand().forEach((brand, newest) -> since.put(brand, start.from(brand, newest)));
        List<String> brands = new ArrayList<>(since.keySet());
        long fed = 0;
        for (int from = 0; from < brands.size(); from += BRANDS_PER_SEARCH) {
            List<String> group = brands.subList(from, Math.min(brands.size(), from + BRANDS_PER_SEARCH));
            fed += replayGroup(group, since, feed);
        }
        return fed;
    }

    private long replayGroup(List<String> brands, Map<String, Instant> starts, Feed feed) {
        List<Query> clauses = new ArrayList<>();
        for (String brand : brands) {
            String since = starts.get(brand).toString();
            clauses.add(Query.of(q -> q.bool(b -> b
                    .filter(f -> f.term(t -> t.field("brands").value(brand)))
                    .filter(f -> f.range(r -> r.date(d -> d.field("created_at").gte(since)))))));
        }
        java.util.Set<String> wanted = new java.util.HashSet<>(brands);
        long fed = 0;
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> searchAfter = after;
            SearchResponse<MentionDocument> page;
            try {
                page = client.search(s -> {
                    s.index(store.alias()).ignoreUnavailable(true).allowNoIndices(true).size(PAGE)
                            .query(q -> q.bool(b -> b.should(clauses).minimumShouldMatch("1")))
                            // event time, then the document's own (source, id): a total order without _id fielddata
                            .sort(o -> o.field(f -> f.field("created_at").order(SortOrder.Asc)))
                            .sort(o -> o.field(f -> f.field("source").order(SortOrder.Asc)))
                            .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                    if (searchAfter != null) {
                        s.searchAfter(searchAfter);
                    }
                    return s;
                }, MentionDocument.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<Hit<MentionDocument>> hits = page.hits().hits();
            for (Hit<MentionDocument> hit : hits) {
                MentionDocument d = hit.source();
                if (d == null || d.brands() == null) {
                    continue;
                }
                EnrichedMention em = enriched(d);
                for (String brand : d.brands()) {
                    Instant since = starts.get(brand);
                    if (since != null && wanted.contains(brand) && !d.createdAt().isBefore(since)) {
                        feed.mention(brand, em, d.ingestedAt() != null ? d.ingestedAt() : d.createdAt());
                        fed++;
                    }
                }
            }
            if (hits.size() < PAGE) {
                return fed;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    /** The mention as detection saw it when it was stored: text, author, reach and enrichment. */
    static EnrichedMention enriched(MentionDocument d) {
        MentionDocument.Author a = d.author();
        MentionDocument.Engagement e = d.engagement();
        Mention m = new Mention(d.id(), d.source(), d.createdAt(), d.text() == null ? "" : d.text(), d.brand(), d.lang(),
                d.url(), a == null ? null : new Mention.Author(a.id(), a.handle(), a.followers(), a.verified()),
                e == null ? null : new Mention.Engagement(e.shares(), e.likes(), e.replies()), d.reshareOf());
        MentionDocument.Sentiment s = d.sentiment();
        Enrichment enrichment = new Enrichment(d.lang(), s != null && s.scored(), s == null ? 0 : s.score(),
                s == null ? "unscored" : s.label(), d.brands() == null ? List.of() : d.brands(),
                d.category() == null ? "other" : d.category(),
                d.categoryTerms() == null ? List.of() : d.categoryTerms(), d.words() == null ? List.of() : d.words());
        return new EnrichedMention(m, enrichment);
    }
}
