package io.firebreak.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.firebreak.mention.Rejection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Rejected input kept in Elasticsearch with its reasons and the raw item, so it can be listed,
 * fixed at the source or in config, and replayed: nothing sent to Firebreak silently disappears.
 */
public final class DeadLetters {

    /** One rejected item. {@code header} is the CSV header for a CSV row, else null. */
    public record Letter(
            String id,
            @JsonProperty("received_at") Instant receivedAt,
            String origin,
            String where,
            List<String> errors,
            String format,
            String header,
            String raw) {}

    private final ElasticsearchClient client;
    private final String index;

    public DeadLetters(ElasticsearchClient client, MentionStore store) {
        this.client = client;
        this.index = store.deadLetterIndex();
    }

    public CompletableFuture<BulkWriter.Outcome> add(BulkWriter writer, String origin, String csvHeader, Rejection r, Instant now) {
        var letter = new Letter(null, now, origin, r.where(), r.errors(), csvHeader == null ? "json" : "csv", csvHeader, r.raw());
        return writer.index(index, UUID.randomUUID().toString(), letter);
    }

    /** Newest first. */
    public List<Letter> list(int limit) {
        try {
            var response = client.search(s -> s.index(index).ignoreUnavailable(true).allowNoIndices(true)
                    .size(limit).sort(o -> o.field(f -> f.field("received_at").order(SortOrder.Desc))), Letter.class);
            var out = new ArrayList<Letter>();
            for (Hit<Letter> hit : response.hits().hits()) {
                Letter l = hit.source();
                out.add(new Letter(hit.id(), l.receivedAt(), l.origin(), l.where(), l.errors(), l.format(), l.header(), l.raw()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long count() {
        try {
            return client.count(c -> c.index(index).ignoreUnavailable(true).allowNoIndices(true)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(List<String> ids) {
        try {
            for (String id : ids) {
                client.delete(d -> d.index(index).id(id));
            }
            client.indices().refresh(r -> r.index(index));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
