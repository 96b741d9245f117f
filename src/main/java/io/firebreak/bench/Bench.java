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
import io.firebreak.enrich.Enrichers;
import io.firebreak.mention.Mention;
import io.firebreak.notify.SlackStandIn;
import io.firebreak.service.FirebreakService;
import io.firebreak.service.ScratchState;
import io.firebreak.service.Wirings;
import io.firebreak.store.MentionDocument;
import io.firebreak.store.MentionStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * One benchmark run on this machine. The true ceiling: the same documents the pipeline stores,
 * serialised into {@code _bulk} bodies before the clock starts and POSTed straight to Elasticsearch
 * ({@link BulkCeiling}), at the batch size and concurrency of a sweep that does best here. Against it,
 * the full pipeline over HTTP, and (a second reference) the Java client's bulk ingester with
 * Firebreak's bulk settings. Firebreak and Elasticsearch share the machine's cores, so beside the
 * throughput ratio the run reports machine CPU per mention of each arm; the pipeline's minus the
 * ceiling's is what Firebreak itself spends per mention.
 */
public final class Bench {

    /**
     * What to run.
     *
     * @param rounds       alternating rounds of every arm, after two of warm-up
     * @param sweepDocs    documents per cell of the ceiling's sweep (at least three waves of the cell's requests)
     * @param sweepPasses  passes over the sweep, each in the other order, pooled per cell
     * @param jfr          where to write a JDK Flight Recording of the counted enriching pipeline arms, or null
     * @param warmup       mentions sent through the pipeline, not counted, before anything is measured
     */
    public record Options(int mentions, int brands, int clients, int perRequest, int latencyTrials, Path texts,
                          boolean control, int rounds, int sweepDocs, int sweepPasses, Path jfr, int warmup) {
        public static Options full() {
            return new Options(200_000, 100, 8, 500, 200, null, false, 12, 30_000, 2, null, 200_000);
        }

        public static Options quick() {
            return new Options(20_000, 100, 8, 500, 100, null, false, 4, 8_000, 1, null, 20_000);
        }

        public Options withMentions(int n) {
            return new Options(n, brands, clients, perRequest, latencyTrials, texts, control, rounds, sweepDocs, sweepPasses, jfr, warmup);
        }

        public Options withClients(int n) {
            return new Options(mentions, brands, n, perRequest, latencyTrials, texts, control, rounds, sweepDocs, sweepPasses, jfr, warmup);
        }

        /** The texts to post: a file of one's own, one per line, or (null) the shipped review sentences. */
        public Options withTexts(Path file) {
            return new Options(mentions, brands, clients, perRequest, latencyTrials, file, control, rounds, sweepDocs, sweepPasses, jfr, warmup);
        }

        /** Records the enriching pipeline arms (counted rounds only) with JFR's profiling settings into this file. */
        public Options withJfr(Path file) {
            return new Options(mentions, brands, clients, perRequest, latencyTrials, texts, control, rounds, sweepDocs,
                    sweepPasses, file, warmup);
        }

        /** Both pipeline arms with enrichment precomputed: the share measured is then the method's own noise. */
        public Options asControl() {
            return new Options(mentions, brands, clients, perRequest, latencyTrials, texts, true, rounds, sweepDocs, sweepPasses, jfr, warmup);
        }
    }

    /** Rounds run first and not counted, while Elasticsearch's indices and the ceiling's sender settle. */
    static final int WARMUP_ROUNDS = 2;

    /** The pipeline's warm-up goes in parts of this many mentions, so its request bodies are not all held at once. */
    static final int WARMUP_PART = 25_000;

    /** Elasticsearch counts as quiet once it used under a tenth of a core over this window; waited for at most QUIET_WAIT. */
    static final Duration QUIET_WINDOW = Duration.ofMillis(300);
    static final Duration QUIET_WAIT = Duration.ofSeconds(20);

    /** Documents per bulk request and requests in flight that the ceiling's sweep tries. */
    static final int[] SWEEP_BATCHES = {1_000, 2_500, 5_000};
    static final int[] SWEEP_CONCURRENCY = {1, 2, 4};

