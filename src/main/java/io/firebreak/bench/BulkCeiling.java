package io.firebreak.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.firebreak.enrich.Enricher;
import io.firebreak.mention.Mention;
import io.firebreak.store.Elastic;
import io.firebreak.store.MentionDocument;
import io.firebreak.store.MentionStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The true ceiling of this Elasticsearch on this machine: the documents the pipeline would store,
 * enriched and serialised into NDJSON {@code _bulk} bodies before the clock starts, then POSTed with
 * the JDK's HTTP client straight to {@code /_bulk}, {@code concurrency} bodies at a time. No work per
 * document is left on the client side, so what the machine spends here is Elasticsearch's own cost of
 * storing them; the pipeline's CPU per mention minus this one is Firebreak's.
 */
final class BulkCeiling {

    /** One point of the sweep: documents per bulk request, requests in flight. */
    record Cell(int batch, int concurrency) {
        @Override
        public String toString() {
            return String.format("%,d x %d", batch, concurrency);
        }
    }

    /** What one or more runs of a cell indexed, in how long, at what CPU (the whole machine's, and the bench's processes'). */
    record Measure(Cell cell, long documents, double seconds, MachineCpu cpu, ProcessCpu processes) {
        static Measure none(Cell cell) {
            return new Measure(cell, 0, 0, new MachineCpu(0, 0, 0), ProcessCpu.ZERO);
        }

        double docsPerSecond() {
            return seconds == 0 ? 0 : documents / seconds;
        }

        /** Machine CPU (every process) per document, in microseconds. */
        double cpuMicrosPerDoc() {
            return documents == 0 ? Double.NaN : 1e6 * cpu.busySeconds() / documents;
        }

        /** CPU of this JVM and Elasticsearch per document, in microseconds: what other tenants of the machine do is left out. */
        double processMicrosPerDoc() {
            return documents == 0 ? Double.NaN : 1e6 * processes.seconds() / documents;
        }

        Measure plus(Measure other) {
            return new Measure(cell, documents + other.documents, seconds + other.seconds, cpu.plus(other.cpu),
                    processes.plus(other.processes));
        }
    }

    /** Bodies ready to send and how many documents they hold. */
    record Bodies(List<byte[]> bodies, int documents) {}

    private final URI bulk;
    private final String authorization;
    private final MentionStore store;
    private final Enricher enricher;
    private final ObjectWriter documents;
    private final JsonFactory json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param store         names the daily index of each document (the arm's own prefix)
     * @param authorization an {@code Authorization} header value for a secured cluster, or null
     */
    BulkCeiling(String elasticsearchUrl, String authorization, MentionStore store, Enricher enricher) {
        this.bulk = URI.create(elasticsearchUrl.replaceAll("/+$", "") + "/_bulk");
        this.authorization = authorization;
        this.store = store;
        this.enricher = enricher;
        // the document mapper the service's client uses, so the ceiling stores byte-for-byte what the pipeline does
        ObjectMapper mapper = Elastic.documentMapper();
        this.documents = mapper.writerFor(MentionDocument.class);
        this.json = mapper.getFactory();
    }

    /** Enriches and serialises the mentions into bodies of {@code batch} index operations each; not timed. */
    Bodies serialise(List<Mention> mentions, int batch) {
        Instant now = Instant.now();
        var bodies = new ArrayList<byte[]>(mentions.size() / batch + 1);
        var body = new ByteArrayOutputStream(batch * 700);
        try {
            for (int i = 0; i < mentions.size(); i++) {
                Mention m = mentions.get(i);
                try (JsonGenerator g = json.createGenerator(body)) {
                    g.writeStartObject();
                    g.writeObjectFieldStart("index");
                    g.writeStringField("_index", store.indexFor(m.createdAt()));
                    g.writeStringField("_id", m.key());
                    g.writeEndObject();
                    g.writeEndObject();
                }
                body.write('\n');
                documents.writeValue(body, MentionDocument.of(enricher.apply(m), now));
                body.write('\n');
                if ((i + 1) % batch == 0 || i == mentions.size() - 1) {
                    bodies.add(body.toByteArray());
                    body.reset();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Bodies(bodies, mentions.size());
    }

    /** Sends the bodies, {@code concurrency} at a time, and reads what that cost the machine. */
    Measure send(Bodies bodies, Cell cell) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(cell.concurrency());
        var next = new AtomicInteger();
        MachineCpu before = MachineCpu.now();
        ProcessCpu processesBefore = ProcessCpu.now();
        long t0 = System.nanoTime();
        try {
            var done = new ArrayList<Future<?>>();
            for (int s = 0; s < cell.concurrency(); s++) {
                done.add(senders.submit(() -> {
                    for (int i = next.getAndIncrement(); i < bodies.bodies().size(); i = next.getAndIncrement()) {
                        post(bodies.bodies().get(i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            senders.shutdown();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Measure(cell, bodies.documents(), seconds, MachineCpu.now().since(before),
                ProcessCpu.now().since(processesBefore));
    }

    private void post(byte[] body) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(bulk)
                .header("Content-Type", "application/x-ndjson")
                .timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200 || hasErrors(r.body())) {
            // a ceiling that lost documents would flatter itself: every item must be stored
            String answer = new String(r.body(), 0, Math.min(r.body().length, 600), StandardCharsets.UTF_8);
            throw new IllegalStateException("the ceiling's bulk request answered " + r.statusCode() + ": " + answer);
        }
    }

    /** The top-level {@code errors} flag of a bulk response, read without building the whole answer. */
    private boolean hasErrors(byte[] response) throws IOException {
        try (JsonParser p = json.createParser(response)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return true;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("errors".equals(field)) {
                    return value != JsonToken.VALUE_FALSE;
                }
                p.skipChildren();
            }
            return true;
        }
    }
}
