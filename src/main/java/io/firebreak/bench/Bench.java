package io.firebreak.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.firebreak.config.Home;
import io.firebreak.config.Settings;
import io.firebreak.enrich.EnrichedMention;
import io.firebreak.enrich.Enricher;
import io.firebreak.mention.Mention;
import io.firebreak.enrich.Enrichers;
import io.firebreak.notify.SlackStandIn;
import io.firebreak.service.FirebreakService;
import io.firebreak.service.ScratchState;
import io.firebreak.service.Wirings;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import io.firebreak.store.MentionDocument;
import io.firebreak.store.MentionStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One benchmark run on this machine: the same generated mentions bulk-indexed straight into
 * Elasticsearch with the Java client's bulk ingester (the ceiling), then sent through the full
 * pipeline over HTTP; the ratio of the two is the figure that holds on a noisy shared machine.
 */
public final class Bench {

    /** What to run. */
    public record Options(int mentions, int brands, int clients, int perRequest, int latencyTrials, Path texts,
                          boolean control) {
        public static Options full() {
            return new Options(200_000, 100, 8, 500, 200, null, false);
        }

        public static Options quick() {
            return new Options(20_000, 100, 8, 500, 100, null, false);
        }

        /** The texts to post: a file of one's own, one per line, or (null) the shipped review sentences. */
        public Options withTexts(Path file) {
            return new Options(mentions, brands, clients, perRequest, latencyTrials, file, control);
        }

        /** Both pipeline arms with enrichment precomputed: the share measured is then the method's own noise. */
        public Options asControl() {
            return new Options(mentions, brands, clients, perRequest, latencyTrials, texts, true);
        }
    }

    /** Rounds of raw, pipeline and precomputed pipeline; each arm posts {@code mentions / ROUNDS} per round. */
    public static final int ROUNDS = 12;

    /** Rounds of both pipeline arms run first and not counted, while the JIT and Elasticsearch settle. */
    static final int WARMUP_ROUNDS = 2;

    /** The figures, named as the JSON output names them. */
    public record Result(
            int mentions,
            int brands,
            String texts,
            boolean control,
            @JsonProperty("raw_docs_per_s") double rawDocsPerS,
            @JsonProperty("pipeline_docs_per_s") double pipelineDocsPerS,
            double ratio,
            @JsonProperty("pipeline_precomputed_enrichment_docs_per_s") double pipelineWithoutEnrichmentDocsPerS,
            @JsonProperty("enrichment_share") Share enrichmentShare,
            @JsonProperty("enrichment_share_cpu") Share enrichmentShareCpu,
            @JsonProperty("enrichment_share_direct") double enrichmentShareDirect,
            @JsonProperty("enrichment_cpu_us_per_mention") double enrichmentCpuUsPerMention,
            @JsonProperty("pipeline_cpu_ms_per_1000") double pipelineCpuMsPer1000,
            @JsonProperty("precomputed_cpu_ms_per_1000") double precomputedCpuMsPer1000,
            @JsonProperty("enrichment_share_firebreak_cpu") double enrichmentShareFirebreakCpu,
            @JsonProperty("machine_busy") double machineBusy,
            @JsonProperty("machine_steal") double machineSteal,
            @JsonProperty("bulk_docs_per_request") double bulkDocsPerRequest,
            @JsonProperty("bulk_docs_per_request_precomputed") double bulkDocsPerRequestPrecomputed,
            @JsonProperty("enrichment_one_thread_per_s") double enrichmentOneThreadPerS,
            @JsonProperty("latency_trials") int latencyTrials,
            @JsonProperty("latency_p50_ms") double latencyP50Ms,
            @JsonProperty("latency_p99_ms") double latencyP99Ms,
            @JsonProperty("latency_max_ms") double latencyMaxMs,
            @JsonProperty("heap_peak_mb") double heapPeakMb,
            @JsonProperty("heap_after_gc_mb") double heapAfterGcMb,
            @JsonProperty("rss_peak_mb") double rssPeakMb) {}

