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

/** {@code firebreak bench}: the pipeline against the raw Elasticsearch ceiling, in one run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure ingest against the raw Elasticsearch bulk ceiling, detection latency and memory.")
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

    @Override
    public Integer call() throws Exception {
        Home home = Home.detect();
        Bench.Options options = quick ? Bench.Options.quick() : Bench.Options.full();
        if (mentions != null || clients != null) {
            options = new Bench.Options(mentions != null ? mentions : options.mentions(), options.brands(),
                    clients != null ? clients : options.clients(), options.perRequest(), options.latencyTrials(),
                    null, false);
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
        Settings settings = Settings.load(home).withFreeApiPort();
        Bench.Result r = Bench.run(home, settings, options);
        if (json) {
            System.out.println(new ObjectMapper().writeValueAsString(r));
            return 0;
        }
        Bench.Share wall = r.enrichmentShare();
        Bench.Share cpu = r.enrichmentShareCpu();
        System.out.printf("""
                Firebreak bench: %,d mentions, %d brands, one run on this machine
                  texts: %s
                  raw ceiling (bulk ingester, no Firebreak)   %,10.0f docs/s
                  full pipeline (HTTP, enrich, index, detect) %,10.0f docs/s
                  ratio pipeline / raw                         %9.0f %%   (target >= 60 %%)
                  pipeline with enrichment precomputed        %,10.0f docs/s
                  enrichment's share of ingest throughput      %9.1f %%   (target <= 10 %%)%s
                    per round (%d rounds, alternating)         median %.1f %%, %.1f .. %.1f %%
                  enrichment's CPU in the pipeline, measured   %9.1f %%   of machine CPU (%.0f us per mention)
                  enrichment's share of machine CPU per mention %8.1f %%   (Firebreak + Elasticsearch + senders)
                    per round                                  median %.1f %%, %.1f .. %.1f %%
                    CPU per 1,000 mentions                     %.0f ms with enrichment, %.0f ms precomputed
                    A/B on Firebreak's process CPU alone       %9.1f %%   (Elasticsearch's merges left out)
                    machine busy / stolen by the host          %.0f %% / %.0f %%
                    documents per bulk request                 %.0f with enrichment, %.0f precomputed
                  enrichment alone, one thread                %,10.0f mentions/s
                  detection latency, HTTP in -> Slack, %d trials
                    p50                                        %9.0f ms
                    p99                                        %9.0f ms   (target <= 1000 ms)
                    max                                        %9.0f ms
                  heap peak during the pipeline run            %9.0f MB
                  heap after GC (steady state)                 %9.0f MB   (target <= 512 MB)
                  JVM resident set peak                        %9.0f MB
                """, r.mentions(), r.brands(), r.texts(), r.rawDocsPerS(), r.pipelineDocsPerS(), r.ratio() * 100,
                r.pipelineWithoutEnrichmentDocsPerS(), wall.pooled() * 100, r.control() ? "  CONTROL: both arms precomputed" : "",
                Bench.ROUNDS, wall.median() * 100, wall.min() * 100, wall.max() * 100,
                r.enrichmentShareDirect() * 100, r.enrichmentCpuUsPerMention(),
                cpu.pooled() * 100, cpu.median() * 100, cpu.min() * 100, cpu.max() * 100,
                r.pipelineCpuMsPer1000(), r.precomputedCpuMsPer1000(), r.enrichmentShareFirebreakCpu() * 100, r.machineBusy() * 100, r.machineSteal() * 100,
                r.bulkDocsPerRequest(), r.bulkDocsPerRequestPrecomputed(),
                r.enrichmentOneThreadPerS(), r.latencyTrials(),
                r.latencyP50Ms(), r.latencyP99Ms(), r.latencyMaxMs(), r.heapPeakMb(),
                r.heapAfterGcMb(), r.rssPeakMb());
        return 0;
    }
}
