package io.firebreak.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.transport.BackoffPolicy;
import io.firebreak.config.Settings;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Batches writes from every request into bulk calls (by count, size and time) and tells each
 * caller what happened to its own document.
 *
 * <p>Items refused with 429 are retried with exponential backoff by the ingester; a bulk call that
 * fails as a whole (Elasticsearch down, 5xx after the client's own retries) fails every future in
 * it with {@link StoreUnavailableException}, so callers can refuse rather than pretend to store.
 * When every slot is busy, {@link #index} blocks: that is the back-pressure on ingest.
 */
public final class BulkWriter implements AutoCloseable {

    /** What Elasticsearch said about one document. */
    public record Outcome(int status, String error) {
        public boolean ok() {
            return error == null && status >= 200 && status < 300;
        }
    }

    private final BulkIngester<CompletableFuture<Outcome>> ingester;

    public BulkWriter(ElasticsearchClient client, Settings.Ingest settings) {
        this.ingester = BulkIngester.of(b -> b
                .client(client)
                .maxOperations(settings.bulkMaxOperations())
                .maxSize(settings.bulkMaxBytes())
                .maxConcurrentRequests(settings.bulkConcurrency())
                .flushInterval(settings.bulkFlushMs(), TimeUnit.MILLISECONDS)
                .backoffPolicy(BackoffPolicy.exponentialBackoff(50L, 8))
                .listener(new CompletingListener()));
    }

    /** Queues an index (create-or-replace) of {@code document} under {@code id}. */
    public CompletableFuture<Outcome> index(String index, String id, Object document) {
        var done = new CompletableFuture<Outcome>();
        ingester.add(op -> op.index(i -> i.index(index).id(id).document(document)), done);
        return done;
    }

    /** Sends what is queued now instead of at the next interval. */
    public void flush() {
        ingester.flush();
    }

    @Override
    public void close() {
        ingester.close();
    }

    private static final class CompletingListener implements BulkListener<CompletableFuture<Outcome>> {
        @Override
        public void beforeBulk(long executionId, BulkRequest request, List<CompletableFuture<Outcome>> contexts) {
            // nothing to prepare
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<CompletableFuture<Outcome>> contexts,
                              BulkResponse response) {
            List<BulkResponseItem> items = response.items();
            for (int i = 0; i < contexts.size(); i++) {
                BulkResponseItem item = items.get(i);
                String error = item.error() == null ? null : item.error().type() + ": " + item.error().reason();
                contexts.get(i).complete(new Outcome(item.status(), error));
            }
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<CompletableFuture<Outcome>> contexts,
                              Throwable failure) {
            var unavailable = new StoreUnavailableException("Elasticsearch did not take the bulk request: " + failure, failure);
            contexts.forEach(c -> c.completeExceptionally(unavailable));
        }
    }
}
