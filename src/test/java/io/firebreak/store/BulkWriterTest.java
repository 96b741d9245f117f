package io.firebreak.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.firebreak.config.Settings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bulk writer against a local stand-in for Elasticsearch's {@code _bulk} API that answers as told. */
class BulkWriterTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    private final ObjectMapper json = new ObjectMapper();
    private final List<Integer> requestSizes = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> triesById = new ConcurrentHashMap<>();
    private volatile BiFunction<String, Integer, Integer> statusFor = (id, tries) -> 201;
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private final CountDownLatch arrived = new CountDownLatch(1);
    private volatile int requestStatus = 200;
    private HttpServer server;
    private BulkWriter writer;

    @AfterEach
    void stop() {
        hold.countDown();
        if (writer != null) {
            writer.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void writesQueuedWhileTheSlotIsBusyGoOutTogetherAndEachCallerHearsOfItsOwn() throws Exception {
        statusFor = (id, tries) -> id.equals("bad") ? 400 : 201;
        hold = new CountDownLatch(1);
        writer = writer(3, 1, LONG);
        var futures = new ArrayList<CompletableFuture<BulkWriter.Outcome>>();
        futures.add(writer.index("mentions-2026.03.02", "first", Map.of("text", "post first")));
        // the first write holds the only slot; the rest queue behind it
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
        for (String id : List.of("a", "b", "bad", "c", "d", "e")) {
            futures.add(writer.index("mentions-2026.03.02", id, Map.of("text", "post " + id)));
        }
        hold.countDown();
        List<BulkWriter.Outcome> outcomes = new ArrayList<>();
        for (var f : futures) {
            outcomes.add(f.get(10, TimeUnit.SECONDS));
        }
        assertThat(requestSizes).containsExactly(1, 3, 3);
        assertThat(outcomes).extracting(BulkWriter.Outcome::ok).containsExactly(true, true, true, false, true, true, true);
        assertThat(outcomes.get(3).status()).isEqualTo(400);
        assertThat(outcomes.get(3).error()).isEqualTo("document_parsing_exception: refused by the stand-in");
    }

    @Test
    void aLoneWriteOnAnIdleWriterGoesOutByItself() throws Exception {
        writer = writer(1000, 1, LONG);
        BulkWriter.Outcome outcome = writer.index("m", "only", Map.of("text", "x")).get(10, TimeUnit.SECONDS);
        assertThat(outcome.ok()).isTrue();
        assertThat(requestSizes).containsExactly(1);
    }

    @Test
    void itemsRefusedWith429AreSentAgainUntilTaken() throws Exception {
        statusFor = (id, tries) -> id.equals("busy") && tries <= 2 ? 429 : 201;
        writer = writer(10, 2, LONG);
        var busy = writer.index("m", "busy", Map.of("text", "x"));
        var calm = writer.index("m", "calm", Map.of("text", "y"));
        assertThat(busy.get(10, TimeUnit.SECONDS).ok()).isTrue();
        assertThat(calm.get(10, TimeUnit.SECONDS).ok()).isTrue();
        assertThat(triesById.get("busy")).hasValue(3);
        assertThat(triesById.get("calm")).hasValue(1);
    }

    @Test
    void anItemStill429AfterEightTriesIsReportedAsRefused() throws Exception {
        statusFor = (id, tries) -> 429;
        writer = writer(10, 1, LONG);
        BulkWriter.Outcome outcome = writer.index("m", "never", Map.of("text", "x")).get(30, TimeUnit.SECONDS);
        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.status()).isEqualTo(429);
        assertThat(triesById.get("never")).hasValue(8);
    }

    @Test
    void aRequestThatFailsAsAWholeFailsEveryWriteInItAsUnavailable() throws Exception {
        requestStatus = 503;
        writer = writer(10, 1, LONG);
        var f = writer.index("m", "a", Map.of("text", "x"));
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("did not take the bulk request");
        assertThat(writer.unfinished()).isZero();
    }

    @Test
    void aStalledClusterPushesBackOnCallersInsteadOfHangingThem() throws Exception {
        hold = new CountDownLatch(1);
        writer = writer(2, 1, Duration.ofMillis(300));
        var admitted = new ArrayList<CompletableFuture<BulkWriter.Outcome>>();
        StoreUnavailableException refused = null;
        // one batch in flight, one waiting for a slot, two batches' room in the queue: then no more
        for (int i = 0; i < 20 && refused == null; i++) {
            try {
                admitted.add(writer.index("m", "w" + i, Map.of("text", "x")));
            } catch (StoreUnavailableException e) {
                refused = e;
            }
        }
        assertThat(refused).isNotNull().hasMessageContaining("took no writes for 300 ms");
        assertThat(admitted).hasSizeBetween(4, 8);
        assertThat(admitted).noneMatch(CompletableFuture::isDone);
        hold.countDown();
        for (var f : admitted) {
            assertThat(f.get(10, TimeUnit.SECONDS).ok()).isTrue();
        }
    }

    @Test
    void manyConcurrentCallersAllGetTheirAnswers() {
        writer = writer(100, 2, LONG);
        int threads = 16;
        int each = 400;
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                var callers = new ArrayList<Future<Integer>>();
                for (int t = 0; t < threads; t++) {
                    int caller = t;
                    callers.add(pool.submit(() -> {
                        var mine = new ArrayList<CompletableFuture<BulkWriter.Outcome>>();
                        for (int i = 0; i < each; i++) {
                            mine.add(writer.index("m", caller + "-" + i, Map.of("text", "x")));
                        }
                        int ok = 0;
                        for (var f : mine) {
                            ok += f.get().ok() ? 1 : 0;
                        }
                        return ok;
                    }));
                }
                int ok = 0;
                for (var c : callers) {
                    ok += c.get();
                }
                assertThat(ok).isEqualTo(threads * each);
            } finally {
                pool.shutdownNow();
            }
        });
        assertThat(triesById).hasSize(threads * each).allSatisfy((id, tries) -> assertThat(tries).hasValue(1));
        assertThat(requestSizes).allSatisfy(size -> assertThat(size).isBetween(1, 100));
        assertThat(writer.unfinished()).isZero();
    }

    @Test
    void closeWaitsForWhatIsQueuedAndThenRefusesMore() throws Exception {
        hold = new CountDownLatch(1);
        writer = writer(1000, 1, LONG);
        var first = writer.index("m", "first", Map.of("text", "x"));
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
        var queued = writer.index("m", "queued", Map.of("text", "y"));
        var closing = CompletableFuture.runAsync(writer::close);
        hold.countDown();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> closing.get());
        assertThat(first).isCompleted();
        assertThat(queued).isCompleted();
        assertThat(queued.get().ok()).isTrue();
        assertThatThrownBy(() -> writer.index("m", "late", Map.of())).isInstanceOf(IllegalStateException.class);
    }

    private BulkWriter writer(int maxOperations, int concurrency, Duration admission) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/_bulk", this::bulk);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        ElasticsearchClient sync = Elastic.connect("http://127.0.0.1:" + server.getAddress().getPort(),
                Settings.Credentials.NONE, null);
        return new BulkWriter(sync, maxOperations, 5_000_000, concurrency, admission);
    }

    /** Answers a bulk body item by item, as {@link #statusFor} says, after {@link #hold} opens; {@link #arrived} counts the first. */
    private void bulk(HttpExchange exchange) throws IOException {
        arrived.countDown();
        try {
            hold.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String[] lines = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("\n");
        ObjectNode answer = json.createObjectNode().put("took", 1).put("errors", false);
        ArrayNode items = answer.putArray("items");
        for (int i = 0; i + 1 < lines.length; i += 2) {
            var action = json.readTree(lines[i]).get("index");
            String id = action.get("_id").asText();
            int tries = triesById.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            int status = statusFor.apply(id, tries);
            ObjectNode item = items.addObject().putObject("index")
                    .put("_index", action.get("_index").asText()).put("_id", id).put("status", status);
            if (status == 429) {
                item.putObject("error").put("type", "es_rejected_execution_exception").put("reason", "busy");
            } else if (status >= 300) {
                item.putObject("error").put("type", "document_parsing_exception").put("reason", "refused by the stand-in");
            }
        }
        requestSizes.add(items.size());
        byte[] body = (requestStatus == 200 ? answer.toString() : "{\"error\":\"unavailable\",\"status\":503}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
        exchange.sendResponseHeaders(requestStatus, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