    /** Enrichment's share estimated over all rounds pooled, and each round's estimate: median, lowest, highest. */
    public record Share(double pooled, double median, double min, double max) {}

    /** One pipeline arm: wall seconds, machine CPU, the ingest threads' CPU in enrichment, bulk requests and documents. */
    record Arm(double seconds, MachineCpu cpu, double processCpuSeconds, double enrichCpuSeconds, long bulkRequests,
               long bulkDocuments) {
        static final Arm NONE = new Arm(0, new MachineCpu(0, 0, 0), 0, 0, 0, 0);

        /** Posts the bodies through the service's HTTP API and reads what it cost. */
        static Arm run(FirebreakService service, List<String> bodies, int clients, int mentions) throws Exception {
            MachineCpu before = MachineCpu.now();
            long processBefore = processCpuNanos();
            Duration enrichBefore = service.ingest().enrichmentCpu();
            long requestsBefore = service.writer().requests();
            long documentsBefore = service.writer().documents();
            double seconds = mentions / pipeline(service.apiUrl(), bodies, clients, mentions);
            return new Arm(seconds, MachineCpu.now().since(before), (processCpuNanos() - processBefore) / 1e9,
                    service.ingest().enrichmentCpu().minus(enrichBefore).toNanos() / 1e9,
                    service.writer().requests() - requestsBefore, service.writer().documents() - documentsBefore);
        }

        Arm plus(Arm other) {
            return new Arm(seconds + other.seconds, cpu.plus(other.cpu), processCpuSeconds + other.processCpuSeconds,
                    enrichCpuSeconds + other.enrichCpuSeconds, bulkRequests + other.bulkRequests,
                    bulkDocuments + other.bulkDocuments);
        }

        /** CPU of this JVM (Firebreak and the senders), not Elasticsearch's: its merges land on either arm. */
        private static long processCpuNanos() {
            return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() : 0;
        }

        double documentsPerRequest() {
            return bulkRequests == 0 ? 0 : (double) bulkDocuments / bulkRequests;
        }
    }

