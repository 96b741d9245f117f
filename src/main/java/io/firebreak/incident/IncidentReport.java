package io.firebreak.incident;

import io.firebreak.notify.TopPost;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The post-incident report in Markdown: summary, the times that matter and the time to each, the severity
 * path, the playbook's steps (on time, late, missed), what was said publicly, the timeline, the evidence and
 * the recovery. Everything from the public, and everything a person typed, is escaped ({@link Markdown}).
 */
public final class IncidentReport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final int TOP_POSTS = 5;

    private IncidentReport() {}

    /**
     * @param brandName the brand as the public knows it
     * @param recovery  the negative share after the incident, or null when it cannot be told
     * @param chart     the file name of the mentions-vs-baseline PNG beside the report, or null
     */
    public static String markdown(Incident i, List<TimelineEntry> timeline, String brandName, Recovery recovery, String chart) {
        StringBuilder md = new StringBuilder();
        md.append("# Post-incident report: ").append(Markdown.inline(brandName, 80)).append(", ")
                .append(Markdown.inline(i.category(), 40)).append("\n\n");
        summary(md, i, brandName);
        times(md, i);
        severityPath(md, i);
        figures(md, i, chart);
        steps(md, i);
        statements(md, i);
        timeline(md, timeline);
        evidence(md, i);
        recovery(md, i, recovery);
        return md.toString();
    }

    private static void summary(StringBuilder md, Incident i, String brandName) {
        md.append("## Summary\n\n");
        md.append("- Incident: `").append(i.id()).append("` (alert `").append(i.alertId()).append("`, rule `")
                .append(i.rule()).append("`)\n");
        md.append("- Brand: ").append(Markdown.inline(brandName, 80)).append("; category: ").append(Markdown.inline(i.category(), 40))
                .append("; playbook: ").append(Markdown.inline(i.playbook(), 40)).append('\n');
        md.append("- Opened: ").append(i.openedBy() == null ? "automatically, the alert " + Markdown.inline(i.reason(), 100)
                : "by hand, " + Markdown.inline(i.reason(), 200)).append('\n');
        md.append("- Highest severity: ").append(peakSeverity(i)).append("; status: ").append(i.status()).append('\n');
        long late = i.steps().stream().mapToLong(StepState::late).sum();
        long missed = i.steps().stream().mapToLong(StepState::missed).sum();
        long onTime = i.steps().stream().mapToLong(StepState::onTime).sum();
        md.append("- Playbook steps: ").append(onTime).append(" done on time, ").append(late).append(" late, ")
                .append(missed).append(" missed\n\n");
    }

    private static String peakSeverity(Incident i) {
        return i.severityPath().stream().map(Incident.SeverityChange::severity).min(Enum::compareTo)
                .map(Enum::name).orElse(String.valueOf(i.severity()));
    }

    private static void times(StringBuilder md, Incident i) {
        md.append("## Times\n\n| | at | after detection | by |\n|---|---|---|---|\n");
        row(md, "Detected", i.detectedAt(), i.detectedAt(), null);
        row(md, "Incident opened", i.openedAt(), i.detectedAt(), i.openedBy());
        row(md, "Acknowledged", i.acknowledgedAt(), i.detectedAt(), i.acknowledgedBy());
        row(md, "First statement approved", i.firstStatementAt(), i.detectedAt(), i.firstStatementBy());
        row(md, "Resolved", i.resolvedAt(), i.detectedAt(), i.resolvedBy());
        md.append('\n');
    }

    private static void row(StringBuilder md, String what, Instant at, Instant from, String by) {
        md.append("| ").append(what).append(" | ").append(at == null ? "not yet" : TIME.format(at)).append(" | ")
                .append(at == null || from == null ? "" : duration(Duration.between(from, at))).append(" | ")
                .append(by == null ? "" : Markdown.inline(by, 60)).append(" |\n");
    }

    private static void severityPath(StringBuilder md, Incident i) {
        md.append("## Severity path\n\n");
        md.append(i.severityPath().stream().map(c -> c.severity() + " at " + TIME.format(c.at()) + " (v" + c.alertVersion() + ")")
                .collect(Collectors.joining(" → "))).append("\n\n");
    }

    private static void figures(StringBuilder md, Incident i, String chart) {
        md.append("## Peak\n\n");
        Incident.Peak p = i.peak();
        if (p == null) {
            md.append("No figures recorded.\n\n");
        } else {
            md.append(String.format(Locale.ROOT, "- Volume: %d mentions in %s at %s, %.1f× the baseline of %.1f%n",
                    p.count(), Markdown.inline(p.window(), 10), TIME.format(p.at()), p.ratio(), p.baseline()));
            md.append(String.format(Locale.ROOT, "- Negative share: %.0f%% at its highest (%d negative mentions at the peak volume)%n",
                    100 * p.negativeShare(), p.negativeCount()));
            md.append(String.format(Locale.ROOT, "- Reach: %,d at its highest%n", p.reach()));
            md.append('\n');
        }
        if (chart != null) {
            md.append("![Mentions vs baseline](").append(chart).append(")\n\n");
        }
    }

    private static void steps(StringBuilder md, Incident i) {
        md.append("## Playbook steps\n\n| step | owner | due | done | outcome | reminders |\n|---|---|---|---|---|---|\n");
        for (StepState s : i.steps()) {
            md.append("| ").append(Markdown.inline(s.title(), 120)).append(" | ").append(Markdown.inline(s.owner(), 40))
                    .append(" | ").append(s.dueAt() == null ? "" : TIME.format(s.dueAt()))
                    .append(" | ").append(s.doneAt() == null ? "" : TIME.format(s.doneAt())
                            + (s.doneBy() == null ? "" : " by " + Markdown.inline(s.doneBy(), 60)))
                    .append(" | ").append(outcome(s)).append(" | ").append(s.reminders()).append(" |\n");
        }
        md.append('\n');
    }

    /** On time, late, missed, skipped, or still to do, with a repeating step's counts. */
    static String outcome(StepState s) {
        if (s.repeating()) {
            String counts = s.onTime() + " on time, " + s.late() + " late, " + s.missed() + " missed";
            return s.state().settled() ? counts : counts + "; next " + s.state();
        }
        return switch (s.state()) {
            case done -> s.late() > 0 ? "late" : "on time";
            case missed -> "missed";
            case skipped -> "not needed";
            case overdue -> "overdue";
            case pending -> "to do";
            case waiting -> "waiting";
        };
    }

    private static void statements(StringBuilder md, Incident i) {
        md.append("## What was said publicly\n\n");
        if (i.statements().isEmpty()) {
            md.append("No holding statement was recorded.\n\n");
            return;
        }
        for (Incident.StatementVersion v : i.statements()) {
            md.append("**Version ").append(v.number()).append("**, ").append(switch (v.kind()) {
                case recommended -> "recommended by Firebreak at " + TIME.format(v.at());
                case approved -> "approved by " + Markdown.inline(v.by(), 60) + " at " + TIME.format(v.at());
                case edited -> "edited and approved by " + Markdown.inline(v.by(), 60) + " at " + TIME.format(v.at());
            }).append(v.template() == null ? "" : " (template `" + v.template().replace('`', '\'') + "`)").append(":\n\n");
            md.append(Markdown.quote(v.text(), 3000)).append('\n');
        }
        if (i.statements().stream().noneMatch(v -> v.kind() != Incident.StatementVersion.Kind.recommended)) {
            md.append("No statement was approved.\n\n");
        }
    }

    private static void timeline(StringBuilder md, List<TimelineEntry> timeline) {
        md.append("## Timeline\n\n| time | kind | what | who |\n|---|---|---|---|\n");
        List<TimelineEntry> inOrder = new java.util.ArrayList<>(timeline);
        // by time; what was recorded at the same instant keeps the order it was recorded in
        inOrder.sort(java.util.Comparator.comparing(TimelineEntry::at).thenComparingLong(TimelineEntry::seq));
        for (TimelineEntry e : inOrder) {
            String detail = e.detail() == null || e.kind() == TimelineEntry.Kind.statement || e.kind() == TimelineEntry.Kind.reminder
                    ? "" : ": " + Markdown.inline(e.detail(), 200);
            md.append("| ").append(TIME.format(e.at())).append(" | ").append(e.kind()).append(" | ")
                    .append(Markdown.inline(e.title(), 200)).append(detail).append(" | ")
                    .append(e.by() == null ? "" : Markdown.inline(e.by(), 60)).append(" |\n");
        }
        md.append('\n');
    }

    private static void evidence(StringBuilder md, Incident i) {
        md.append("## Evidence: the most-shared posts\n\n");
        if (i.topPosts().isEmpty()) {
            md.append("No posts were looked up.\n\n");
            return;
        }
        int n = 0;
        for (TopPost p : i.topPosts()) {
            if (n++ == TOP_POSTS) {
                break;
            }
            md.append(n).append(". ").append(Markdown.inline(p.text(), 280)).append("  \n   ")
                    .append(p.authorHandle() == null ? "" : "by " + Markdown.inline(p.authorHandle(), 40) + ", ")
                    .append(String.format(Locale.ROOT, "%,d followers, %,d shares", p.followers(), p.shares()))
                    .append(p.url() == null || Markdown.url(p.url()).isEmpty() ? "" : ", " + Markdown.url(p.url())).append('\n');
        }
        md.append('\n');
    }

    private static void recovery(StringBuilder md, Incident i, Recovery r) {
        md.append("## Recovery\n\n");
        StepState watch = i.steps().stream().filter(s -> s.after() == Playbook.Anchor.resolved).findFirst().orElse(null);
        if (watch != null) {
            md.append("- ").append(Markdown.inline(watch.title(), 120)).append(": ").append(outcome(watch))
                    .append(watch.doneBy() == null ? "" : " (" + Markdown.inline(watch.doneBy(), 60) + ")").append('\n');
        }
        if (r == null) {
            md.append("- The negative share after the incident could not be read from the indexed mentions.\n\n");
            return;
        }
        md.append(String.format(Locale.ROOT, "- The brand's usual negative share (the week before detection, %,d mentions): %.0f%%%n",
                r.baselineMentions(), 100 * r.baselineShare()));
        if (r.backAt() == null) {
            md.append("- Not back to the baseline yet in the mentions indexed so far.\n");
        } else {
            md.append("- Back to the baseline (within ").append(Math.round(100 * Recovery.MARGIN)).append(" points) in the hour from ")
                    .append(TIME.format(r.backAt())).append(": ").append(duration(Duration.between(i.detectedAt(), r.backAt())))
                    .append(" after detection");
            if (i.resolvedAt() != null) {
                Duration after = Duration.between(i.resolvedAt(), r.backAt());
                md.append(after.isNegative() ? ", before the alert resolved" : ", " + duration(after) + " after it resolved");
            }
            md.append('\n');
        }
        md.append("\n| hour | mentions | negative |\n|---|---|---|\n");
        for (Recovery.Hour h : r.hours()) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %.0f%% |%n", TIME.format(h.at()), h.mentions(), 100 * h.share()));
        }
        md.append('\n');
    }

    static String duration(Duration d) {
        long s = Math.abs(d.toSeconds());
        String sign = d.isNegative() ? "-" : "";
        if (s < 60) {
            return sign + s + " s";
        }
        long m = s / 60;
        return m < 120 ? sign + m + " min" : String.format(Locale.ROOT, "%s%d h %02d min", sign, m / 60, m % 60);
    }
}
