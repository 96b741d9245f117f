package io.firebreak.ingest;

import io.firebreak.enrich.EnrichedMention;
import io.firebreak.enrich.Enricher;
import io.firebreak.mention.Batch;
import io.firebreak.mention.Rejection;
import io.firebreak.store.BulkWriter;
import io.firebreak.store.DeadLetters;
import io.firebreak.store.MentionStore;
import io.firebreak.store.StoreHealth;
import io.firebreak.store.StoreUnavailableException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The one ingest path every source ends in: enrich each valid mention, index it, keep rejects as
 * dead letters, and only then hand what was stored to detection.
 *
 * <p>A caller learns the fate of every item before it is answered, so "accepted" always means
 * "stored". When Elasticsearch cannot take writes the whole input is refused with
 * {@link StoreUnavailableException} (HTTP 503, file left in place): ids make the retry idempotent.
 */
public final class IngestService {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_CLOCK = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();

    private final Enricher enricher;
    private final MentionStore store;
    private final BulkWriter writer;
    private final DeadLetters deadLetters;
    private final StoreHealth health;
    private final Duration timeout;
    private final Clock clock;
    private final Consumer<List<EnrichedMention>> stored;
    private final IngestMetrics metrics;
    private final LongAdder enrichCpuNanos = new LongAdder();
    private final LongAdder mentionsEnriched = new LongAdder();

    /**
     * @param stored called with the mentions of each input once they are indexed (detection)
     */
    public IngestService(Enricher enricher, MentionStore store, BulkWriter writer, DeadLetters deadLetters,
                         StoreHealth health, Duration timeout, Clock clock, Consumer<List<EnrichedMention>> stored) {
        this(enricher, store, writer, deadLetters, health, timeout, clock, stored, IngestMetrics.none());
    }

    /** @param metrics where mentions stored (by source) and items rejected (by reason) are counted */
    public IngestService(Enricher enricher, MentionStore store, BulkWriter writer, DeadLetters deadLetters,
                         StoreHealth health, Duration timeout, Clock clock, Consumer<List<EnrichedMention>> stored,
                         IngestMetrics metrics) {
        this.metrics = metrics;
        this.enricher = enricher;
        this.store = store;
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.health = health;
        this.timeout = timeout;
        this.clock = clock;
        this.stored = stored;
    }

    public IngestReport ingest(Batch batch) {
        if (!health.ready()) {
            throw new StoreUnavailableException("Elasticsearch is not ready: " + health.reason(), null);
        }
        Instant now = clock.instant();
        var enriched = new ArrayList<EnrichedMention>(batch.accepted().size());
        long cpuBefore = CPU_CLOCK ? THREADS.getCurrentThreadCpuTime() : 0;
        for (Batch.Item item : batch.accepted()) {
            enriched.add(enricher.apply(item.mention()));
        }
        // what enrichment costs ingest, read off the thread's CPU clock once per input, not per mention
        enrichCpuNanos.add(CPU_CLOCK ? THREADS.getCurrentThreadCpuTime() - cpuBefore : 0);
        mentionsEnriched.add(enriched.size());
        // all of an input's writes reach the bulk writer together, so they fill whole bulk requests
        // instead of trickling in at enrichment's pace
        var writes = new ArrayList<CompletableFuture<BulkWriter.Outcome>>(enriched.size());
        for (EnrichedMention em : enriched) {
            writes.add(store.index(writer, em, now));
        }
        var letters = new ArrayList<CompletableFuture<BulkWriter.Outcome>>();
        for (Rejection r : batch.rejected()) {
            letters.add(deadLetters.add(writer, batch.origin(), batch.csvHeader(), r, now));
        }

        var items = new ArrayList<IngestReport.Item>(batch.size());
        var indexed = new ArrayList<EnrichedMention>(enriched.size());
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < writes.size(); i++) {
            Batch.Item item = batch.accepted().get(i);
            BulkWriter.Outcome outcome = await(writes.get(i), deadline);
            if (outcome.ok()) {
                indexed.add(enriched.get(i));
                items.add(new IngestReport.Item(item.index(), item.mention().key(), "indexed", null));
            } else {
                Rejection refused = Rejection.of(item.index(), "item " + item.index(),
                        "(elasticsearch): refused with " + outcome.status() + ": " + outcome.error(), item.raw());
                letters.add(deadLetters.add(writer, batch.origin(), null, refused, now));
                items.add(new IngestReport.Item(item.index(), item.mention().key(), "rejected", refused.errors()));
            }
        }
        for (Rejection r : batch.rejected()) {
            items.add(new IngestReport.Item(r.index(), null, "rejected", r.errors()));
        }
        for (CompletableFuture<BulkWriter.Outcome> letter : letters) {
            await(letter, deadline);
        }
        items.sort(Comparator.comparingInt(IngestReport.Item::index));
        count(indexed, items);
        if (!indexed.isEmpty()) {
            stored.accept(indexed);
        }
        return new IngestReport(batch.origin(), indexed.size(), items.size() - indexed.size(), items);
    }

    private void count(List<EnrichedMention> indexed, List<IngestReport.Item> items) {
        String source = null;
        long run = 0;
        // an input mostly holds one source: counted per run of the same source, not per mention
        for (EnrichedMention em : indexed) {
            String s = em.mention().source();
            if (!s.equals(source)) {
                if (run > 0) {
                    metrics.accepted(source, run);
                }
                source = s;
                run = 0;
            }
            run++;
        }
        if (run > 0) {
            metrics.accepted(source, run);
        }
        for (IngestReport.Item item : items) {
            if (item.status().equals("rejected")) {
                metrics.rejected(IngestMetrics.reasonOf(item.errors() == null || item.errors().isEmpty() ? null : item.errors().get(0)));
            }
        }
    }

    /** CPU time the ingest threads spent enriching so far (zero where the JVM has no thread CPU clock). */
    public Duration enrichmentCpu() {
        return Duration.ofNanos(enrichCpuNanos.sum());
    }

    /** Mentions enriched so far. */
    public long mentionsEnriched() {
        return mentionsEnriched.sum();
    }

    private BulkWriter.Outcome await(CompletableFuture<BulkWriter.Outcome> write, long deadlineNanos) {
        try {
            return write.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            health.markDown(e.getCause());
            throw e.getCause() instanceof StoreUnavailableException u ? u
                    : new StoreUnavailableException("indexing failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            var slow = new StoreUnavailableException("Elasticsearch did not confirm the writes within " + timeout.toSeconds() + " s", e);
            health.markDown(slow);
            throw slow;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for Elasticsearch", e);
        }
    }
}
