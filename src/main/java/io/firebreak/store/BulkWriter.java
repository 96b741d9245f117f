package io.firebreak.store;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.util.BinaryData;
import io.firebreak.config.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batches writes from every request into bulk calls and tells each caller what happened to its own
 * document.
 *
 * <p>The shape is one queue and one sender thread: callers serialise their document and queue it;
 * the sender takes the first write, waits for one of {@code bulk_concurrency} request slots, then
 * sends it with whatever queued behind it meanwhile (up to {@code bulk_max_operations} or
 * {@code bulk_max_bytes}). An idle writer sends a lone write at once, no timer; under load the
 * batches fill while the slots are busy.
 *
 * <p>Only the sender ever waits for a slot, and a caller only ever waits for room in the queue, which
 * is how ingest feels back-pressure; it waits at most {@code request_timeout_s}, then gets
 * {@link StoreUnavailableException} (HTTP 503) rather than hanging. The Java client's own
 * BulkIngester was used here before: with many request threads adding at once it could leave a
 * caller parked for good (elastic/elasticsearch-java#651), which the benchmark hit.
 *
 * <p>Items refused with 429 are queued again with exponential backoff (50 ms doubling, 8 tries); a
 * bulk call that fails as a whole (Elasticsearch down, 5xx after the client's own retries) fails
 * every future in it with {@link StoreUnavailableException}, so callers can refuse rather than
 * pretend to store.
 */
public final class BulkWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BulkWriter.class);
    private static final int MAX_TRIES = 8;
    private static final long FIRST_BACKOFF_MS = 50;
    // the action line of an index operation ({"index":{"_index":...,"_id":...}}) beside its document
    private static final int ACTION_BYTES = 64;
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** What Elasticsearch said about one document. */
    public record Outcome(int status, String error) {
        public boolean ok() {
            return error == null && status >= 200 && status < 300;
        }
    }

    /** One document on its way; {@code tries} counts the sends so far. */
    private record Write(String index, String id, BinaryData document, CompletableFuture<Outcome> done, int tries) {
        long bytes() {
            return ACTION_BYTES + index.length() + id.length() + document.size();
        }

        Write retried() {
            return new Write(index, id, document, done, tries + 1);
        }
    }

    private final ElasticsearchAsyncClient client;
    private final JsonpMapper mapper;
    private final int maxOperations;
    private final long maxBytes;
    private final Duration admission;
    private final BlockingQueue<Write> queue;
    private final Semaphore slots;
    private final AtomicInteger unfinished = new AtomicInteger();
    private final LongAdder requests = new LongAdder();
    private final LongAdder documents = new LongAdder();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "bulk-retry"));
    private final Thread sender;
    private volatile boolean closed;
    private volatile boolean abandoned;

    public BulkWriter(ElasticsearchClient client, Settings.Ingest settings) {
        this(new ElasticsearchAsyncClient(client._transport(), client._transportOptions()), settings.bulkMaxOperations(),
                settings.bulkMaxBytes(), settings.bulkConcurrency(), Duration.ofSeconds(settings.requestTimeoutS()));
    }

    /**
     * @param admission how long a caller may wait for room in the queue before it is told Elasticsearch
     *                  is not keeping up
     */
    BulkWriter(ElasticsearchAsyncClient client, int maxOperations, long maxBytes, int concurrency, Duration admission) {
        this.client = client;
        this.mapper = client._jsonpMapper();
        this.maxOperations = maxOperations;
        this.maxBytes = maxBytes;
        this.admission = admission;
        this.slots = new Semaphore(concurrency);
        // room for a batch being filled behind every request in flight: enough to keep Elasticsearch busy,
        // small enough that a stalled cluster pushes back on callers within one batch or two
        this.queue = new ArrayBlockingQueue<>(maxOperations * (concurrency + 1));
        this.sender = daemon(this::sendLoop, "bulk-sender");
        sender.start();
    }

    /**
     * Queues an index (create-or-replace) of {@code document} under {@code id}; the document is
     * serialised here, on the caller's thread.
     *
     * @throws StoreUnavailableException when the queue stayed full for the whole admission time
     */
    public CompletableFuture<Outcome> index(String index, String id, Object document) {
        if (closed) {
            throw new IllegalStateException("the bulk writer is closed");
        }
        var write = new Write(index, id, BinaryData.of(document, mapper), new CompletableFuture<>(), 0);
        unfinished.incrementAndGet();
        try {
            if (!queue.offer(write, admission.toNanos(), TimeUnit.NANOSECONDS)) {
                unfinished.decrementAndGet();
                throw new StoreUnavailableException("Elasticsearch took no writes for " + admission.toMillis()
                        + " ms: " + queue.size() + " documents are waiting", null);
            }
        } catch (InterruptedException e) {
            unfinished.decrementAndGet();
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting to queue a write", e);
        }
        return write.done();
    }

    /** Bulk requests sent so far (a 429 retry counts again). */
    public long requests() {
        return requests.sum();
    }

    /** Documents sent so far in bulk requests (a 429 retry counts again). */
    public long documents() {
        return documents.sum();
    }

    /** Documents queued or in flight whose outcome is not known yet. */
    public int unfinished() {
        return unfinished.get();
    }

    /** Stops taking writes, sends what is queued and waits (up to a minute) for every outcome. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            sender.join(TimeUnit.MINUTES.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (sender.isAlive()) {
            LOG.warn("closed with {} writes whose outcome is unknown", unfinished.get());
            abandoned = true;
        }
        retries.shutdownNow();
    }

    private void sendLoop() {
        // after close, keep going until every write has its outcome: a 429 retry may still come back
        while (!abandoned && (!closed || unfinished.get() > 0)) {
            Write first;
            try {
                first = queue.poll(POLL_NANOS, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first != null) {
                // wait for a request slot with the first write in hand: what arrives meanwhile joins its batch, so
                // batches grow with load, and a lone write on an idle writer goes out at once
                slots.acquireUninterruptibly();
                send(batchFrom(first));
            }
        }
    }

    /** The first write and what is queued behind it now, up to a batch. */
    private List<Write> batchFrom(Write first) {
        List<Write> batch = new ArrayList<>(Math.min(maxOperations, queue.size() + 1));
        batch.add(first);
        long bytes = first.bytes();
        while (batch.size() < maxOperations && bytes < maxBytes) {
            Write next = queue.poll();
            if (next == null) {
                break;
            }
            batch.add(next);
            bytes += next.bytes();
        }
        return batch;
    }

    private void send(List<Write> batch) {
        var operations = new ArrayList<BulkOperation>(batch.size());
        for (Write w : batch) {
            operations.add(BulkOperation.of(op -> op.index(i -> i.index(w.index()).id(w.id()).document(w.document()))));
        }
        requests.increment();
        documents.add(batch.size());
        CompletableFuture<BulkResponse> response;
        try {
            response = client.bulk(BulkRequest.of(b -> b.operations(operations)));
        } catch (RuntimeException e) {
            response = CompletableFuture.failedFuture(e);
        }
        response.whenComplete((r, failure) -> {
            slots.release();
            if (failure != null) {
                var unavailable = new StoreUnavailableException("Elasticsearch did not take the bulk request: " + failure, failure);
                batch.forEach(w -> finish(w, null, unavailable));
            } else {
                settle(batch, r.items());
            }
        });
    }

    private void settle(List<Write> batch, List<BulkResponseItem> items) {
        for (int i = 0; i < batch.size(); i++) {
            Write w = batch.get(i);
            BulkResponseItem item = i < items.size() ? items.get(i) : null;
            if (item == null) {
                finish(w, new Outcome(500, "no answer for this item in the bulk response"), null);
            } else if (item.status() == 429 && w.tries() + 1 < MAX_TRIES) {
                // Elasticsearch is busy: this one goes round again, later, with the identity it had
                long delay = FIRST_BACKOFF_MS << w.tries();
                retries.schedule(() -> requeue(w.retried()), delay, TimeUnit.MILLISECONDS);
            } else {
                String error = item.error() == null ? null : item.error().type() + ": " + item.error().reason();
                finish(w, new Outcome(item.status(), error), null);
            }
        }
    }

    private void requeue(Write w) {
        try {
            queue.put(w);
        } catch (InterruptedException e) {
            finish(w, null, new StoreUnavailableException("the bulk writer closed before a retry", e));
        }
    }

    private void finish(Write w, Outcome outcome, RuntimeException failure) {
        unfinished.decrementAndGet();
        if (failure != null) {
            w.done().completeExceptionally(failure);
        } else {
            w.done().complete(outcome);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
