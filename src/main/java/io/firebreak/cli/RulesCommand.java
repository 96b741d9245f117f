package io.firebreak.cli;

import io.firebreak.alert.Lifecycle;
import io.firebreak.authoring.JUnitReport;
import io.firebreak.authoring.Lint;
import io.firebreak.authoring.Recordings;
import io.firebreak.authoring.RuleTests;
import io.firebreak.authoring.TestResult;
import io.firebreak.authoring.TextReport;
import io.firebreak.config.Home;
import io.firebreak.detect.DetectionSettings;
import io.firebreak.detect.RuleBook;
import io.firebreak.enrich.Enrichers;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code firebreak rules}: what a rule author runs before a rule ships, locally and in CI. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Rule tests and lint for rules/*.drl and config/*.yaml.",
        subcommands = {RulesCommand.Test.class, RulesCommand.LintCommand.class})
public final class RulesCommand {

    /** Exit code when an expectation or a lint check fails (2 stays for unusable input, as elsewhere). */
    static final int FAILED = 1;

    /** A path as the person typed it or relative to where they are: file:line in a terminal or CI log stays short. */
    static Path shown(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs) : p;
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Runs the fixtures in rules/tests/*.yaml through the real engine (the backtest path, early "
                    + "looks included, on event time) and checks the alerts they expect; exits 1 when one fails.")
    static final class Test implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--rules", paramLabel = "DIR", description = "rule files (default: rules/); fixtures in DIR/tests/")
        Path rules;

        @Option(names = "--thresholds", paramLabel = "FILE", description = "thresholds (default: config/thresholds.yaml)")
        Path thresholds;

        @Option(names = "--tests", paramLabel = "DIR", description = "fixture folder (default: the rules folder's tests/)")
        Path tests;

        @Option(names = "--junit", paramLabel = "FILE", description = "also write JUnit XML here (Jenkins' junit step reads it)")
        Path junit;

        @Override
        public Integer call() throws IOException {
            Home home = Home.detect();
            Path rulesDir = shown(rules != null ? rules : home.rules());
            Path thresholdsFile = shown(thresholds != null ? thresholds : home.config("thresholds.yaml"));
            Path fixtures = shown(tests != null ? tests : rulesDir.resolve("tests"));
            PrintWriter out = spec.commandLine().getOut();
            long t0 = System.nanoTime();
            RuleBook book;
            try {
                long c0 = System.nanoTime();
                book = RuleBook.compile(rulesDir, thresholdsFile);
                out.printf(java.util.Locale.ROOT, "rules compiled in %d ms (%d files, runtime DRL)%n",
                        (System.nanoTime() - c0) / 1_000_000, book.files().size());
            } catch (RuleBook.InvalidRules e) {
                PrintWriter err = spec.commandLine().getErr();
                e.problems().forEach(err::println);
                err.println("rules test: the rules do not compile; run firebreak rules lint");
                err.flush();
                return FAILED;
            }
            RuleTests tests = new RuleTests(book, rulesDir, thresholdsFile,
                    DetectionSettings.load(home.config("detection.yaml")), Lifecycle.load(home.config("alerts.yaml")),
                    () -> Enrichers.standard(home), new Recordings(home));
            List<TestResult> results = tests.runAll(fixtures);
            boolean ok = TextReport.print(out, results, (System.nanoTime() - t0) / 1e9);
            if (junit != null) {
                JUnitReport.write(junit, results, Instant.now());
                out.println("JUnit XML: " + junit);
                out.flush();
            }
            return ok ? 0 : FAILED;
        }
    }

    @Command(name = "lint", mixinStandardHelpOptions = true,
            description = "Compiles the rules and checks thresholds, detection and alert settings, categories, brands, "
                    + "statements, routing, silences, playbooks and fixtures; every problem as file:line, all at once.")
    static final class LintCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--rules", paramLabel = "DIR", description = "rule files (default: rules/)")
        Path rules;

        @Option(names = "--thresholds", paramLabel = "FILE", description = "thresholds (default: config/thresholds.yaml)")
        Path thresholds;

        @Override
        public Integer call() {
            Home home = Home.detect();
            List<Lint.Problem> problems = new Lint(home, shown(rules != null ? rules : home.rules()),
                    shown(thresholds != null ? thresholds : home.config("thresholds.yaml"))).run();
            PrintWriter out = spec.commandLine().getOut();
            problems.forEach(out::println);
            out.println(problems.isEmpty() ? "lint: no problems" : "lint: " + problems.size() + " problem(s)");
            out.flush();
            return problems.isEmpty() ? 0 : FAILED;
        }
    }
}