    /** The figures, named as the JSON output names them. */
    public record Result(
            int mentions,
            int brands,
            String texts,
            boolean control,
            int rounds,
            @JsonProperty("ceiling_docs_per_s") double ceilingDocsPerS,
            @JsonProperty("ceiling_batch") int ceilingBatch,
            @JsonProperty("ceiling_concurrency") int ceilingConcurrency,
            @JsonProperty("ceiling_sweep") List<SweepCell> ceilingSweep,
            @JsonProperty("client_docs_per_s") double clientDocsPerS,
            @JsonProperty("pipeline_docs_per_s") double pipelineDocsPerS,
            double ratio,
            @JsonProperty("ratio_per_round") Share ratioPerRound,
            @JsonProperty("ratio_to_client") double ratioToClient,
            @JsonProperty("ceiling_cpu_us_per_mention") double ceilingCpuUsPerMention,
            @JsonProperty("client_cpu_us_per_mention") double clientCpuUsPerMention,
            @JsonProperty("pipeline_cpu_us_per_mention") double pipelineCpuUsPerMention,
            @JsonProperty("firebreak_cpu_us_per_mention") double firebreakCpuUsPerMention,
            @JsonProperty("firebreak_cpu_us_per_round") Share firebreakCpuUsPerRound,
            @JsonProperty("ceiling_process_cpu_us_per_mention") ProcessShare ceilingProcessCpu,
            @JsonProperty("pipeline_process_cpu_us_per_mention") ProcessShare pipelineProcessCpu,
            @JsonProperty("firebreak_process_cpu_us_per_mention") double firebreakProcessCpuUsPerMention,
            @JsonProperty("firebreak_process_cpu_us_per_round") Share firebreakProcessCpuUsPerRound,
            @JsonProperty("pipeline_jvm_threads_us_per_mention") Map<String, Double> pipelineJvmThreads,
            @JsonProperty("pipeline_jit_us_per_round") double[] pipelineJitUsPerRound,
            @JsonProperty("pipeline_precomputed_enrichment_docs_per_s") double pipelineWithoutEnrichmentDocsPerS,
            @JsonProperty("enrichment_share") Share enrichmentShare,
            @JsonProperty("enrichment_share_cpu") Share enrichmentShareCpu,
            @JsonProperty("enrichment_share_direct") double enrichmentShareDirect,
            @JsonProperty("enrichment_cpu_us_per_mention") double enrichmentCpuUsPerMention,
            @JsonProperty("ab_enriching_cpu_us_per_mention") double abEnrichingCpuUsPerMention,
            @JsonProperty("precomputed_cpu_us_per_mention") double precomputedCpuUsPerMention,
            @JsonProperty("enrichment_share_firebreak_cpu") double enrichmentShareFirebreakCpu,
            @JsonProperty("machine_busy") double machineBusy,
            @JsonProperty("machine_steal") double machineSteal,
            @JsonProperty("bulk_docs_per_request") double bulkDocsPerRequest,
            @JsonProperty("bulk_docs_per_request_precomputed") double bulkDocsPerRequestPrecomputed,
            @JsonProperty("enrichment_one_thread_per_s") double enrichmentOneThreadPerS,
            @JsonProperty("slack_calls_during_ingest") long slackCallsDuringIngest,
            @JsonProperty("latency_trials") int latencyTrials,
            @JsonProperty("latency_p50_ms") double latencyP50Ms,
            @JsonProperty("latency_p99_ms") double latencyP99Ms,
            @JsonProperty("latency_max_ms") double latencyMaxMs,
            @JsonProperty("heap_peak_mb") double heapPeakMb,
            @JsonProperty("heap_live_peak_mb") double heapLivePeakMb,
            @JsonProperty("heap_after_gc_mb") double heapAfterGcMb,
            @JsonProperty("rss_peak_mb") double rssPeakMb) {}

    /** An estimate over all rounds pooled, and each round's estimate: median, lowest, highest. */
    public record Share(double pooled, double median, double min, double max) {
        static Share of(double pooled, double[] perRound) {
            double[] sorted = perRound.clone();
            Arrays.sort(sorted);
            return new Share(pooled, Bench.median(sorted), sorted[0], sorted[sorted.length - 1]);
        }
    }

    /** One cell of the ceiling's sweep, pooled over its passes. */
    public record SweepCell(int batch, int concurrency, @JsonProperty("docs_per_s") double docsPerS,
                            @JsonProperty("cpu_us_per_doc") double cpuUsPerDoc,
                            @JsonProperty("process_cpu_us_per_doc") double processCpuUsPerDoc) {}

    /** CPU per mention of this JVM and of Elasticsearch (its child processes), in microseconds, and their sum. */
    public record ProcessShare(double total, double jvm, double elasticsearch) {
        static ProcessShare of(ProcessCpu cpu, long mentions) {
            return new ProcessShare(1e6 * cpu.seconds() / mentions, 1e6 * cpu.jvmSeconds() / mentions,
                    1e6 * cpu.childSeconds() / mentions);
        }
    }

