package io.firebreak.notify;

import io.firebreak.alert.Alert;
import io.firebreak.alert.AlertChange;
import io.firebreak.detect.Evidence;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints alerts as readable text when there is no Slack: the same content as the Slack message.
 * Public text has control, bidi and zero-width characters removed ({@link SlackText#clean}) so a
 * post can neither drive the terminal nor reorder or hide what is printed.
 */
public final class ConsoleNotifier implements Notifier {

    private static final int WIDTH = 88;

    private final PrintStream out;

    public ConsoleNotifier(PrintStream out) {
        this.out = out;
    }

    @Override
    public void deliver(Notification notification, AlertChange change) {
        out.print(render(notification, change));
        out.flush();
    }

    /** Who did what with the alert, each with when (people's names and reasons cleaned like public text). */
    static String handled(Alert a) {
        Alert.Handling h = a.handled();
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (h.acknowledgedBy() != null) {
            parts.add("acknowledged by " + clean(h.acknowledgedBy(), 80) + at(h.acknowledgedAt()));
        }
        if (h.escalatedBy() != null) {
            parts.add("escalated by hand by " + clean(h.escalatedBy(), 80) + at(h.escalatedAt()));
        }
        if (h.channel() != null) {
            parts.add("incident channel " + clean(h.channel(), 20) + " opened by " + clean(h.channelBy(), 80) + at(h.channelAt()));
        }
        if (h.snoozedUntil() != null && a.open()) {
            parts.add("snoozed by " + clean(h.snoozedBy(), 80) + " until " + Figures.time(h.snoozedUntil()));
        }
        if (h.statementBy() != null) {
            parts.add((h.statementEdited() ? "statement edited and approved by " : "statement approved by ")
                    + clean(h.statementBy(), 80) + at(h.statementAt()));
        }
        if (h.resolvedBy() != null) {
            parts.add("resolved by " + clean(h.resolvedBy(), 80)
                    + (h.reason() == null || h.reason().isBlank() ? "" : ": " + clean(h.reason(), 300)));
        }
        return String.join("; ", parts);
    }

    private static String at(java.time.Instant t) {
        return t == null ? "" : " at " + Figures.time(t);
    }

    /** The text block for one alert. */
    public static String render(Notification n, AlertChange change) {
        Alert a = n.alert();
        Evidence e = a.evidence();
        StringBuilder s = new StringBuilder();
        String state = a.change() == Alert.Change.withdrawn ? "WITHDRAWN"
                : a.status().name().toUpperCase(java.util.Locale.ROOT) + (a.provisional() && a.open() ? " (EARLY)" : "");
        String title = "== " + a.severity() + " · " + clean(n.brandName(), 80) + " · " + clean(a.category(), 40)
                + " · " + state + " ";
        s.append(title).append("=".repeat(Math.max(3, WIDTH - title.length()))).append('\n');
        s.append("alert ").append(clean(a.alertId(), 80)).append(" v").append(a.version()).append(" · rule ").append(clean(a.rule(), 80))
                .append(" · channel ").append(clean(n.channel(), 80)).append('\n');
        s.append("fired ").append(Figures.time(a.firedAt()));
        if (a.updatedAt() != null) {
            s.append(" · updated ").append(Figures.time(a.updatedAt()));
        }
        if (a.resolvedAt() != null) {
            s.append(" · resolved ").append(Figures.time(a.resolvedAt()));
        }
        s.append('\n');
        s.append("what changed: ").append(String.join("; ", change.lines())).append('\n');
        String handled = handled(a);
        if (!handled.isEmpty()) {
            s.append("handled: ").append(handled).append('\n');
        }
        if (e != null) {
            s.append("mentions (").append(clean(e.window(), 20)).append("): ").append(e.count())
                    .append(" vs baseline ").append(Figures.decimal(e.baseline()))
                    .append(" (").append(Figures.ratio(e.ratio())).append(")")
                    .append(" · negative ").append(Figures.percent(e.negativeShare())).append(" (").append(e.negativeCount()).append(")")
                    .append(" · reach ").append(Figures.count(e.reach())).append('\n');
            if (!e.topTerms().isEmpty()) {
                s.append("top terms: ").append(e.topTerms().stream().map(t -> clean(t, 40)).collect(Collectors.joining(", ")))
                        .append('\n');
            }
        }
        if (!n.topPosts().isEmpty()) {
            s.append("top posts:\n");
            for (TopPost p : n.topPosts()) {
                // cleaned before the @ is dropped, so an invisible character cannot hide a leading @
                String handle = clean(SlackText.clean(p.authorHandle()).replaceFirst("^\\s*@+", ""), 60);
                String who = handle.isEmpty() ? "(unknown author)" : "@" + handle;
                s.append("  - ").append(who).append(" (").append(Figures.counted(p.followers(), "follower")).append(", ")
                        .append(Figures.counted(p.shares(), "share")).append(")");
                String url = SlackText.safeUrl(p.url());
                if (url != null) {
                    s.append(' ').append(url);
                }
                s.append("\n    \"").append(clean(p.text(), 280)).append("\"\n");
            }
        }
        if (a.handled().statement() != null) {
            s.append(a.handled().statementEdited() ? "holding statement, edited and approved:\n" : "holding statement, approved:\n");
            wrap(clean(a.handled().statement(), 4000), WIDTH - 4).forEach(line -> s.append("  | ").append(line).append('\n'));
        } else if (a.statement() != null && a.statement().text() != null) {
            s.append("holding statement (").append(clean(a.statement().template(), 80)).append("), check facts, then post:\n");
            wrap(clean(a.statement().text(), 4000), WIDTH - 4).forEach(line -> s.append("  | ").append(line).append('\n'));
        }
        if (n.checklist() != null) {
            s.append("do:\n");
            n.checklist().dos().forEach(d -> s.append("  + ").append(clean(d, 300)).append('\n'));
            s.append("don't:\n");
            n.checklist().donts().forEach(d -> s.append("  - ").append(clean(d, 300)).append('\n'));
        }
        s.append('\n');
        return s.toString();
    }

    private static String clean(String text, int max) {
        return SlackText.oneLine(text, max);
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
