package io.firebreak.cli;

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
            AlertPreviewCommand.class,
        })
public final class Firebreak {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Firebreak()).setCaseInsensitiveEnumValuesAllowed(true);
    }
}
