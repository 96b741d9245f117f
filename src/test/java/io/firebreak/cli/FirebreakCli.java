package io.firebreak.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The firebreak command line as a test runs it: the exit code and what it printed (out, then err). */
public final class FirebreakCli {

    private FirebreakCli() {}

    public record Result(int exit, String out) {}

    public static Result execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cmd = Firebreak.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(args);
        return new Result(exit, out + err.toString());
    }
}
