package io.firebreak.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.firebreak.enrich.Enricher;
import io.firebreak.mention.Mention;
import io.firebreak.store.Elastic;
import io.firebreak.store.MentionDocument;
import io.firebreak.store.MentionStore;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The true ceiling of this Elasticsearch on this machine: the documents the pipeline would store,
 * enriched and serialised into NDJSON {@code _bulk} bodies before the clock starts, then POSTed with
 * the JDK's HTTP client straight to {@code /_bulk}, {@code concurrency} bodies at a time, by a
 * {@link CeilingSender} in a JVM of its own. No work per document is left on the client side, so what
 * the machine spends here is Elasticsearch's own cost of storing them; the pipeline's CPU per mention
 * minus this one is Firebreak's. The answer is asked for filtered as the pipeline asks for it.
 */
final class BulkCeiling implements AutoCloseable {

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

    /** Documents serialised into a file of NDJSON bulk operations, to be cut into bodies of {@code batch} each. */
    record Bodies(Path file, int batch, int documents) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            Files.deleteIfExists(file);
        }
    }

    /** What the answer is filtered to: the pipeline's filter, and the flag that says whether any item failed. */
    static final String FILTER_PATH = "errors,items.*.status,items.*.error.type,items.*.error.reason";

    private final MentionStore store;
    private final Enricher enricher;
    private final ObjectWriter documents;
    private final JsonFactory json;
    private final Process sender;
    private final BufferedWriter toSender;
    private final BufferedReader fromSender;

    /**
     * @param store         names the daily index of each document (the arm's own prefix)
     * @param authorization an {@code Authorization} header value for a secured cluster, or null
     */
    BulkCeiling(String elasticsearchUrl, String authorization, MentionStore store, Enricher enricher) throws IOException {
        this.store = store;
        this.enricher = enricher;
        // the document mapper the service's client uses, so the ceiling stores byte-for-byte what the pipeline does
        ObjectMapper mapper = Elastic.documentMapper();
        this.documents = mapper.writerFor(MentionDocument.class).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        this.json = mapper.getFactory();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                CeilingSender.class.getName(), elasticsearchUrl.replaceAll("/+$", "") + "/_bulk?filter_path=" + FILTER_PATH)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        if (authorization != null) {
            command.environment().put(CeilingSender.AUTHORIZATION, authorization);
        }
        this.sender = command.start();
        this.toSender = new BufferedWriter(new OutputStreamWriter(sender.getOutputStream(), StandardCharsets.UTF_8));
        this.fromSender = new BufferedReader(new InputStreamReader(sender.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * Enriches and serialises the mentions into a file of index operations, read by the sender as bodies of
     * {@code batch} operations each; not timed. Written as it goes, so no body of megabytes is ever held here.
     */
    Bodies serialise(List<Mention> mentions, int batch) throws IOException {
        Instant now = Instant.now();
        Path file = Files.createTempFile("firebreak-ceiling", ".ndjson");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (Mention m : mentions) {
                try (JsonGenerator g = json.createGenerator(out)) {
                    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                    g.writeStartObject();
                    g.writeObjectFieldStart("index");
                    g.writeStringField("_index", store.indexFor(m.createdAt()));
                    g.writeStringField("_id", m.key());
                    g.writeEndObject();
                    g.writeEndObject();
                }
                out.write('\n');
                documents.writeValue(out, MentionDocument.of(enricher.apply(m), now));
                out.write('\n');
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new Bodies(file, batch, mentions.size());
    }

    /** Hands the bodies to the sender, then lets it send them, {@code concurrency} at a time, and reads what that cost. */
    Measure send(Bodies bodies, Cell cell) throws IOException {
        try (bodies) {
            ask("load " + bodies.batch() + " " + bodies.file(), "ready");
            MachineCpu before = MachineCpu.now();
            ProcessCpu processesBefore = ProcessCpu.now();
            String done = ask("go " + cell.concurrency(), "done ");
            MachineCpu cpu = MachineCpu.now().since(before);
            ProcessCpu processes = ProcessCpu.now().since(processesBefore);
            double seconds = Long.parseLong(done.substring("done ".length()).strip()) / 1e9;
            return new Measure(cell, bodies.documents(), seconds, cpu, processes);
        }
    }

    private String ask(String command, String expected) throws IOException {
        toSender.write(command);
        toSender.newLine();
        toSender.flush();
        String answer = fromSender.readLine();
        if (answer == null || !answer.startsWith(expected)) {
            throw new IllegalStateException("the ceiling's sender answered " + answer + " to " + command);
        }
        return answer;
    }

    @Override
    public void close() {
        sender.destroy();
    }
}