    /** One pipeline arm: wall seconds, machine CPU, the bench's processes' CPU, the ingest threads' CPU in enrichment, bulk requests and documents. */
    record Arm(double seconds, MachineCpu cpu, ProcessCpu processes, Map<String, Long> threads, double enrichCpuSeconds,
               long bulkRequests, long bulkDocuments) {
        static final Arm NONE = new Arm(0, new MachineCpu(0, 0, 0), ProcessCpu.ZERO, Map.of(), 0, 0, 0);

        /** Posts the bodies through the service's HTTP API and reads what it cost. */
        static Arm run(FirebreakService service, List<String> bodies, int clients, int mentions) throws Exception {
            MachineCpu before = MachineCpu.now();
            ProcessCpu processesBefore = ProcessCpu.now();
            ThreadCpu.Reading threadsBefore = ThreadCpu.now();
            Duration enrichBefore = service.ingest().enrichmentCpu();
            long requestsBefore = service.writer().requests();
            long documentsBefore = service.writer().documents();
            double seconds = mentions / pipeline(service.apiUrl(), bodies, clients, mentions);
            return new Arm(seconds, MachineCpu.now().since(before), ProcessCpu.now().since(processesBefore),
                    ThreadCpu.spent(threadsBefore, ThreadCpu.now()), service.ingest().enrichmentCpu().minus(enrichBefore).toNanos() / 1e9,
                    service.writer().requests() - requestsBefore, service.writer().documents() - documentsBefore);
        }

        Arm plus(Arm other) {
            return new Arm(seconds + other.seconds, cpu.plus(other.cpu), processes.plus(other.processes),
                    ThreadCpu.plus(threads, other.threads), enrichCpuSeconds + other.enrichCpuSeconds, bulkRequests + other.bulkRequests,
                    bulkDocuments + other.bulkDocuments);
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
        if (options.jfr() != null) {
            Files.deleteIfExists(options.jfr());
        }
        try (SlackStandIn slack = SlackStandIn.start();
             FirebreakService service = FirebreakService.start(home, settings, Wirings.live(home,
                     Map.of("SLACK_BOT_TOKEN", "xoxb-bench", "SLACK_API_URL", slack.apiUrl()),
                     new PrintStream(OutputStream.nullOutputStream()), switchable))) {
            var ceilingStore = new MentionStore(service.client(), run + "-ceiling", 0);
            ceilingStore.installTemplates();
            try (var ceiling = new BulkCeiling(service.elasticsearchUrl(), authorization(settings), ceilingStore, enricher)) {
                return run(service, slack, ceiling, settings, enricher, switchable, data, start, options);
            }
        }
    }

    private static Result run(FirebreakService service, SlackStandIn slack, BulkCeiling ceiling, Settings settings,
                              Enricher enricher, PrecomputedEnricher switchable, BenchData data, Instant start,
                              Options options) throws Exception {
        String run = settings.elasticsearch().indexPrefix();
        var clientStore = new MentionStore(service.client(), run + "-client", 0);
        clientStore.installTemplates();
        var feed = new Feed(data, options.brands(), start);

        // index creation and a first pass of the JIT on data that is not timed
        int warmCount = Math.min(20_000, options.mentions() / 4);
        List<Mention> warm = feed.next(warmCount, "w", 7);
        clientArm(service.client(), clientStore, warm.subList(0, Math.min(5_000, warmCount)), enricher, settings.ingest());
        ceiling.send(ceiling.serialise(warm.subList(0, Math.min(5_000, warmCount)), 1_000), new BulkCeiling.Cell(1_000, 2));
        pipeline(service.apiUrl(), BenchData.ndjson(warm, options.perRequest()), options.clients(), warm.size());
        // the JIT keeps compiling what the pipeline runs for its first ~200,000 mentions: the compiler threads' CPU per
        // mention falls from ~40 us to ~10 us by then and under 8 us after 400,000. A service runs for days, so that
        // tail is not counted: the full bench sends 200,000 mentions through the pipeline first
        for (int sent = 0; sent < options.warmup(); sent += WARMUP_PART) {
            int part = Math.min(WARMUP_PART, options.warmup() - sent);
            pipeline(service.apiUrl(), BenchData.ndjson(feed.next(part, "j" + sent, 5), options.perRequest()),
                    options.clients(), part);
        }

        // the sweep: every cell on fresh documents (a re-sent id is an update, which costs Elasticsearch more),
        // passes in alternating order so the index's growth does not favour the cells that come first
        List<BulkCeiling.Cell> cells = new ArrayList<>();
        for (int batch : SWEEP_BATCHES) {
            for (int concurrency : SWEEP_CONCURRENCY) {
                cells.add(new BulkCeiling.Cell(batch, concurrency));
            }
        }
        var swept = new LinkedHashMap<BulkCeiling.Cell, BulkCeiling.Measure>();
        cells.forEach(c -> swept.put(c, BulkCeiling.Measure.none(c)));
        for (int pass = 0; pass < options.sweepPasses(); pass++) {
            List<BulkCeiling.Cell> order = new ArrayList<>(cells);
            if (pass % 2 == 1) {
                Collections.reverse(order);
            }
            for (BulkCeiling.Cell cell : order) {
                int docs = Math.max(options.sweepDocs(), 3 * cell.batch() * cell.concurrency());
                var bodies = ceiling.serialise(feed.next(docs, "s" + pass + "-" + cell.batch() + "x" + cell.concurrency(), 11 + pass), cell.batch());
                settle();
                swept.merge(cell, ceiling.send(bodies, cell), BulkCeiling.Measure::plus);
            }
        }
        BulkCeiling.Cell best = swept.values().stream()
                .max(Comparator.comparingDouble(BulkCeiling.Measure::docsPerSecond)).orElseThrow().cell();

        // the Java client's bulk ingester with Firebreak's bulk settings, a second reference, measured apart: run
        // in the rounds it would share the JIT's profiles of Jackson and the HTTP client with the pipeline
        BulkCeiling.Measure clientTotal = BulkCeiling.Measure.none(null);
        for (int pass = 0; pass < options.sweepPasses(); pass++) {
            settle();
            clientTotal = clientTotal.plus(clientArm(service.client(), clientStore,
                    feed.next(options.sweepDocs(), "k" + pass, 13 + pass), enricher, settings.ingest()));
        }

        // then alternate in rounds the ceiling at its best cell and the pipeline, the order reversed every other
        // round, so drift of the machine or of Elasticsearch hits both alike; each round gives one estimate. The
        // warm-up rounds are not counted: CPU per mention still falls by half over the first 50,000 mentions or so
        // while the JIT and Elasticsearch settle, and that would be charged to whichever arm ran first
        int rounds = options.rounds();
        int segment = options.mentions() / rounds;
        int ceilingDocs = Math.max(segment, 3 * best.batch() * best.concurrency());
        BulkCeiling.Measure ceilingTotal = BulkCeiling.Measure.none(best);
        Arm live = Arm.NONE;
        double heapPeak = 0;
        double heapLivePeak = 0;
        double[] roundRatios = new double[rounds];
        double[] roundFirebreakCpu = new double[rounds];
        double[] roundFirebreakProcessCpu = new double[rounds];
        double[] roundJit = new double[rounds];
        System.err.println("bench: rounds of the ceiling and the pipeline");
        for (int round = -WARMUP_ROUNDS; round < rounds; round++) {
            BulkCeiling.Measure roundCeiling = null;
            Arm roundLive = null;
            for (boolean ceilingNow : Math.floorMod(round, 2) == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                if (ceilingNow) {
                    var bodies = ceiling.serialise(feed.next(ceilingDocs, "c" + round, 42 + round), best.batch());
                    settle();
                    roundCeiling = ceiling.send(bodies, best);
                } else {
                    // event times follow the order of sending, so no run is made of late mentions
                    List<String> bodies = BenchData.ndjson(feed.next(segment, "e" + round, 42 + round), options.perRequest());
                    settle();
                    Memory.resetPeaks();
                    Recording recording = round >= 0 && options.jfr() != null ? startRecording() : null;
                    roundLive = Arm.run(service, bodies, options.clients(), segment);
                    if (recording != null) {
                        appendRecording(recording, options.jfr());
                    }
                    heapPeak = Math.max(heapPeak, Memory.heapPeakMb());
                    heapLivePeak = Math.max(heapLivePeak, Memory.liveAfterGcPeakMb());
                }
            }
            if (round >= 0) {
                roundJit[round] = ThreadCpu.perMention(roundLive.threads(), segment).entrySet().stream()
                        .filter(e -> e.getKey().contains("CompilerThre")).mapToDouble(Map.Entry::getValue).sum();
                live = live.plus(roundLive);
                ceilingTotal = ceilingTotal.plus(roundCeiling);
                roundRatios[round] = (segment / roundLive.seconds()) / roundCeiling.docsPerSecond();
                roundFirebreakCpu[round] = 1e6 * roundLive.cpu().busySeconds() / segment - roundCeiling.cpuMicrosPerDoc();
                roundFirebreakProcessCpu[round] = 1e6 * roundLive.processes().seconds() / segment
                        - roundCeiling.processMicrosPerDoc();
            }
        }

        // enrichment's share: the pipeline, and the same pipeline with enrichment answered from a table, in rounds
        // of their own (A B B A ...): switching the enricher makes the JIT throw compiled code away, which must
        // not be charged to the figures above (with --control both arms use the table: the difference is the noise)
        Arm enriching = Arm.NONE;
        Arm precomputed = Arm.NONE;
        double[] roundShares = new double[rounds];
        double[] roundCpuShares = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            Arm[] arms = new Arm[2];
            for (boolean enrich : round % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                List<Mention> batch = feed.next(segment, (enrich ? "a" : "p") + round, 42 + round);
                if (!enrich || options.control()) {
                    switchable.precompute(batch);
                }
                List<String> bodies = BenchData.ndjson(batch, options.perRequest());
                settle();
                arms[enrich ? 0 : 1] = Arm.run(service, bodies, options.clients(), segment);
                switchable.live();
            }
            enriching = enriching.plus(arms[0]);
            precomputed = precomputed.plus(arms[1]);
            roundShares[round] = 1 - arms[1].seconds() / arms[0].seconds();
            roundCpuShares[round] = 1 - arms[1].cpu().busySeconds() / arms[0].cpu().busySeconds();
        }
        // what the generated mentions made detection send (each message renders a chart and queries evidence)
        long slackCalls = slack.calls().size();
        var latency = new DetectionLatency(service.apiUrl(), slack);
        latency.seed(options.latencyTrials(), Instant.now().minus(Duration.ofMinutes(5)));
        double[] millis = latency.measure(options.latencyTrials());
        double heapAfterGc = Memory.heapAfterGcMb();
        int timed = segment * rounds;
        double pipeline = timed / live.seconds();
        double withoutEnrichment = timed / precomputed.seconds();
        double withEnrichment = timed / enriching.seconds();
        double oneThread = oneThread(enricher, data.mentions(20_000, options.brands(), start, "t", 3));
        double pipelineCpu = 1e6 * live.cpu().busySeconds() / timed;
        double firebreakCpu = pipelineCpu - ceilingTotal.cpuMicrosPerDoc();
        double firebreakProcessCpu = 1e6 * live.processes().seconds() / timed - ceilingTotal.processMicrosPerDoc();
        var sweep = new ArrayList<SweepCell>();
        swept.values().forEach(m -> sweep.add(new SweepCell(m.cell().batch(), m.cell().concurrency(),
                m.docsPerSecond(), m.cpuMicrosPerDoc(), m.processMicrosPerDoc())));
        return new Result(timed, options.brands(), data.name(), options.control(), rounds,
                ceilingTotal.docsPerSecond(), best.batch(), best.concurrency(), sweep,
                clientTotal.docsPerSecond(), pipeline, pipeline / ceilingTotal.docsPerSecond(),
                Share.of(pipeline / ceilingTotal.docsPerSecond(), roundRatios), pipeline / clientTotal.docsPerSecond(),
                ceilingTotal.cpuMicrosPerDoc(), clientTotal.cpuMicrosPerDoc(), pipelineCpu, firebreakCpu,
                Share.of(firebreakCpu, roundFirebreakCpu),
                ProcessShare.of(ceilingTotal.processes(), ceilingTotal.documents()), ProcessShare.of(live.processes(), timed),
                firebreakProcessCpu, Share.of(firebreakProcessCpu, roundFirebreakProcessCpu),
                ThreadCpu.perMention(live.threads(), timed), roundJit,
                withoutEnrichment,
                Share.of(1 - withEnrichment / withoutEnrichment, roundShares),
                Share.of(1 - precomputed.cpu().busySeconds() / enriching.cpu().busySeconds(), roundCpuShares),
                live.enrichCpuSeconds() / live.cpu().busySeconds(),
                1e6 * live.enrichCpuSeconds() / timed, 1e6 * enriching.cpu().busySeconds() / timed,
                1e6 * precomputed.cpu().busySeconds() / timed,
                (enriching.processes().jvmSeconds() - precomputed.processes().jvmSeconds()) / enriching.cpu().busySeconds(),
                enriching.cpu().plus(precomputed.cpu()).busyShare(), enriching.cpu().plus(precomputed.cpu()).stealShare(),
                live.documentsPerRequest(), precomputed.documentsPerRequest(),
                oneThread, slackCalls, millis.length,
                DetectionLatency.percentile(millis, 50), DetectionLatency.percentile(millis, 99), millis[millis.length - 1],
                heapPeak, heapLivePeak, heapAfterGc, Memory.rssPeakMb());
    }

