package io.firebreak.authoring;

import io.firebreak.config.Home;
import io.firebreak.detect.RuleBook;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code firebreak rules lint}: every rule and config file checked, every problem with file:line, all at once. */
public final class Lint {

    /** One problem; {@code line} 0 when no line can be named. */
    public record Problem(Path file, int line, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + message;
        }
    }

    private final Home home;
    private final Path rulesDir;
    private final Path thresholdsFile;

    public Lint(Home home, Path rulesDir, Path thresholdsFile) {
        this.home = home;
        this.rulesDir = rulesDir;
        this.thresholdsFile = thresholdsFile;
    }

    public List<Problem> run() {
        List<Problem> problems = new ArrayList<>();
        try {
            RuleBook.compile(rulesDir, thresholdsFile);
        } catch (RuleBook.InvalidRules e) {
            e.problems().forEach(p -> problems.add(new Problem(p.file(), p.line(), p.message())));
        }
        return problems;
    }
}
