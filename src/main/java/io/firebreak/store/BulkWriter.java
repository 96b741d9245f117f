package io.firebreak.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.ResponseListener;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batches writes from every request into bulk calls and tells each caller what happened to its own
 * document.
 *
 * <p>The shape is one queue and one sender thread: callers serialise their document, with its action
 * line, straight into the NDJSON the {@code _bulk} API reads, and queue those bytes; the sender takes
 * the first write, waits for one of {@code bulk_concurrency} request slots, then
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
 * <p>The bytes go out through the Java client's own low-level REST client (its hosts, credentials,
 * TLS and node retries), not its typed bulk API: that one copies every document again into operation
 * objects, writes it a second time into the request and builds a typed object for every item of the
 * answer, which cost more CPU per mention than the rest of ingest. The answer is asked for filtered
 * to each item's status and error and read with a streaming parser.
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
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** What Elasticsearch said about one document. */
    public record Outcome(int status, String error) {
        public boolean ok() {
            return error == null && status >= 200 && status < 300;
        }
    }

    /** All the answer says of each item, nothing else. */
    private static final String FILTER_PATH = "items.*.status,items.*.error.type,items.*.error.reason";
    private static final ContentType NDJSON = ContentType.create("application/x-ndjson");

    /** One document on its way, as its action and source lines; {@code tries} counts the sends so far. */
    private record Write(byte[] lines, CompletableFuture<Outcome> done, int tries) {
        long bytes() {
            return lines.length;
        }

        Write retried() {
            return new Write(lines, done, tries + 1);
        }
    }

    private final Rest5Client client;
    private final ObjectMapper mapper;
    private final JsonFactory json;
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
    private volatile Timer latency;
    private volatile Counter requestFailures;
    private volatile Counter itemFailures;

    public BulkWriter(ElasticsearchClient client, Settings.Ingest settings) {
        this(client, settings.bulkMaxOperations(), settings.bulkMaxBytes(), settings.bulkConcurrency(),
                Duration.ofSeconds(settings.requestTimeoutS()));
    }

    /**
     * @param client    a client on the REST transport ({@link Elastic#connect}); documents are written with
     *                  its Jackson mapper, so they are stored as its typed API would store them
     * @param admission how long a caller may wait for room in the queue before it is told Elasticsearch
     *                  is not keeping up
     */
    BulkWriter(ElasticsearchClient client, int maxOperations, long maxBytes, int concurrency, Duration admission) {
        if (!(client._transport() instanceof Rest5ClientTransport transport)
                || !(client._jsonpMapper() instanceof JacksonJsonpMapper jackson)) {
            throw new IllegalArgumentException("the bulk writer needs a client on the REST transport with a Jackson mapper, not "
                    + client._transport().getClass().getName());
        }
        this.client = transport.restClient();
        this.mapper = jackson.objectMapper();
        this.json = mapper.getFactory();
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
        var write = new Write(lines(index, id, document), new CompletableFuture<>(), 0);
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

    /** {@code {"index":{"_index":...,"_id":...}}}, a line break, the document, a line break: one operation of a bulk body. */
    private byte[] lines(String index, String id, Object document) {
        var out = new ByteArrayBuilder(512);
        try (JsonGenerator g = json.createGenerator(out)) {
            // the two lines are two root values: no separator but the line break
            g.setRootValueSeparator(null);
            g.writeStartObject();
            g.writeObjectFieldStart("index");
            g.writeStringField("_index", index);
            g.writeStringField("_id", id);
            g.writeEndObject();
            g.writeEndObject();
            g.writeRaw('\n');
            mapper.writeValue(g, document);
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise the document " + id, e);
        }
        return out.toByteArray();
    }

    /**
     * Shows the writer at {@code /metrics}: each bulk request's time to its answer
     * ({@code firebreak_bulk_latency}), requests Elasticsearch did not answer and items it refused
     * ({@code firebreak_bulk_failures} by kind), and the writes waiting in the queue
     * ({@code firebreak_bulk_queue_depth}).
     */
    public BulkWriter instrument(MeterRegistry registry) {
        latency = Timer.builder("firebreak_bulk_latency").description("one bulk request, sent to answered")
                .publishPercentileHistogram(false).register(registry);
        requestFailures = Counter.builder("firebreak_bulk_failures").description("bulk requests failed whole, or items refused")
                .tag("kind", "request").register(registry);
        itemFailures = Counter.builder("firebreak_bulk_failures").description("bulk requests failed whole, or items refused")
                .tag("kind", "item").register(registry);
        Gauge.builder("firebreak_bulk_queue_depth", queue, BlockingQueue::size)
                .description("writes queued for the next bulk request").register(registry);
        Gauge.builder("firebreak_bulk_unfinished", unfinished, AtomicInteger::get)
                .description("writes queued or in flight whose outcome is not known yet").register(registry);
        return this;
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
        var request = new Request("POST", "/_bulk");
        request.addParameter("filter_path", FILTER_PATH);
        request.setEntity(new BulkBody(batch));
        requests.increment();
        documents.add(batch.size());
        long started = System.nanoTime();
        try {
            client.performRequestAsync(request, new ResponseListener() {
                @Override
                public void onSuccess(Response response) {
                    slots.release();
                    record(started, null);
                    List<Outcome> outcomes;
                    try (InputStream in = response.getEntity().getContent()) {
                        outcomes = outcomes(in);
                    } catch (IOException | RuntimeException e) {
                        if (requestFailures != null) {
                            requestFailures.increment();
                        }
                        unavailable(batch, e);
                        return;
                    }
                    settle(batch, outcomes);
                }

                @Override
                public void onFailure(Exception failure) {
                    slots.release();
                    record(started, requestFailures);
                    unavailable(batch, failure);
                }
            });
        } catch (RuntimeException e) {
            slots.release();
            unavailable(batch, e);
        }
    }

    /**
     * A bulk request's body read straight from its writes, one after another: gluing them into one array first
     * would copy every byte once more, into arrays big enough to go straight to the collector's old generation.
     */
    private static final class BulkBody extends AbstractHttpEntity {
        private final List<Write> batch;
        private final long length;

        BulkBody(List<Write> batch) {
            super(NDJSON, null);
            this.batch = batch;
            long bytes = 0;
            for (Write w : batch) {
                bytes += w.lines().length;
            }
            this.length = bytes;
        }

        @Override
        public long getContentLength() {
            return length;
        }

        @Override
        public InputStream getContent() {
            return new InputStream() {
                private int write;
                private int at;
                private long left = length;

                @Override
                public int read() {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] into, int offset, int length) {
                    int copied = 0;
                    while (copied < length && write < batch.size()) {
                        byte[] lines = batch.get(write).lines();
                        int n = Math.min(length - copied, lines.length - at);
                        System.arraycopy(lines, at, into, offset + copied, n);
                        copied += n;
                        left -= n;
                        at += n;
                        if (at == lines.length) {
                            write++;
                            at = 0;
                        }
                    }
                    return copied == 0 && length > 0 ? -1 : copied;
                }

                @Override
                public int available() {
                    return (int) Math.min(Integer.MAX_VALUE, left);
                }
            };
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            for (Write w : batch) {
                out.write(w.lines());
            }
        }

        @Override
        public boolean isRepeatable() {
            return true;
        }

        @Override
        public boolean isStreaming() {
            return false;
        }

        @Override
        public void close() {
            // nothing held open: the writes are in memory
        }
    }

    private void record(long startedNanos, Counter failures) {
        Timer timer = latency;
        if (timer != null) {
            timer.record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
        }
        if (failures != null) {
            failures.increment();
        }
    }

    private void unavailable(List<Write> batch, Exception failure) {
        var unavailable = new StoreUnavailableException("Elasticsearch did not take the bulk request: " + failure, failure);
        batch.forEach(w -> finish(w, null, unavailable));
    }

    /** Each item's status and error ({@code type: reason}, null for none), in the order sent. */
    private List<Outcome> outcomes(InputStream answer) throws IOException {
        var out = new ArrayList<Outcome>();
        try (JsonParser p = json.createParser(answer)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the bulk answer is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                if (!"items".equals(field) || p.nextToken() != JsonToken.START_ARRAY) {
                    p.nextToken();
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    // {"index": {"status": 201, "error": {"type": ..., "reason": ...}}}
                    Outcome outcome = new Outcome(500, "no answer for this item in the bulk response");
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        if (p.nextToken() == JsonToken.START_OBJECT) {
                            outcome = item(p);
                        } else {
                            p.skipChildren();
                        }
                    }
                    out.add(outcome);
                }
            }
        }
        return out;
    }

    /** One item's result, the parser on its opening brace. */
    private static Outcome item(JsonParser p) throws IOException {
        int status = 500;
        String error = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if ("status".equals(field) && value == JsonToken.VALUE_NUMBER_INT) {
                status = p.getIntValue();
            } else if ("error".equals(field) && value == JsonToken.START_OBJECT) {
                String type = null;
                String reason = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    if ("type".equals(name)) {
                        type = p.getValueAsString();
                    } else if ("reason".equals(name)) {
                        reason = p.getValueAsString();
                    } else {
                        p.skipChildren();
                    }
                }
                error = type + ": " + reason;
            } else if ("error".equals(field) && value == JsonToken.VALUE_STRING) {
                error = p.getText();
            } else {
                p.skipChildren();
            }
        }
        return new Outcome(status, error);
    }

    private void settle(List<Write> batch, List<Outcome> outcomes) {
        for (int i = 0; i < batch.size(); i++) {
            Write w = batch.get(i);
            Outcome item = i < outcomes.size() ? outcomes.get(i) : null;
            if (item == null) {
                finish(w, new Outcome(500, "no answer for this item in the bulk response"), null);
            } else if (item.status() == 429 && w.tries() + 1 < MAX_TRIES) {
                // Elasticsearch is busy: this one goes round again, later, with the identity it had
                long delay = FIRST_BACKOFF_MS << w.tries();
                retries.schedule(() -> requeue(w.retried()), delay, TimeUnit.MILLISECONDS);
            } else {
                if (!item.ok() && itemFailures != null) {
                    itemFailures.increment();
                }
                finish(w, item, null);
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
