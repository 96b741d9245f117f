package io.firebreak.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** What changed between the alert as last sent and now, in words a responder reads in a thread. */
public record AlertChange(boolean material, List<String> lines) {

    public AlertChange {
        lines = List.copyOf(lines);
    }

    /**
     * Material changes (status, severity, category) are sent at once; evidence-only changes wait for
     * the re-notify interval so a growing wave updates the message without a ping every minute.
     */
    public static AlertChange between(Alert before, Alert after) {
        if (before == null) {
            return new AlertChange(true, List.of("New alert"));
        }
        List<String> lines = new ArrayList<>();
        boolean material = false;
        if (before.status() != after.status()) {
            material = true;
            lines.add(switch (after.status()) {
                case resolved -> "Resolved";
                case escalated -> "Escalated";
                case firing -> "Firing again (was " + before.status() + ")";
            });
        }
        if (before.severity() != after.severity()) {
            material = true;
            lines.add("Severity " + before.severity() + " → " + after.severity());
        }
        if (!Objects.equals(before.category(), after.category())) {
            material = true;
            lines.add("Category " + before.category() + " → " + after.category());
        }
        Alert.Evidence b = before.evidence();
        Alert.Evidence a = after.evidence();
        if (b != null && a != null) {
            if (b.count() != a.count()) {
                lines.add("Mentions " + b.count() + " → " + a.count());
            }
            if (Math.abs(b.ratio() - a.ratio()) >= 0.05) {
                lines.add(String.format(Locale.ROOT, "Ratio to baseline %.1f× → %.1f×", b.ratio(), a.ratio()));
            }
            if (b.reach() != a.reach()) {
                lines.add("Reach " + b.reach() + " → " + a.reach());
            }
        }
        if (lines.isEmpty()) {
            lines.add("Still " + after.status() + ", no change");
        }
        return new AlertChange(material, lines);
    }
}
