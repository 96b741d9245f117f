package io.firebreak.cli;

import io.firebreak.config.ConfigException;
import io.firebreak.enrich.EnrichConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code firebreak} command: one subcommand per job. */
@Command(
        name = "firebreak",
        mixinStandardHelpOptions = true,
        version = "firebreak 0.1.0",
        description = "Crisis monitoring: mentions in, negative waves detected, alerts with holding statements out.",
        subcommands = {
            CommandLine.HelpCommand.class,
            RunCommand.class,
            DemoCommand.class,
            StatusCommand.class,
            DeadLettersCommand.class,
            IncidentCommand.class,
            BenchCommand.class,
            SentimentCommand.class,
            EvalSentimentCommand.class,
            BacktestCommand.class,
            EvalDetectCommand.class,
            AlertPreviewCommand.class,
            RulesCommand.class,
        })
public final class Firebreak {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Firebreak())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Firebreak::explain);
    }

    /**
     * Problems a user can fix (bad config, a missing JDK, no running service) are printed as one
     * clear line; anything else is a bug and keeps its stack trace.
     */
    private static int explain(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof ConfigException || e instanceof EnrichConfigException
                || e instanceof IllegalStateException || e instanceof IllegalArgumentException) {
            cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + e.getMessage());
            return 2;
        }
        throw e;
    }
}
