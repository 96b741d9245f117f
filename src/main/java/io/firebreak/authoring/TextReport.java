package io.firebreak.authoring;

import java.io.PrintWriter;
import java.util.List;

/** Rule test results as a person reads them in a terminal or a CI log: failures in full, passes in a line. */
public final class TextReport {

    private TextReport() {}

    /** @return true when everything passed */
    public static boolean print(PrintWriter out, List<TestResult> results, double seconds) {
        long passed = 0, failed = 0, errors = 0;
        for (TestResult r : results) {
            out.println(r.file() + (r.title() == null ? "" : " (" + r.title() + ")"));
            for (String p : r.problems()) {
                out.println("  ERROR " + p);
                errors++;
            }
            for (TestResult.Case c : r.cases()) {
                if (c.passed()) {
                    passed++;
                    out.println("  ok    " + c.name());
                } else {
                    failed++;
                    out.println("  FAIL  " + c.name() + (c.line() > 0 ? "  (" + r.file() + ":" + c.line() + ")" : ""));
                    out.println("        " + c.message());
                    if (c.details() != null) {
                        c.details().lines().forEach(l -> out.println("        " + l));
                    }
                }
            }
        }
        out.printf(java.util.Locale.ROOT, "%nrule tests: %d passed, %d failed, %d fixture(s) not run, %d file(s), %.1f s%n",
                passed, failed, errors, results.size() - 1, seconds);
        out.flush();
        return failed == 0 && errors == 0;
    }
}
