package io.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.detect.Severity;
import io.firebreak.notify.TopPost;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's content, and hostile text in it rendered as text, never as Markdown. */
class IncidentReportTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:02:00Z");

    @Test
    void escape_everyPunctuationMark_soNothingBecomesMarkup() {
        assertThat(Markdown.inline("# hi [x](javascript:alert(1)) <b>*bold*</b> | @channel", 200))
                .isEqualTo("\\# hi \\[x\\]\\(javascript\\:alert\\(1\\)\\) \\<b\\>\\*bold\\*\\<\\/b\\> \\| \\@channel");
        assertThat(Markdown.inline("line one\n\n## line two", 200)).isEqualTo("line one \\#\\# line two");
        assertThat(Markdown.quote("first\n\n\n\n![img](http://x/y.png)", 200))
                .isEqualTo("> first\n> \n> \\!\\[img\\]\\(http\\:\\/\\/x\\/y\\.png\\)\n");
        assertThat(Markdown.url("javascript:alert(1)")).isEmpty();
        assertThat(Markdown.url("https://social.example/a b")).isEmpty();
        assertThat(Markdown.url("https://social.example/acme/1")).isEqualTo("`https://social.example/acme/1`");
    }

    @Test
    void theReport_hasTheTimesToEachStep_theStatementQuoted_theStepsOutcomes_andEscapedEvidence() {
        StepState statement = StepState.of(new Playbook.Step("holding-statement", "Approve the holding statement", "comms-lead",
                Playbook.Anchor.detected, List.of(Severity.SEV1), Duration.ofMinutes(15), null, "statement"))
                .due(T0.plus(Duration.ofMinutes(15))).doneBy("U-lead", T0.plus(Duration.ofMinutes(18)));
        StepState reply = StepState.of(new Playbook.Step("reply-most-shared", "Reply to the most-shared posts", "social-team",
                Playbook.Anchor.acknowledged, List.of(), Duration.ofMinutes(30), null, null))
                .due(T0.plus(Duration.ofMinutes(34))).reminded(T0.plus(Duration.ofMinutes(34))).ended(T0.plus(Duration.ofMinutes(105)));
        Incident i = new Incident("INC-acme-safety-20260302T0902Z", "acme/safety/20260302T0902Z", "acme", "safety",
                "negative-spike", "safety", Incident.Status.resolved, null, "reached SEV2", T0.plusSeconds(180), T0,
                Severity.SEV1, List.of(new Incident.SeverityChange(Severity.SEV3, T0, 1),
                        new Incident.SeverityChange(Severity.SEV2, T0.plusSeconds(180), 2),
                        new Incident.SeverityChange(Severity.SEV1, T0.plusSeconds(600), 4)),
                "U-duty", T0.plus(Duration.ofMinutes(4)), "U-lead", T0.plus(Duration.ofMinutes(18)), null,
                T0.plus(Duration.ofMinutes(105)), 12, 20,
                new Incident.Peak(165, "15m", 140, 0.86, 412_000, 21.4, 7.7, T0.plus(Duration.ofMinutes(20))),
                List.of(statement, reply),
                List.of(new Incident.StatementVersion(1, T0.plusSeconds(180), null, Incident.StatementVersion.Kind.recommended,
                                "We've seen reports about smoke involving Acme Air.", "safety/holding/default"),
                        new Incident.StatementVersion(2, T0.plus(Duration.ofMinutes(18)), "U-lead",
                                Incident.StatementVersion.Kind.edited, "Your safety comes first.\n\n# Not a heading [link](http://evil)", null)),
                List.of(new TopPost("demo:1", "<script>alert(1)</script> **AC417** [click](http://evil.example)",
                        "javascript:alert(1)", "@everyone_`x`", 250_000, 400)),
                List.of());
        List<TimelineEntry> timeline = List.of(
                new TimelineEntry(i.id() + "/opened", i.id(), 1, T0.plusSeconds(180), TimelineEntry.Kind.incident,
                        "Incident opened: the alert reached SEV2", null, null, null, null, null, true),
                new TimelineEntry(i.id() + "/v3", i.id(), 2, T0.plus(Duration.ofMinutes(4)), TimelineEntry.Kind.action,
                        "Acknowledged", "U-duty", 3L, null, null, null, true));
        Recovery recovery = Recovery.of(0.2, 900, List.of(
                new Recovery.Hour(Instant.parse("2026-03-02T09:00:00Z"), 500, 430),
                new Recovery.Hour(Instant.parse("2026-03-02T10:00:00Z"), 20, 9),
                new Recovery.Hour(Instant.parse("2026-03-02T11:00:00Z"), 6, 1)));

        String md = IncidentReport.markdown(i, timeline, "Acme Air", recovery, "report-chart.png");

        assertThat(md).startsWith("# Post-incident report: Acme Air, safety\n")
                .contains("| Acknowledged | 2026-03-02 09:06:00 UTC | 4 min | U\\-duty |")
                .contains("| First statement approved | 2026-03-02 09:20:00 UTC | 18 min | U\\-lead |")
                .contains("| Resolved | 2026-03-02 10:47:00 UTC | 105 min |  |")
                .contains("SEV3 at 2026-03-02 09:02:00 UTC (v1) → SEV2 at 2026-03-02 09:05:00 UTC (v2) → SEV1 at 2026-03-02 09:12:00 UTC (v4)")
                .contains("- Playbook steps: 0 done on time, 1 late, 1 missed")
                .contains("| Approve the holding statement | comms\\-lead | 2026-03-02 09:17:00 UTC | 2026-03-02 09:20:00 UTC by U\\-lead | late | 0 |")
                .contains("| Reply to the most\\-shared posts | social\\-team | 2026-03-02 09:36:00 UTC |  | missed | 1 |")
                .contains("**Version 2**, edited and approved by U\\-lead at 2026-03-02 09:20:00 UTC:\n\n> Your safety comes first\\.\n> \n> \\# Not a heading \\[link\\]\\(http\\:\\/\\/evil\\)\n")
                .contains("1. \\<script\\>alert\\(1\\)\\<\\/script\\> \\*\\*AC417\\*\\* \\[click\\]\\(http\\:\\/\\/evil\\.example\\)")
                .contains("by \\@everyone\\_\\`x\\`, 250,000 followers, 400 shares\n")
                .contains("![Mentions vs baseline](report-chart.png)")
                .contains("in the hour from 2026-03-02 11:00:00 UTC: 118 min after detection, 13 min after it resolved");
        assertThat(md).doesNotContain("javascript:alert").doesNotContain("<script>").doesNotContain("](http://evil");
    }
}