    private Bench() {}

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * Runs everything against one embedded Elasticsearch and one Slack Web API stand-in; the service
     * keeps its state in a data folder of its own, wiped first.
     */
    public static Result run(Home checkout, Settings base, Options options) throws Exception {
        String run = "bench-" + Long.toString(System.currentTimeMillis(), 36);
        Home home = checkout.withData(checkout.data().resolve("bench"));
        ScratchState.wipe(home.data());
        Settings settings = base.withIndexPrefix(run);
        Enricher enricher = Enrichers.standard(home);
        BenchData data = options.texts() == null ? BenchData.shipped() : BenchData.fromFile(options.texts());
        var switchable = new PrecomputedEnricher(enricher);
        Instant start = Instant.parse("2026-03-02T09:00:00Z");
        try (SlackStandIn slack = SlackStandIn.start();
             FirebreakService service = FirebreakService.start(home, settings, Wirings.live(home,
                     Map.of("SLACK_BOT_TOKEN", "xoxb-bench", "SLACK_API_URL", slack.apiUrl()),
                     new PrintStream(OutputStream.nullOutputStream()), switchable))) {
            // index creation and a first pass of the JIT on data that is not timed
            int warmCount = Math.min(20_000, options.mentions() / 4);
            List<Mention> warm = data.mentions(warmCount, options.brands(), start, "w", 7);
            Instant next = start.plusMillis(warmCount * BenchData.STEP_MILLIS);
            rawCeiling(service.client(), run + "-raw", warm.subList(0, Math.min(5_000, warmCount)), enricher, settings.ingest());
            pipeline(service.apiUrl(), BenchData.ndjson(warm, options.perRequest()), options.clients(), warm.size());

            // then alternate in rounds (enriching first, then second: A B B A ...), so drift of the machine or of
            // Elasticsearch hits both arms alike; each round gives one estimate of enrichment's share. The warm-up
            // rounds are not counted: CPU per mention still falls by half over the first 50,000 mentions or so while
            // the JIT and Elasticsearch settle, and that would be charged to whichever arm ran first
            double rawSeconds = 0;
            Arm live = Arm.NONE;
            Arm precomputed = Arm.NONE;
            double heapPeak = 0;
            int segment = options.mentions() / ROUNDS;
            double[] roundShares = new double[ROUNDS];
            double[] roundCpuShares = new double[ROUNDS];
            for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
                if (round >= 0) {
                    List<Mention> mentions = data.mentions(segment, options.brands(), next, "r" + round, 42 + round);
                    next = next.plusMillis(segment * BenchData.STEP_MILLIS);
                    rawSeconds += segment / rawCeiling(service.client(), run + "-raw", mentions, enricher, settings.ingest());
                }
                // the pipeline, and the same pipeline with enrichment answered from a table: the difference is
                // enrichment's cost (with --control both arms use the table, and the difference is the method's noise)
                Arm[] arms = new Arm[2];
                for (boolean enriching : round % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                    // event times follow the order of sending, so neither run is made of late mentions
                    List<Mention> batch = data.mentions(segment, options.brands(), next, (enriching ? "e" : "p") + round,
                            42 + round);
                    next = next.plusMillis(segment * BenchData.STEP_MILLIS);
                    if (!enriching || options.control()) {
                        switchable.precompute(batch);
                    }
                    Memory.resetPeaks();
                    arms[enriching ? 0 : 1] = Arm.run(service, BenchData.ndjson(batch, options.perRequest()), options.clients(), segment);
                    heapPeak = Math.max(heapPeak, Memory.heapPeakMb());
                    switchable.live();
                }
                if (round >= 0) {
                    live = live.plus(arms[0]);
                    precomputed = precomputed.plus(arms[1]);
                    roundShares[round] = 1 - arms[1].seconds() / arms[0].seconds();
                    roundCpuShares[round] = 1 - arms[1].cpu().busySeconds() / arms[0].cpu().busySeconds();
                }
            }
            Arrays.sort(roundShares);
            Arrays.sort(roundCpuShares);
            var latency = new DetectionLatency(service.apiUrl(), slack);
            latency.seed(options.latencyTrials(), Instant.now().minus(Duration.ofMinutes(5)));
            double[] millis = latency.measure(options.latencyTrials());
            double heapAfterGc = Memory.heapAfterGcMb();
            int timed = segment * ROUNDS;
            double raw = timed / rawSeconds;
            double pipeline = timed / live.seconds();
            double withoutEnrichment = timed / precomputed.seconds();
            double oneThread = oneThread(enricher, data.mentions(20_000, options.brands(), start, "t", 3));
            var share = new Share(1 - pipeline / withoutEnrichment, median(roundShares), roundShares[0], roundShares[ROUNDS - 1]);
            var cpuShare = new Share(1 - precomputed.cpu().busySeconds() / live.cpu().busySeconds(), median(roundCpuShares),
                    roundCpuShares[0], roundCpuShares[ROUNDS - 1]);
            return new Result(timed, options.brands(), data.name(), options.control(), raw, pipeline, pipeline / raw,
                    withoutEnrichment, share, cpuShare, live.enrichCpuSeconds() / live.cpu().busySeconds(),
                    1e6 * live.enrichCpuSeconds() / timed,
                    1e6 * live.cpu().busySeconds() / timed, 1e6 * precomputed.cpu().busySeconds() / timed,
                    (live.processCpuSeconds() - precomputed.processCpuSeconds()) / live.cpu().busySeconds(),
                    live.cpu().plus(precomputed.cpu()).busyShare(), live.cpu().plus(precomputed.cpu()).stealShare(),
                    live.documentsPerRequest(), precomputed.documentsPerRequest(),
                    oneThread, millis.length,
                    DetectionLatency.percentile(millis, 50), DetectionLatency.percentile(millis, 99), millis[millis.length - 1],
                    heapPeak, heapAfterGc, Memory.rssPeakMb());
        }
    }

    /** Mentions per second through the enricher alone on this thread, best of five passes after a warm-up. */
    static double oneThread(Enricher enricher, List<Mention> mentions) {
        long sink = 0;
        double best = 0;
        for (int pass = 0; pass < 8; pass++) {
            long t0 = System.nanoTime();
            for (Mention m : mentions) {
                sink += enricher.enrich(m).brands().size();
            }
            double perS = mentions.size() / ((System.nanoTime() - t0) / 1e9);
            best = pass < 3 ? best : Math.max(best, perS);
        }
        // the sink keeps the loop from being optimised away; every bench mention names one brand
        if (sink != 8L * mentions.size()) {
            throw new IllegalStateException("the enricher lost brands: " + sink);
        }
        return best;
    }

    /** Documents per second straight into Elasticsearch, enrichment done beforehand and not timed. */
    static double rawCeiling(ElasticsearchClient client, String prefix, List<Mention> mentions, Enricher enricher,
                             Settings.Ingest ingest) throws InterruptedException {
        var store = new MentionStore(client, prefix, 0);
        store.installTemplates();
        Instant now = Instant.now();
        var documents = new ArrayList<MentionDocument>(mentions.size());
        var indices = new ArrayList<String>(mentions.size());
        for (Mention m : mentions) {
            EnrichedMention em = enricher.apply(m);
            documents.add(MentionDocument.of(em, now));
            indices.add(store.indexFor(m.createdAt()));
        }
        var acknowledged = new AtomicLong();
        long t0 = System.nanoTime();
        try (BulkIngester<Void> ingester = BulkIngester.of(b -> b.client(client)
                .maxOperations(ingest.bulkMaxOperations())
                .maxSize(ingest.bulkMaxBytes())
                .maxConcurrentRequests(ingest.bulkConcurrency())
                .flushInterval(50, TimeUnit.MILLISECONDS)
                .listener(new Counting(acknowledged)))) {
            for (int i = 0; i < documents.size(); i++) {
                String index = indices.get(i);
                String id = mentions.get(i).key();
                MentionDocument doc = documents.get(i);
                ingester.add(op -> op.index(x -> x.index(index).id(id).document(doc)));
            }
        }
        while (acknowledged.get() < mentions.size()) {
            Thread.sleep(5);
        }
        return mentions.size() / ((System.nanoTime() - t0) / 1e9);
    }

    /** Documents per second through HTTP, validation, enrichment, indexing and detection. */
    static double pipeline(String apiUrl, List<String> bodies, int clients, int total) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create(apiUrl + "/api/v1/mentions");
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        try {
            var results = new ArrayList<Future<Integer>>();
            for (String body : bodies) {
                results.add(pool.submit(() -> {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri)
                            .header("Content-Type", "application/x-ndjson")
                            .timeout(Duration.ofSeconds(120))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("pipeline answered " + r.statusCode() + ": " + r.body());
                    }
                    return r.statusCode();
                }));
            }
            for (Future<Integer> r : results) {
                r.get();
            }
        } finally {
            pool.shutdown();
        }
        return total / ((System.nanoTime() - t0) / 1e9);
    }

    private record Counting(AtomicLong acknowledged) implements BulkListener<Void> {
        @Override
        public void beforeBulk(long executionId, BulkRequest request, List<Void> contexts) {
            // nothing to prepare
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Void> contexts, BulkResponse response) {
            acknowledged.addAndGet(response.items().size());
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Void> contexts, Throwable failure) {
            throw new IllegalStateException("the raw bulk failed: " + failure, failure);
        }
    }
}
