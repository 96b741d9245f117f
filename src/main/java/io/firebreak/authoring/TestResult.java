package io.firebreak.authoring;

import java.util.List;

/**
 * What one fixture file came to: a JUnit test suite. {@code problems} non-empty means the file could
 * not be run at all (a JUnit error); otherwise one case per expectation.
 */
public record TestResult(String suite, String file, String title, List<Case> cases, List<String> problems, double seconds) {

    /** One expectation: a JUnit test case, named with its rule id. */
    public record Case(String name, String rule, int line, boolean passed, String message, String details, double seconds) {}

    public long failures() {
        return cases.stream().filter(c -> !c.passed()).count();
    }

    public boolean passed() {
        return problems.isEmpty() && failures() == 0;
    }
}
