package io.firebreak.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ceiling's sender, in a JVM of its own: it POSTs ready {@code _bulk} bodies with the JDK's HTTP
 * client, {@code concurrency} at a time. Kept out of the pipeline's JVM so that its allocations and
 * the code it makes the JIT compile do not land on the pipeline's clock, nor the pipeline's on its.
 *
 * <p>It answers its parent over stdin/stdout, one line each way: {@code load BATCH FILE} (a file of
 * NDJSON index operations, two lines each, cut here into bodies of BATCH) is answered {@code ready}; {@code go CONCURRENCY} is answered {@code done NANOS}
 * once every body is stored, or {@code error ...}. The cluster's URL is the first argument; an
 * Authorization header, if any, comes in the environment ({@value #AUTHORIZATION}), not on the
 * command line where any user could read it.
 */
public final class CeilingSender {

    static final String AUTHORIZATION = "FIREBREAK_CEILING_AUTHORIZATION";

    private final URI bulk;
    private final String authorization;
    private final JsonFactory json = new JsonFactory();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private CeilingSender(URI bulk, String authorization) {
        this.bulk = bulk;
        this.authorization = authorization;
    }

    public static void main(String[] args) throws Exception {
        var sender = new CeilingSender(URI.create(args[0]), System.getenv(AUTHORIZATION));
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<byte[]> bodies = List.of();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            try {
                if (line.startsWith("load ")) {
                    String[] words = line.split(" ", 3);
                    bodies = List.of();
                    bodies = read(Path.of(words[2]), Integer.parseInt(words[1]));
                    out.println("ready");
                } else if (line.startsWith("go ")) {
                    out.println("done " + sender.send(bodies, Integer.parseInt(line.substring(3).strip())));
                }
            } catch (Exception e) {
                out.println("error " + e.toString().replace('\n', ' '));
            }
        }
    }

    /** The operations in the file, {@code batch} to a body (each operation is an action line and a document line). */
    private static List<byte[]> read(Path file, int batch) throws IOException {
        byte[] all = Files.readAllBytes(file);
        var bodies = new ArrayList<byte[]>();
        int start = 0;
        int lines = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n' && ++lines == 2 * batch) {
                bodies.add(Arrays.copyOfRange(all, start, i + 1));
                start = i + 1;
                lines = 0;
            }
        }
        if (start < all.length) {
            bodies.add(Arrays.copyOfRange(all, start, all.length));
        }
        return bodies;
    }

    /** Sends every body, {@code concurrency} at a time; returns the nanoseconds from the first send to the last answer. */
    private long send(List<byte[]> bodies, int concurrency) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(concurrency);
        var next = new AtomicInteger();
        long t0 = System.nanoTime();
        try {
            var done = new ArrayList<Future<?>>();
            for (int s = 0; s < concurrency; s++) {
                done.add(senders.submit(() -> {
                    for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                        post(bodies.get(i));
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
        return System.nanoTime() - t0;
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
