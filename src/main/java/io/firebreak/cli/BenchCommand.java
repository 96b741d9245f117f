package io.firebreak.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.bench.Bench;
import io.firebreak.config.Home;
import io.firebreak.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code firebreak bench}: the pipeline against the true Elasticsearch bulk ceiling, in one run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure ingest against the true Elasticsearch bulk ceiling, Firebreak's CPU per mention, detection latency and memory.")
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "one JSON object instead of a table")
    boolean json;

    @Option(names = "--quick", description = "a seconds-long run (20,000 mentions), as CI runs it")
    boolean quick;

    @Option(names = "--mentions", description = "how many mentions (default 200,000; 20,000 with --quick)")
    Integer mentions;

    @Option(names = "--clients", description = "concurrent HTTP senders in the pipeline run (default 8)")
    Integer clients;

    @Option(names = "--texts", paramLabel = "FILE",
            description = "post these texts, one per line (default: the shipped 3,708 product-review sentences)")
    Path texts;

    @Option(names = "--control",
            description = "answer enrichment from the table in both pipeline arms: the share printed is then the method's noise")
    boolean control;

    @Option(names = "--jfr", paramLabel = "FILE",
            description = "record the enriching pipeline arms with JDK Flight Recorder (profile settings) into FILE")
    Path jfr;

    @Override
    public Integer call() throws Exception {
        Home home = Home.detect();
        Bench.Options options = quick ? Bench.Options.quick() : Bench.Options.full();
        if (mentions != null) {
            options = options.withMentions(mentions);
        }
        if (clients != null) {
            options = options.withClients(clients);
        }
        if (texts != null) {
            if (!Files.isReadable(texts)) {
                throw new ParameterException(spec.commandLine(), "--texts: cannot read " + texts);
            }
            options = options.withTexts(texts);
        }
        if (control) {
            options = options.asControl();
        }
        if (jfr != null) {
            options = options.withJfr(jfr.toAbsolutePath());
        }
        Settings settings = Settings.load(home).withFreeApiPort();
        Bench.Result r = Bench.run(home, settings, options);
        if (json) {
            System.out.println(new ObjectMapper().writeValueAsString(r));
            return 0;
        }
        Bench.Share wall = r.enrichmentShare();
        Bench.Share cpu = r.enrichmentShareCpu();
        Bench.Share ratio = r.ratioPerRound();
        Bench.Share own = r.firebreakProcessCpuUsPerRound();
        Bench.Share machine = r.firebreakCpuUsPerRound();
        var threads = new StringBuilder();
        r.pipelineJvmThreads().entrySet().stream().limit(12)
                .forEach(e -> threads.append(String.format("%n                      %-16s %6.1f", e.getKey(), e.getValue())));
        var sweep = new StringBuilder();
        for (Bench.SweepCell c : r.ceilingSweep()) {
            sweep.append(String.format("      %,6d x %d                               %,10.0f docs/s %6.1f us %6.1f us%s%n",
                    c.batch(), c.concurrency(), c.docsPerS(), c.cpuUsPerDoc(), c.processCpuUsPerDoc(),
                    c.batch() == r.ceilingBatch() && c.concurrency() == r.ceilingConcurrency() ? "  <- best" : ""));
        }
        System.out.printf("""
                Firebreak bench: %,d mentions, %d brands, %d rounds, one run on this machine
                  texts: %s
                  CPU per mention: "machine" is every process (/proc/stat), "processes" is this JVM + Elasticsearch only
                  true ceiling: the same documents as pre-serialised _bulk bodies, straight to Elasticsearch
                    sweep, docs per request x requests in flight    throughput   machine  processes
                %s    best cell (%,d x %d), in the rounds          %,10.0f docs/s %6.1f us %6.1f us per mention
                  Java client bulk ingester, Firebreak's settings %,10.0f docs/s %6.1f us
                  full pipeline (HTTP, validate, enrich, index, detect) %,4.0f docs/s %6.1f us %6.1f us per mention
                  ratio pipeline / true ceiling                %9.0f %%   (target >= 60 %%)
                    per round                                  median %.0f %%, %.0f .. %.0f %%
                  ratio pipeline / Java client arm             %9.0f %%
                  Firebreak CPU per mention (pipeline - ceiling, processes) %5.1f us  (target <= 25 us)
                    per round                                  median %.1f, %.1f .. %.1f us
                    the same on machine CPU                    %9.1f us  per round median %.1f, %.1f .. %.1f us
                    pipeline: JVM %.1f us + Elasticsearch %.1f us; ceiling: JVM %.1f us + Elasticsearch %.1f us
                    the pipeline's JVM by thread, us per mention: %s
                    JIT compilers by round, us per mention     %s
                  pipeline with enrichment precomputed        %,10.0f docs/s
                  enrichment's share of ingest throughput      %9.1f %%   (target <= 10 %%)%s
                    per round (%d rounds of their own)         median %.1f %%, %.1f .. %.1f %%
                  enrichment's CPU in the pipeline, measured   %9.1f %%   of machine CPU (%.0f us per mention)
                  enrichment's share of machine CPU per mention %8.1f %%   (Firebreak + Elasticsearch + senders)
                    per round                                  median %.1f %%, %.1f .. %.1f %%
                    machine CPU per mention                    %.0f us with enrichment, %.0f us precomputed
                    A/B on Firebreak's process CPU alone       %9.1f %%   (Elasticsearch's merges left out)
                    machine busy / stolen by the host          %.0f %% / %.0f %%
                    documents per bulk request                 %.0f with enrichment, %.0f precomputed
                  enrichment alone, one thread                %,10.0f mentions/s
                  Slack Web API calls made by detection during the ingest runs %,d
                  detection latency, HTTP in -> Slack, %d trials
                    p50                                        %9.0f ms
                    p99                                        %9.0f ms   (target <= 250 ms)
                    max                                        %9.0f ms
                  heap peak during the pipeline run            %9.0f MB   (pools' peaks summed: an upper bound)
                  heap in use after a collection, at most      %9.0f MB   (target <= 512 MB)
                  heap after GC (steady state)                 %9.0f MB
                  JVM resident set peak                        %9.0f MB
                """, r.mentions(), r.brands(), r.rounds(), r.texts(), sweep, r.ceilingBatch(), r.ceilingConcurrency(),
                r.ceilingDocsPerS(), r.ceilingCpuUsPerMention(), r.ceilingProcessCpu().total(),
                r.clientDocsPerS(), r.clientCpuUsPerMention(),
                r.pipelineDocsPerS(), r.pipelineCpuUsPerMention(), r.pipelineProcessCpu().total(), r.ratio() * 100,
                ratio.median() * 100, ratio.min() * 100, ratio.max() * 100, r.ratioToClient() * 100,
                r.firebreakProcessCpuUsPerMention(), own.median(), own.min(), own.max(),
                r.firebreakCpuUsPerMention(), machine.median(), machine.min(), machine.max(),
                r.pipelineProcessCpu().jvm(), r.pipelineProcessCpu().elasticsearch(),
                r.ceilingProcessCpu().jvm(), r.ceilingProcessCpu().elasticsearch(), threads,
                java.util.Arrays.stream(r.pipelineJitUsPerRound()).mapToObj(v -> String.format("%.0f", v))
                        .collect(java.util.stream.Collectors.joining(" ")),
                r.pipelineWithoutEnrichmentDocsPerS(), wall.pooled() * 100, r.control() ? "  CONTROL: both arms precomputed" : "",
                r.rounds(), wall.median() * 100, wall.min() * 100, wall.max() * 100,
                r.enrichmentShareDirect() * 100, r.enrichmentCpuUsPerMention(),
                cpu.pooled() * 100, cpu.median() * 100, cpu.min() * 100, cpu.max() * 100,
                r.abEnrichingCpuUsPerMention(), r.precomputedCpuUsPerMention(), r.enrichmentShareFirebreakCpu() * 100,
                r.machineBusy() * 100, r.machineSteal() * 100,
                r.bulkDocsPerRequest(), r.bulkDocsPerRequestPrecomputed(),
                r.enrichmentOneThreadPerS(), r.slackCallsDuringIngest(), r.latencyTrials(),
                r.latencyP50Ms(), r.latencyP99Ms(), r.latencyMaxMs(), r.heapPeakMb(),
                r.heapLivePeakMb(), r.heapAfterGcMb(), r.rssPeakMb());
        return 0;
    }
}