    /**
     * Before a timed arm, untimed: a wait until Elasticsearch is quiet, so the merges an arm leaves behind are not
     * charged to the next one. (No full collection here: it would shrink the heap and change how the collector runs.)
     */
    private static void settle() throws InterruptedException {
        long deadline = System.nanoTime() + QUIET_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            long before = ProcessCpu.now().childNanos();
            Thread.sleep(QUIET_WINDOW.toMillis());
            if (ProcessCpu.now().childNanos() - before < QUIET_WINDOW.toNanos() / 10) {
                return;
            }
        }
    }

    private static Recording startRecording() throws IOException, ParseException {
        var recording = new Recording(Configuration.getConfiguration("profile"));
        recording.start();
        return recording;
    }

    /** JFR files are sequences of chunks: one arm's recording appended to the others' is one readable file. */
    private static void appendRecording(Recording recording, Path file) throws IOException {
        recording.stop();
        Path chunk = Files.createTempFile("firebreak-bench", ".jfr");
        try {
            recording.dump(chunk);
            Files.write(file, Files.readAllBytes(chunk), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } finally {
            recording.close();
            Files.deleteIfExists(chunk);
        }
    }

    /** Mentions in event-time order across every arm, so no arm is made of late mentions. */
    private static final class Feed {
        private final BenchData data;
        private final int brands;
        private Instant next;

        Feed(BenchData data, int brands, Instant start) {
            this.data = data;
            this.brands = brands;
            this.next = start;
        }

        List<Mention> next(int count, String idPrefix, long seed) {
            List<Mention> out = data.mentions(count, brands, next, idPrefix, seed);
            next = next.plusNanos(count * BenchData.STEP_MICROS * 1_000);
            return out;
        }
    }

    /** The cluster's credentials as an Authorization header for the ceiling's own HTTP client; none when embedded. */
    private static String authorization(Settings settings) {
        if (settings.elasticsearch().isEmbedded()) {
            return null;
        }
        Settings.Credentials c = Settings.Credentials.fromEnvironment(System.getenv());
        if (c.apiKey() != null && !c.apiKey().isBlank()) {
            return "ApiKey " + c.apiKey();
        }
        if (c.username() != null && !c.username().isBlank()) {
            String pair = c.username() + ":" + (c.password() == null ? "" : c.password());
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }
        return null;
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

    /**
     * The Java client's bulk ingester with Firebreak's bulk settings straight into Elasticsearch, enrichment
     * done beforehand and not timed, but each document serialised by the client on the way.
     */
    static BulkCeiling.Measure clientArm(ElasticsearchClient client, MentionStore store, List<Mention> mentions,
                                         Enricher enricher, Settings.Ingest ingest) throws InterruptedException {
        Instant now = Instant.now();
        var documents = new ArrayList<MentionDocument>(mentions.size());
        var indices = new ArrayList<String>(mentions.size());
        for (Mention m : mentions) {
            EnrichedMention em = enricher.apply(m);
            documents.add(MentionDocument.of(em, now));
            indices.add(store.indexFor(m.createdAt()));
        }
        var acknowledged = new AtomicLong();
        MachineCpu before = MachineCpu.now();
        ProcessCpu processesBefore = ProcessCpu.now();
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
        return new BulkCeiling.Measure(new BulkCeiling.Cell(ingest.bulkMaxOperations(), ingest.bulkConcurrency()),
                mentions.size(), (System.nanoTime() - t0) / 1e9, MachineCpu.now().since(before),
                ProcessCpu.now().since(processesBefore));
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
                    // a service started with FIREBREAK_API_TOKEN in the environment takes only requests that carry it
                    HttpResponse<String> r = http.send(io.firebreak.access.ClientCredentials.fromEnvironment("", System.getenv())
                            .authorize(HttpRequest.newBuilder(uri), io.firebreak.access.Role.API)
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
