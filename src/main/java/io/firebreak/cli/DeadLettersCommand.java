package io.firebreak.cli;

import io.firebreak.config.Home;
import io.firebreak.config.Settings;
import io.firebreak.service.DeadLetterReplay;
import io.firebreak.store.DeadLetters;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code firebreak deadletters}: see what was rejected and why, and send it again once fixed. */
@Command(name = "deadletters", mixinStandardHelpOptions = true,
        description = "List rejected input with its reasons, or replay it through the running service.",
        subcommands = {DeadLettersCommand.ListLetters.class, DeadLettersCommand.ReplayLetters.class})
public final class DeadLettersCommand {

    /** {@code deadletters list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Newest rejected items first, with reasons.")
    static final class ListLetters implements Callable<Integer> {
        @Option(names = "--limit", defaultValue = "20")
        int limit;

        @Override
        public Integer call() {
            Home home = Home.detect();
            List<DeadLetters.Letter> letters = DeadLetterReplay.list(home, Settings.load(home), limit);
            if (letters.isEmpty()) {
                System.out.println("no dead letters");
            }
            for (DeadLetters.Letter l : letters) {
                System.out.printf("%s  %s  %s %s%n    %s%n    %s%n", l.id(), l.receivedAt(), l.origin(), l.where(),
                        String.join("; ", l.errors()), abbreviate(l.raw()));
            }
            return 0;
        }
    }

    /** {@code deadletters replay}. */
    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Send dead letters again through the running service's API; those now accepted are removed.")
    static final class ReplayLetters implements Callable<Integer> {
        @Parameters(arity = "0..*", description = "ids to replay (default: all)")
        List<String> ids = List.of();

        @Override
        public Integer call() throws Exception {
            Home home = Home.detect();
            DeadLetterReplay.Result result = DeadLetterReplay.replay(home, Settings.load(home), ids);
            System.out.printf("replayed %d: %d now indexed and removed, %d still rejected%n",
                    result.tried(), result.indexed(), result.tried() - result.indexed());
            return 0;
        }
    }

    private static String abbreviate(String s) {
        String oneLine = s == null ? "" : s.replace('\n', ' ');
        return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 157) + "...";
    }
}
