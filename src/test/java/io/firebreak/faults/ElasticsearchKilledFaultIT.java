package io.firebreak.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.config.Home;
import io.firebreak.config.Settings;
import io.firebreak.enrich.Enrichers;
import io.firebreak.service.FirebreakService;
import io.firebreak.service.ScratchState;
import io.firebreak.service.TestService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Elasticsearch killed in the middle of 100,000 mentions sent over HTTP by 8 clients, then restarted by
 * the service: every mention the API accepted is indexed, exactly once; the requests it refused were told
 * to retry (503 with Retry-After) and went through on retry.
 */
class ElasticsearchKilledFaultIT {

    private static final int MENTIONS = 100_000;
    private static final int PER_REQUEST = 1_000;
    private static final int CLIENTS = 8;

    @Test
    void killedMidIngest_everyAcceptedMentionIndexedOnce_refusedRequestsSucceedOnRetry() throws Exception {
        Home home = TestService.home().withData(TestService.home().root().resolve("target/fault-data/es-killed"));
        ScratchState.wipe(home.data());
        // a service with an embedded Elasticsearch of its own: that one is killed, not the shared test server
        Settings settings = Settings.load(home.config("firebreak.yaml"), Map.of()).withFreeApiPort()
                .withIndexPrefix("fault-es-" + Long.toString(System.nanoTime(), 36));
        try (var service = FirebreakService.start(home, settings,
                FirebreakService.Wiring.of(Enrichers.standard(home), stored -> { }))) {
            Senders senders = new Senders(service.apiUrl());
            Instant start = Instant.parse("2026-03-02T00:00:00Z");
            AtomicInteger nextRequest = new AtomicInteger();
            AtomicLong accepted = new AtomicLong();
            AtomicInteger tellingToRetry = new AtomicInteger();
            int requests = MENTIONS / PER_REQUEST;
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> running = new java.util.ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    for (int r = nextRequest.getAndIncrement(); r < requests; r = nextRequest.getAndIncrement()) {
                        Senders.Sent sent = senders.untilAccepted(Senders.lines("m", r * PER_REQUEST, PER_REQUEST, start),
                                Duration.ofMinutes(5));
                        assertThat(sent.finalStatus()).as("request %d in the end", r).isEqualTo(200);
                        if (sent.refused() > 0 && sent.retryAfterGiven()) {
                            tellingToRetry.incrementAndGet();
                        }
                        accepted.addAndGet(PER_REQUEST);
                    }
                    return null;
                }));
            }
            // mid-ingest: kill the server for good measure, without a chance to flush anything
            while (accepted.get() < MENTIONS / 3) {
                Thread.sleep(20);
            }
            ProcessHandle server = embeddedServerOf(home);
            server.destroyForcibly();
            for (Future<?> f : running) {
                f.get(10, java.util.concurrent.TimeUnit.MINUTES);
            }
            clients.shutdown();

            assertThat(accepted.get()).isEqualTo(MENTIONS);
            assertThat(senders.refusals.get()).as("the outage was seen by the clients").isPositive();
            assertThat(tellingToRetry.get()).as("refused requests were told when to retry").isPositive();
            service.store().refresh();
            assertThat(service.store().count()).as("every accepted mention, once").isEqualTo(MENTIONS);
            assertThat(embeddedServerOf(home).pid()).as("restarted by the service").isNotEqualTo(server.pid());
        }
    }

    /** The embedded server whose data is under this home: a descendant of this JVM. */
    static ProcessHandle embeddedServerOf(Home home) {
        String root = home.data().toString();
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().arguments().map(List::of).orElse(List.of()).stream()
                        .anyMatch(a -> a.endsWith("org.elasticsearch.bootstrap.Elasticsearch")))
                .filter(p -> p.info().commandLine().orElse("").contains(root)
                        || p.info().arguments().map(List::of).orElse(List.of()).stream().anyMatch(a -> a.contains("es-killed")))
                .findFirst().orElseThrow(() -> new AssertionError("no embedded server under " + root));
    }
}
