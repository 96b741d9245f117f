package io.firebreak.incident;

import io.firebreak.detect.Severity;
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
        md.append("- Incident: `").append(i.id()).append("` (alert `").append(i.alertId()).append("`)\n");
        md.append("- ").append(rules(i)).append('\n');
        md.append("- Brand: ").append(Markdown.inline(brandName, 80)).append("; category: ").append(Markdown.inline(i.category(), 40))
                .append("; playbook: ").append(Markdown.inline(i.playbook(), 40)).append('\n');
        md.append("- Opened: ").append(i.openedBy() == null ? "automatically, the alert " + Markdown.inline(i.reason(), 100)
                : "by hand, " + Markdown.inline(i.reason(), 200)).append('\n');
        md.append("- Highest severity: ").append(peakSeverity(i)).append("; status: ").append(i.status()).append('\n');
        md.append("- ").append(stepCounts(i.steps())).append('\n');
        for (StepState s : i.steps()) {
            if (s.repeating()) {
                md.append("- ").append(Markdown.inline(s.title(), 120)).append(": ").append(slots(s)).append('\n');
            }
        }
        md.append('\n');
    }

    /**
     * The rules the alert named: one, or each with what it stood for (the first, the one at the time the
     * incident opened, the one at its highest severity), in the order they came.
     */
    static String rules(Incident i) {
        List<Incident.SeverityChange> path = i.severityPath().stream().filter(c -> c.rule() != null).toList();
        if (path.isEmpty() || path.stream().allMatch(c -> c.rule().equals(path.get(0).rule()))) {
            return "Rule: `" + (path.isEmpty() ? i.rule() : path.get(0).rule()) + "`";
        }
        String atOpening = path.stream().filter(c -> !c.at().isAfter(i.openedAt())).reduce((a, b) -> b)
                .orElse(path.get(0)).rule();
        Severity top = path.stream().map(Incident.SeverityChange::severity).min(Enum::compareTo).orElseThrow();
        String atTop = path.stream().filter(c -> c.severity() == top).findFirst().orElseThrow().rule();
        java.util.Map<String, Long> from = new java.util.LinkedHashMap<>();
        path.forEach(c -> from.putIfAbsent(c.rule(), c.alertVersion()));
        List<String> named = new java.util.ArrayList<>();
        from.forEach((rule, version) -> {
            List<String> roles = new java.util.ArrayList<>();
            roles.add(rule.equals(path.get(0).rule()) ? "first" : "from v" + version);
            if (rule.equals(atOpening)) {
                roles.add("when the incident opened");
            }
            if (rule.equals(atTop)) {
                roles.add("at its highest severity, " + top);
            }
            named.add("`" + rule + "` (" + String.join(", ", roles) + ")");
        });
        return "Rules: " + String.join("; ", named);
    }

    /** Steps by where they stand, each counted once; a repeating step's slots are told apart ({@link #slots}). */
    static String stepCounts(List<StepState> steps) {
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (String label : List.of("done on time", "done late", "missed", "overdue", "to do", "waiting", "not needed")) {
            counts.put(label, 0);
        }
        int repeating = 0;
        for (StepState s : steps) {
            if (s.repeating()) {
                repeating++;
                continue;
            }
            String label = switch (s.state()) {
                case done -> s.late() > 0 ? "done late" : "done on time";
                case missed -> "missed";
                case overdue -> "overdue";
                case pending -> "to do";
                case waiting -> "waiting";
                case skipped -> "not needed";
            };
            counts.merge(label, 1, Integer::sum);
        }
        List<String> parts = new java.util.ArrayList<>();
        counts.forEach((label, n) -> {
            if (n > 0) {
                parts.add(n + " " + label);
            }
        });
        if (repeating > 0) {
            parts.add(repeating + " repeating (its slots below)");
        }
        return "Playbook steps (" + steps.size() + "): " + (parts.isEmpty() ? "none" : String.join(", ", parts));
    }

    /** A repeating step's slots: how many of those that came round were done on time, late, missed. */
    static String slots(StepState s) {
        int passed = s.onTime() + s.late() + s.missed();
        String counts = passed == 0 ? "no slot came round"
                : s.onTime() + " of " + passed + " slot" + (passed == 1 ? "" : "s") + " on time"
                + (s.late() > 0 ? ", " + s.late() + " late" : "") + (s.missed() > 0 ? ", " + s.missed() + " missed" : "");
        if (s.state() == StepState.State.skipped && passed == 0) {
            return "not needed";
        }
        return s.state().settled() || s.dueAt() == null ? counts : counts + "; next due " + TIME.format(s.dueAt());
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
        md.append(i.severityPath().stream().map(c -> c.severity() + " at " + TIME.format(c.at()) + " (v" + c.alertVersion()
                        + (c.rule() == null ? "" : ", `" + c.rule() + "`") + ")")
                .collect(Collectors.joining(" → "))).append("\n\n");
    }

    private static void figures(StringBuilder md, Incident i, String chart) {
        md.append("## Peak\n\n");
        Incident.Peak p = i.peak();
        if (p == null) {
            md.append("No figures recorded.\n\n");
        } else {
            // each figure with the window it was read in: the most mentions, the highest share and the widest
            // reach are often different updates
            String window = span(p.window());
            md.append(String.format(Locale.ROOT, "- Most mentions: %,d in the %s to %s, %.1f× the baseline of %.1f mentions per %s;"
                            + " %,d of them (%.0f%%) negative%n", p.count(), window, TIME.format(p.at()), p.ratio(), p.baseline(),
                    window, p.negativeCount(), p.count() == 0 ? 0.0 : 100.0 * p.negativeCount() / p.count()));
            Incident.Reading share = p.highestShare();
            md.append(share == null
                    ? String.format(Locale.ROOT, "- Highest negative share: %.0f%% (its window was not recorded)%n", 100 * p.negativeShare())
                    : String.format(Locale.ROOT, "- Highest negative share: %.0f%%, %,d of the %,d mentions in the %s to %s%n",
                            100 * share.negativeShare(), share.negativeCount(), share.count(), span(share.window()), TIME.format(share.at())));
            Incident.Reading reach = p.highestReach();
            md.append(reach == null
                    ? String.format(Locale.ROOT, "- Highest reach: %,d (its window was not recorded)%n", p.reach())
                    : String.format(Locale.ROOT, "- Highest reach: %,d, the %,d mentions in the %s to %s%n",
                            reach.reach(), reach.count(), span(reach.window()), TIME.format(reach.at())));
            md.append('\n');
        }
        if (chart != null) {
            md.append("![Mentions vs baseline](").append(chart).append(")\n\n");
        }
    }

    /** A rule's window as words: {@code 60m} is "60 min". */
    static String span(String window) {
        if (window != null && window.matches("\\d+m")) {
            return window.substring(0, window.length() - 1) + " min";
        }
        return Markdown.inline(window, 10);
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
            return slots(s);
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
            md.append(n).append(". ").append(Markdown.leading(p.text(), 280)).append("  \n   ")
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
        String rule = "within " + Math.round(100 * Recovery.MARGIN) + " points, " + Recovery.HOURS_IN_A_ROW
                + " hours in a row of " + Recovery.MIN_MENTIONS + " mentions or more";
        String range = "the " + Recovery.SPAN.toHours() + " h from detection, as indexed so far";
        if (r.backAt() != null) {
            md.append("- Back to the baseline (").append(rule).append(") from the hour of ")
                    .append(TIME.format(r.backAt())).append(": ").append(duration(Duration.between(i.detectedAt(), r.backAt())))
                    .append(" after detection");
            if (i.resolvedAt() != null) {
                Duration after = Duration.between(i.resolvedAt(), r.backAt());
                md.append(after.isNegative() ? ", before the alert resolved" : ", " + duration(after) + " after it resolved");
            }
            md.append('\n');
        } else if (r.measurable() < Recovery.HOURS_IN_A_ROW) {
            md.append("- Not yet measurable: after the peak hour, ").append(r.measurable() == 0 ? "no hour"
                            : r.measurable() == 1 ? "one hour only" : r.measurable() + " hours")
                    .append(" had ").append(Recovery.MIN_MENTIONS).append(" mentions or more, too few to tell the share from chance ")
                    .append("(back means ").append(rule).append("); not back within the report's range (").append(range).append(")\n");
        } else {
            md.append("- Not back to the baseline within the report's range (").append(range).append("): ")
                    .append(r.measurable()).append(" hours after the peak had enough mentions, but not ")
                    .append(Recovery.HOURS_IN_A_ROW).append(" in a row within ").append(Math.round(100 * Recovery.MARGIN))
                    .append(" points\n");
        }
        md.append("\n| hour | mentions | negative |\n|---|---|---|\n");
        for (Recovery.Hour h : r.hours()) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %.0f%%%s |%n", TIME.format(h.at()), h.mentions(), 100 * h.share(),
                    h.measurable() ? "" : " (too few to tell)"));
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
