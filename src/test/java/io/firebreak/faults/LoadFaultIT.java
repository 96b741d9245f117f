package io.firebreak.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.firebreak.config.Home;
import io.firebreak.config.Settings;
import io.firebreak.service.FirebreakService;
import io.firebreak.service.ScratchState;
import io.firebreak.service.TestService;
import io.firebreak.service.Wirings;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;

/**
 * A load run: 8 clients sending as fast as the service takes it, for a bounded time, through the whole
 * live pipeline (detection and alerts included): every request is answered 200, and the heap that
 * survives each collection stays bounded.
 */
class LoadFaultIT {

    private static final Duration RUN = Duration.ofSeconds(60);
    private static final int CLIENTS = 8;
    private static final int PER_REQUEST = 500;

    @Test
    void eightClientsForAMinute_noErrors_memoryBounded() throws Exception {
        Home home = TestService.home().withData(TestService.home().root().resolve("target/fault-data/load"));
        ScratchState.wipe(home.data());
        Settings settings = Settings.load(home.config("firebreak.yaml"), Map.of()).withFreeApiPort()
                .withElasticsearchUrl(TestService.get().elasticsearchUrl())
                .withIndexPrefix("fault-load-" + Long.toString(System.nanoTime(), 36));
        AtomicLong livePeak = watchLiveHeap();
        try (var service = FirebreakService.start(home, settings,
                Wirings.live(home, Map.of(), new PrintStream(OutputStream.nullOutputStream())))) {
            Senders senders = new Senders(service.apiUrl());
            AtomicInteger next = new AtomicInteger();
            AtomicLong sent = new AtomicLong();
            Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
            // ten milliseconds of event time a mention: a day back holds well over a minute of sending
            Instant start = Instant.now().minus(Duration.ofDays(1));
            long deadline = System.nanoTime() + RUN.toNanos();
            livePeak.set(0);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        int r = next.getAndIncrement();
                        HttpResponse<String> answer = senders.once(Senders.lines("load", r * PER_REQUEST, PER_REQUEST, start));
                        statuses.merge(answer == null ? 0 : answer.statusCode(), 1, Integer::sum);
                        sent.addAndGet(PER_REQUEST);
                    }
                });
            }
            clients.shutdown();
            assertThat(clients.awaitTermination(RUN.toSeconds() + 120, TimeUnit.SECONDS)).isTrue();

            System.out.printf("load: %,d mentions in %d s from %d clients, %.0f/s; answers %s; heap after collections at most %.0f MB%n",
                    sent.get(), RUN.toSeconds(), CLIENTS, sent.get() / (double) RUN.toSeconds(), statuses,
                    livePeak.get() / 1_048_576.0);
            assertThat(statuses).as("every request stored whole").containsOnlyKeys(200);
            assertThat(livePeak.get()).as("heap that survives a collection").isLessThan(512L * 1_048_576);
            service.store().refresh();
            assertThat(service.store().count()).isEqualTo(sent.get());
        }
    }

    /** The largest heap in use right after a collection, from now on. */
    private static AtomicLong watchLiveHeap() {
        AtomicLong peak = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((n, h) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                        var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                        peak.accumulateAndGet(info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                                .mapToLong(MemoryUsage::getUsed).sum(), Math::max);
                    }
                }, null, null);
            }
        }
        return peak;
    }
}
