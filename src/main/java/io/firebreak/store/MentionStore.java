package io.firebreak.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.cat.indices.IndicesRecord;
import io.firebreak.enrich.EnrichedMention;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mentions in Elasticsearch: one index per UTC day of event time ({@code <prefix>-mentions-2026.03.02})
 * behind the alias {@code <prefix>-mentions}, so retention drops whole days. A mention's day never
 * changes, so its (source, id) document id keeps re-sends idempotent.
 */
public final class MentionStore {

    private static final Logger log = LoggerFactory.getLogger(MentionStore.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC);

    private final ElasticsearchClient client;
    private final String prefix;
    private final int replicas;

    /**
     * @param replicas 0 for a single-node cluster (the embedded one), more for a real cluster
     */
    public MentionStore(ElasticsearchClient client, String prefix, int replicas) {
        this.client = client;
        this.prefix = prefix;
        this.replicas = replicas;
    }

    public String prefix() {
        return prefix;
    }

    /** Replicas of each index: 0 on a single node. */
    public int replicas() {
        return replicas;
    }

    public String alias() {
        return prefix + "-mentions";
    }

    public String deadLetterIndex() {
        return prefix + "-deadletters";
    }

    public String indexFor(Instant createdAt) {
        return alias() + "-" + DAY.format(createdAt);
    }

    /** Installs (or updates) the index templates; safe to call at every start. */
    public void installTemplates() {
        putTemplate(alias(), alias() + "-*", "/store/mentions-template.json");
        putTemplate(deadLetterIndex(), deadLetterIndex(), "/store/deadletters-template.json");
    }

    private void putTemplate(String name, String pattern, String resource) {
        try (InputStream in = MentionStore.class.getResourceAsStream(resource)) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${pattern}", pattern)
                    .replace("${alias}", alias())
                    .replace("${replicas}", String.valueOf(replicas));
            client.indices().putIndexTemplate(t -> t.name(name).withJson(new StringReader(json)));
            // indices made by an older template get its new fields too (adding one is allowed; changing one
            // fails here, loudly, instead of every write failing later against the strict mapping)
            String mappings = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("template")
                    .path("mappings").toString();
            client.indices().putMapping(m -> m.index(pattern).allowNoIndices(true).ignoreUnavailable(true)
                    .withJson(new StringReader(mappings)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install index template " + name, e);
        }
    }

    public boolean templatesInstalled() {
        try {
            return client.indices().existsIndexTemplate(e -> e.name(alias())).value();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public CompletableFuture<BulkWriter.Outcome> index(BulkWriter writer, EnrichedMention mention, Instant now) {
        return writer.index(indexFor(mention.mention().createdAt()), mention.mention().key(), MentionDocument.of(mention, now));
    }

    /** Makes recent writes visible to search (tests, status). */
    public void refresh() {
        try {
            client.indices().refresh(r -> r.index(alias() + "*", deadLetterIndex()).ignoreUnavailable(true).allowNoIndices(true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long count() {
        try {
            return client.count(c -> c.index(alias()).ignoreUnavailable(true).allowNoIndices(true)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Mentions per brand (matched or given), most first; mentions matching no brand under "(none)". */
    public Map<String, Long> countByBrand() {
        try {
            var response = client.search(s -> s
                    .index(alias()).ignoreUnavailable(true).allowNoIndices(true).size(0)
                    .aggregations("brands", a -> a.terms(t -> t.field("brands").size(500).missing("(none)"))), Void.class);
            var out = new LinkedHashMap<String, Long>();
            var brands = response.aggregations().get("brands");
            if (brands != null) {
                for (StringTermsBucket b : brands.sterms().buckets().array()) {
                    out.put(b.key().stringValue(), b.docCount());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Mentions per value of a keyword field (sentiment.label, category, ...) with event time in [from, to). */
    public Map<String, Long> countBy(String field, Instant from, Instant to) {
        try {
            var response = client.search(s -> s
                    .index(alias()).ignoreUnavailable(true).allowNoIndices(true).size(0)
                    .query(q -> q.range(r -> r.date(d -> d.field("created_at").gte(from.toString()).lt(to.toString()))))
                    .aggregations("by", a -> a.terms(t -> t.field(field).size(50))), Void.class);
            var out = new LinkedHashMap<String, Long>();
            for (StringTermsBucket b : response.aggregations().get("by").sterms().buckets().array()) {
                out.put(b.key().stringValue(), b.docCount());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes daily indices older than {@code days} before {@code now}; 0 keeps everything. */
    public List<String> applyRetention(int days, Instant now) {
        if (days <= 0) {
            return List.of();
        }
        LocalDate oldestKept = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(days);
        var dropped = new ArrayList<String>();
        try {
            for (IndicesRecord index : client.cat().indices(i -> i.index(alias() + "-*")).indices()) {
                LocalDate day = dayOf(index.index());
                if (day != null && day.isBefore(oldestKept)) {
                    client.indices().delete(d -> d.index(index.index()));
                    dropped.add(index.index());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!dropped.isEmpty()) {
            log.info("retention {} days: dropped {}", days, dropped);
        }
        return dropped;
    }

    private LocalDate dayOf(String index) {
        String suffix = index.substring(Math.min(index.length(), alias().length() + 1));
        try {
            return LocalDate.parse(suffix, DateTimeFormatter.ofPattern("yyyy.MM.dd"));
        } catch (DateTimeParseException notADailyIndex) {
            return null;
        }
    }
}
