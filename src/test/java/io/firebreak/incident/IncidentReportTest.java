package io.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.detect.Severity;
import io.firebreak.notify.TopPost;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's content as an incident manager reads it, and hostile text in it rendered as text, never as Markdown. */
class IncidentReportTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:02:00Z");

    @Test
    void escape_onlyWhatMakesMarkupWhereTheTextStands_andOrdinaryPunctuationAsWritten() {
        assertThat(Markdown.inline("comms-lead's update at 11:04 (v2), 80% negative; done!", 200))
                .isEqualTo("comms-lead's update at 11:04 (v2), 80% negative; done!");
        assertThat(Markdown.inline("# hi [x](javascript:alert(1)) <b>*bold*</b> | @channel", 200))
                .isEqualTo("# hi \\[x\\](javascript:alert(1)) \\<b\\>\\*bold\\*\\</b\\> \\| \\@channel");
        assertThat(Markdown.inline("line one\n\n## line two", 200)).isEqualTo("line one ## line two");
        assertThat(Markdown.leading("## line two", 200)).isEqualTo("\\## line two");
        assertThat(Markdown.leading("1. not a list", 200)).isEqualTo("1\\. not a list");
        assertThat(Markdown.leading("- not a list", 200)).isEqualTo("\\- not a list");
        assertThat(Markdown.inline("see http://evil.example or www.evil.example, mail a@evil.example", 200))
                .isEqualTo("see http\\://evil.example or www\\.evil.example, mail a\\@evil.example");
        assertThat(Markdown.inline("&lt;script&gt; &#60; AT&T & co", 200)).isEqualTo("\\&lt;script\\&gt; \\&#60; AT\\&T & co");
        assertThat(Markdown.inline("`code` ~~gone~~ _em_ \\ $x$", 200)).isEqualTo("\\`code\\` \\~\\~gone\\~\\~ \\_em\\_ \\\\ \\$x\\$");
        assertThat(Markdown.quote("first\n\n\n\n![img](http://x/y.png)\n> nested", 200))
                .isEqualTo("> first\n> \n> !\\[img\\](http\\://x/y.png)\n> \\> nested\n");
        assertThat(Markdown.url("javascript:alert(1)")).isEmpty();
        assertThat(Markdown.url("https://social.example/a b")).isEmpty();
        assertThat(Markdown.url("https://social.example/acme/1")).isEqualTo("`https://social.example/acme/1`");
    }

    @Test
    void hostilePosts_cannotBreakATable_norMakeLinksHtmlEmphasisOrMentions() {
        String hostile = "# Owned | x | y |\n|---|---| <img src=x onerror=alert(1)> [click](http://evil.example) "
                + "![i](https://evil.example/p.png) **loud** _em_ `tick` <!channel> @here &lt;b&gt; www.evil.example";
        Incident i = incident(List.of(), List.of(new TopPost("demo:1", hostile, "javascript:alert(1)", "@everyone|_`x`",
                250_000, 400)), null);
        List<TimelineEntry> timeline = List.of(new TimelineEntry(i.id() + "/v9", i.id(), 3, T0.plusSeconds(900),
                TimelineEntry.Kind.action, "Snoozed until 09:30 UTC", "U|x", 9L, hostile, null, null, true));

        String md = IncidentReport.markdown(i, timeline, "Acme | Air", null, null);

        String row = md.lines().filter(l -> l.startsWith("| 2026-03-02 09:17:00 UTC | action |")).findFirst().orElseThrow();
        assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).as(row).isEqualTo(5); // 4 cells, no more
        assertThat(md.lines().filter(l -> l.startsWith("#"))).allMatch(l -> l.startsWith("# Post-incident report: ")
                || l.startsWith("## "));
        // every [, <, *, _, `, @ and :// of the hostile text is escaped: nothing left a renderer would act on
        assertThat(md).doesNotContainPattern("(?<!\\\\)\\[(click|i)\\]").doesNotContainPattern("(?<!\\\\)<(img|!channel)")
                .doesNotContainPattern("(?<!\\\\)\\*\\*loud").doesNotContainPattern("(?<!\\\\)_em")
                .doesNotContainPattern("(?<!\\\\)@(here|everyone)").doesNotContainPattern("https?://evil")
                .doesNotContainPattern("(?<!\\\\)&lt;").doesNotContainPattern("www\\.evil")
                .doesNotContain("javascript:alert(1)`");
        assertThat(md).contains("# Post-incident report: Acme \\| Air, safety\n")
                .contains("1. \\# Owned \\| x \\| y \\| \\|---\\|---\\| \\<img src=x onerror=alert(1)\\> \\[click\\](http\\://evil.example)")
                .contains("by \\@everyone\\|\\_\\`x\\`, 250,000 followers, 400 shares\n");
    }

    @Test
    void summary_namesTheRuleThatOpenedTheIncident_andTheOneAtItsHighestSeverity_notOnlyTheFirst() {
        Incident i = incident(List.of(), List.of(), null);

        String md = IncidentReport.markdown(i, List.of(), "Acme Air", null, null);

        assertThat(md).contains("- Rules: `negative-build` (first); `crisis-keyword-surge` (from v2, when the incident opened, "
                        + "at its highest severity, SEV1)\n")
                .contains("SEV2 at 2026-03-02 09:05:00 UTC (v2, `crisis-keyword-surge`)")
                .doesNotContain("rule `negative-build`)");
        Incident oneRule = incident(List.of(), List.of(), null, "negative-build", "negative-build");
        assertThat(IncidentReport.rules(oneRule)).isEqualTo("Rule: `negative-build`");
    }

    @Test
    void summary_countsSteps_andARepeatingStepsSlotsApart_withTheStepStillToDo() {
        Incident i = incident(steps(), List.of(), null);

        String md = IncidentReport.markdown(i, List.of(), "Acme Air", null, null);

        assertThat(md).contains("- Playbook steps (5): 1 done on time, 1 done late, 1 missed, 1 to do, 1 repeating (its slots below)\n"
                        + "- Post a public update: 0 of 2 slots on time, 2 missed\n")
                .contains("| Post a public update | comms-lead | 2026-03-02 10:02:00 UTC |  | 0 of 2 slots on time, 2 missed | 0 |")
                .contains("| Approve the holding statement | comms-lead | 2026-03-02 09:17:00 UTC | 2026-03-02 09:20:00 UTC by U-lead | late | 0 |")
                .contains("| Reply to the most-shared posts | social-team | 2026-03-02 09:36:00 UTC |  | missed | 1 |");
    }

    @Test
    void peak_eachFigureSaysItsOwnWindowAndTime_andTheBaselineItsUnit() {
        Incident.Reading widest = new Incident.Reading(T0.plus(Duration.ofMinutes(65)), "60m", 474, 389, 0.82, 1_485_961);
        Incident i = incident(List.of(), List.of(), new Incident.Peak(490, "60m", 394, 0.82, 1_485_961, 566.7, 0.7,
                T0.plus(Duration.ofMinutes(35)), widest, widest));

        String md = IncidentReport.markdown(i, List.of(), "Acme Air", null, null);

        assertThat(md).contains("- Most mentions: 490 in the 60 min to 2026-03-02 09:37:00 UTC, 566.7× the baseline of 0.7 "
                        + "mentions per 60 min; 394 of them (80%) negative\n")
                .contains("- Highest negative share: 82%, 389 of the 474 mentions in the 60 min to 2026-03-02 10:07:00 UTC\n")
                .contains("- Highest reach: 1,485,961, the 474 mentions in the 60 min to 2026-03-02 10:07:00 UTC\n");
    }

    @Test
    void recovery_onAFewMentionsAnHour_isNotYetMeasurable_notBack() {
        Incident i = incident(List.of(), List.of(), null);
        Recovery quiet = Recovery.of(0.27, 632, List.of(hour(9, 541, 444), hour(10, 4, 0), hour(11, 5, 1), hour(12, 4, 1)));

        String md = IncidentReport.markdown(i, List.of(), "Acme Air", quiet, null);

        assertThat(md).contains("- Not yet measurable: after the peak hour, no hour had 20 mentions or more, too few to tell the share "
                        + "from chance (back means within 5 points, 2 hours in a row of 20 mentions or more); not back within the "
                        + "report's range (the 48 h from detection, as indexed so far)\n")
                .contains("| 2026-03-02 10:00:00 UTC | 4 | 0% (too few to tell) |")
                .doesNotContain("Back to the baseline");
        Recovery back = Recovery.of(0.2, 900, List.of(hour(9, 500, 430), hour(10, 40, 20), hour(11, 30, 6), hour(12, 25, 5)));
        assertThat(IncidentReport.markdown(i, List.of(), "Acme Air", back, null))
                .contains("- Back to the baseline (within 5 points, 2 hours in a row of 20 mentions or more) from the hour of "
                        + "2026-03-02 11:00:00 UTC: 118 min after detection, 13 min after it resolved\n");
    }

    @Test
    void theReport_hasTheTimesToEachStep_theStatementQuoted_andTheChart() {
        Incident i = incident(steps(), List.of(), null);
        List<TimelineEntry> timeline = List.of(
                new TimelineEntry(i.id() + "/opened", i.id(), 1, T0.plusSeconds(180), TimelineEntry.Kind.incident,
                        "Incident opened: the alert reached SEV2", null, null, null, null, null, true),
                new TimelineEntry(i.id() + "/v3", i.id(), 2, T0.plus(Duration.ofMinutes(4)), TimelineEntry.Kind.action,
                        "Acknowledged", "U-duty", 3L, null, null, null, true));

        String md = IncidentReport.markdown(i, timeline, "Acme Air", null, "report-chart.png");

        assertThat(md).startsWith("# Post-incident report: Acme Air, safety\n")
                .contains("| Acknowledged | 2026-03-02 09:06:00 UTC | 4 min | U-duty |")
                .contains("| First statement approved | 2026-03-02 09:20:00 UTC | 18 min | U-lead |")
                .contains("| Resolved | 2026-03-02 10:47:00 UTC | 105 min |  |")
                .contains("SEV3 at 2026-03-02 09:02:00 UTC (v1, `negative-build`) → SEV2 at 2026-03-02 09:05:00 UTC (v2, "
                        + "`crisis-keyword-surge`) → SEV1 at 2026-03-02 09:12:00 UTC (v4, `crisis-keyword-surge`)")
                .contains("**Version 2**, edited and approved by U-lead at 2026-03-02 09:20:00 UTC:\n\n> Your safety comes first.\n> \n"
                        + "> \\# Not a heading \\[link\\](http\\://evil)\n")
                .contains("| 2026-03-02 09:05:00 UTC | incident | Incident opened: the alert reached SEV2 |  |")
                .contains("![Mentions vs baseline](report-chart.png)");
    }

    private static Recovery.Hour hour(int h, long mentions, long negative) {
        return new Recovery.Hour(Instant.parse("2026-03-02T%02d:00:00Z".formatted(h)), mentions, negative);
    }

    private static List<StepState> steps() {
        StepState statement = StepState.of(new Playbook.Step("holding-statement", "Approve the holding statement", "comms-lead",
                Playbook.Anchor.detected, List.of(Severity.SEV1), Duration.ofMinutes(15), null, "statement"))
                .due(T0.plus(Duration.ofMinutes(15))).doneBy("U-lead", T0.plus(Duration.ofMinutes(18)));
        StepState reply = StepState.of(new Playbook.Step("reply-most-shared", "Reply to the most-shared posts", "social-team",
                Playbook.Anchor.acknowledged, List.of(), Duration.ofMinutes(30), null, null))
                .due(T0.plus(Duration.ofMinutes(34))).reminded(T0.plus(Duration.ofMinutes(34))).ended(T0.plus(Duration.ofMinutes(105)));
        StepState legal = StepState.of(new Playbook.Step("legal-review", "Legal review", "legal",
                Playbook.Anchor.acknowledged, List.of(), Duration.ofMinutes(30), null, null))
                .due(T0.plus(Duration.ofMinutes(34))).doneBy("U-legal", T0.plus(Duration.ofMinutes(30)));
        StepState update = StepState.of(new Playbook.Step("public-update", "Post a public update", "comms-lead",
                Playbook.Anchor.detected, List.of(), Duration.ofHours(1), Duration.ofHours(1), null))
                .due(T0.plus(Duration.ofHours(1))).ended(T0.plus(Duration.ofMinutes(125)));
        StepState watch = StepState.of(new Playbook.Step("recovery-watch", "Watch the recovery", "comms-team",
                Playbook.Anchor.resolved, List.of(), Duration.ofHours(24), null, null)).due(T0.plus(Duration.ofHours(26)));
        return List.of(statement, legal, update, reply, watch);
    }

    private static Incident incident(List<StepState> steps, List<TopPost> posts, Incident.Peak peak) {
        return incident(steps, posts, peak, "negative-build", "crisis-keyword-surge");
    }

    private static Incident incident(List<StepState> steps, List<TopPost> posts, Incident.Peak peak, String first, String then) {
        return new Incident("INC-acme-safety-20260302T0902Z", "acme/safety/20260302T0902Z", "acme", "safety",
                first, "safety", Incident.Status.resolved, null, "reached SEV2", T0.plusSeconds(180), T0,
                Severity.SEV1, List.of(new Incident.SeverityChange(Severity.SEV3, T0, 1, first),
                        new Incident.SeverityChange(Severity.SEV2, T0.plusSeconds(180), 2, then),
                        new Incident.SeverityChange(Severity.SEV1, T0.plusSeconds(600), 4, then)),
                "U-duty", T0.plus(Duration.ofMinutes(4)), "U-lead", T0.plus(Duration.ofMinutes(18)), null,
                T0.plus(Duration.ofMinutes(105)), 12, 20, peak, steps,
                List.of(new Incident.StatementVersion(1, T0.plusSeconds(180), null, Incident.StatementVersion.Kind.recommended,
                                "We've seen reports about smoke involving Acme Air.", "safety/holding/default"),
                        new Incident.StatementVersion(2, T0.plus(Duration.ofMinutes(18)), "U-lead",
                                Incident.StatementVersion.Kind.edited, "Your safety comes first.\n\n# Not a heading [link](http://evil)", null)),
                posts, List.of());
    }
}
