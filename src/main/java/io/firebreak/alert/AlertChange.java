package io.firebreak.alert;

import io.firebreak.detect.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What changed between the version a reader last got and this one, in words a responder reads in a
 * thread: the kind of change first, then the figures that moved, then why.
 *
 * @param material status, severity or category changed: something to act on, not just new numbers
 */
public record AlertChange(boolean material, List<String> lines) {

    public AlertChange {
        lines = List.copyOf(lines);
    }

    public static AlertChange between(Alert before, Alert after) {
        if (before == null) {
            List<String> lines = new ArrayList<>();
            lines.add(after.provisional() ? "Early warning" : "New alert");
            if (after.version() > 1) {
                lines.add(headline(after));
            }
            note(after, lines);
            return new AlertChange(true, dedupe(lines));
        }
        List<String> lines = new ArrayList<>();
        lines.add(headline(after));
        boolean material = before.status() != after.status() || before.severity() != after.severity()
                || !Objects.equals(before.category(), after.category());
        if (before.severity() != after.severity()) {
            lines.add("Severity " + before.severity() + " → " + after.severity());
        }
        if (!Objects.equals(before.category(), after.category())) {
            lines.add("Category " + before.category() + " → " + after.category());
        }
        Evidence b = before.evidence();
        Evidence a = after.evidence();
        if (b != null && a != null && after.status() != Alert.Status.resolved) {
            if (b.count() != a.count()) {
                lines.add("Mentions " + b.count() + " → " + a.count() + (b.window().equals(a.window()) ? "" : " (" + a.window() + ")"));
            }
            if (Math.abs(b.ratio() - a.ratio()) >= 0.05) {
                lines.add(String.format(Locale.ROOT, "Ratio to baseline %.1f× → %.1f×", b.ratio(), a.ratio()));
            }
            if (b.reach() != a.reach()) {
                lines.add("Reach " + b.reach() + " → " + a.reach());
            }
        }
        note(after, lines);
        return new AlertChange(material, dedupe(lines));
    }

    /** The kind of change in a word or two. */
    static String headline(Alert a) {
        if (a.change() == null) {
            return a.status() == Alert.Status.resolved ? "Resolved" : "Updated";
        }
        return switch (a.change()) {
            case opened -> a.provisional() ? "Early warning" : "New alert";
            case confirmed -> "Confirmed";
            case escalated -> a.provisional() ? "Escalated (early look)" : "Escalated";
            case deescalated -> "De-escalated";
            case grown -> "Growing";
            case refreshed -> "Numbers updated";
            case resolved -> a.handled().resolvedBy() != null ? "Resolved by " + a.handled().resolvedBy() : "Resolved";
            case withdrawn -> "Withdrawn";
            case acknowledged -> "Acknowledged by " + a.handled().acknowledgedBy();
            case snoozed -> "Snoozed by " + a.handled().snoozedBy();
            case statement -> (a.handled().statementEdited() ? "Statement edited by " : "Statement approved by ")
                    + a.handled().statementBy();
            case channel -> "Incident channel opened by " + a.handled().channelBy();
        };
    }

    private static void note(Alert a, List<String> lines) {
        if (a.note() != null && !a.note().isBlank()) {
            lines.add(a.note());
        }
    }

    private static List<String> dedupe(List<String> lines) {
        return lines.stream().distinct().toList();
    }
}
