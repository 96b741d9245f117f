package io.firebreak.authoring;

import io.firebreak.alert.Alert;
import io.firebreak.detect.Severity;
import java.time.Duration;
import java.time.Instant;

/** What a fixture expects of the alert versions its input makes: one is a JUnit test case. */
sealed interface Expectation {

    /** The rule id the test case is named with ({@code any} for a silence over every rule). */
    String rule();

    int line();

    /** Its name in reports: the rule id first, then what it says. */
    String describe(Instant start);

    /**
     * An alert version with these fields, the first of them decided within {@code within} of {@code at}.
     * A field left out (null) matches anything; the rule matches the version's own rule or the one that
     * opened its alert (a wave opened by one rule may be carried on, and resolved, by another's signals).
     *
     * @param early true: the version comes from an early look at the open minute; false: from a final minute
     */
    record AlertExpected(String rule, String brand, String category, Severity severity, Alert.Status status,
                         Alert.Change change, Boolean early, Instant at, Duration within, int line)
            implements Expectation {

        /** @param openedBy the rule that opened the version's alert: a later version may carry another rule's numbers */
        boolean matches(Alert a, String openedBy) {
            return (rule.equals(a.rule()) || rule.equals(openedBy)) && (brand == null || brand.equals(a.brand()))
                    && (category == null || category.equals(a.category()))
                    && (severity == null || severity == a.severity()) && (status == null || status == a.status())
                    && (change == null || change == a.change()) && (early == null || early == a.provisional());
        }

        /** Same rule and brand: what to show next to a miss. */
        boolean related(Alert a) {
            return brand == null || brand.equals(a.brand());
        }

        @Override
        public String describe(Instant start) {
            StringBuilder b = new StringBuilder(rule).append(':');
            append(b, brand);
            append(b, category);
            append(b, severity == null ? null : severity.name());
            append(b, status == null ? null : status.name());
            append(b, change == null ? null : change.name());
            append(b, early == null ? null : early ? "early" : "final");
            return b.append(" at ").append(Offsets.since(start, at)).append(" ±").append(within.toMinutes()).append('m')
                    .toString();
        }
    }

    /**
     * No alert version of this rule (or of any, {@code rule} = "any"), brand and category decided from
     * {@code from} to {@code to}, both included.
     */
    record SilenceExpected(String rule, String brand, String category, Instant from, Instant to, int line)
            implements Expectation {

        static final String ANY = "any";

        boolean breaks(Alert a) {
            return (ANY.equals(rule) || rule.equals(a.rule())) && (brand == null || brand.equals(a.brand()))
                    && (category == null || category.equals(a.category()))
                    && !a.updatedAt().isBefore(from) && !a.updatedAt().isAfter(to);
        }

        @Override
        public String describe(Instant start) {
            StringBuilder b = new StringBuilder(rule).append(": silent");
            append(b, brand);
            append(b, category);
            return b.append(" from ").append(Offsets.since(start, from)).append(" to ").append(to == null ? "the end" : Offsets.since(start, to))
                    .toString();
        }
    }

    private static void append(StringBuilder b, String part) {
        if (part != null) {
            b.append(' ').append(part);
        }
    }
}
