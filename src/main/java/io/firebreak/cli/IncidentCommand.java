package io.firebreak.cli;

import io.firebreak.config.Home;
import io.firebreak.config.Settings;
import io.firebreak.incident.Incident;
import io.firebreak.incident.StepState;
import io.firebreak.incident.TimelineEntry;
import io.firebreak.service.IncidentReports;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code firebreak incident}: the incidents, their timelines and the post-incident report. */
@Command(name = "incident", mixinStandardHelpOptions = true,
        description = "List incidents, show one with its playbook and timeline, write its post-incident report, promote an alert.",
        subcommands = {IncidentCommand.ListIncidents.class, IncidentCommand.ShowIncident.class,
            IncidentCommand.ReportIncident.class, IncidentCommand.PromoteAlert.class})
public final class IncidentCommand {

    /** {@code incident list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Newest incidents first.")
    static final class ListIncidents implements Callable<Integer> {
        @Option(names = "--limit", defaultValue = "20")
        int limit;

        @Override
        public Integer call() {
            Home home = Home.detect();
            List<Incident> incidents = IncidentReports.list(home, Settings.load(home), limit);
            if (incidents.isEmpty()) {
                System.out.println("no incidents");
            }
            for (Incident i : incidents) {
                long open = i.steps().stream().filter(s -> !s.state().settled()).count();
                System.out.printf("%-46s %-8s %s  opened %s  %d step(s) to go%n", i.id(), i.status(), i.severity(),
                        i.openedAt(), open);
            }
            return 0;
        }
    }

    /** {@code incident show ID}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "One incident: its steps and its timeline.")
    static final class ShowIncident implements Callable<Integer> {
        @Parameters(index = "0", description = "the incident id (incident list shows them)")
        String id;

        @Override
        public Integer call() {
            Home home = Home.detect();
            var shown = IncidentReports.show(home, Settings.load(home), id)
                    .orElseThrow(() -> new IllegalArgumentException("no incident " + id));
            Incident i = shown.incident();
            System.out.printf("%s  %s  %s  alert %s  playbook %s%n", i.id(), i.status(), i.severity(), i.alertId(), i.playbook());
            System.out.printf("detected %s  acknowledged %s  first statement %s  resolved %s%n", i.detectedAt(),
                    orDash(i.acknowledgedAt()), orDash(i.firstStatementAt()), orDash(i.resolvedAt()));
            System.out.println("\nsteps");
            for (StepState s : i.steps()) {
                System.out.printf("  %-20s %-9s due %-22s %s%s%n", s.id(), s.state(), orDash(s.dueAt()), s.owner(),
                        s.doneBy() == null ? "" : "  done by " + s.doneBy() + " at " + s.doneAt());
            }
            System.out.println("\ntimeline");
            List<TimelineEntry> inOrder = new java.util.ArrayList<>(shown.timeline());
            inOrder.sort(java.util.Comparator.comparing(TimelineEntry::at).thenComparingLong(TimelineEntry::seq));
            for (TimelineEntry e : inOrder) {
                System.out.printf("  %s  %-9s %s%s%n", e.at(), e.kind(), oneLine(e.title()), e.by() == null ? "" : "  (" + oneLine(e.by()) + ")");
            }
            return 0;
        }
    }

    /** {@code incident report ID [--out FILE]}. */
    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "The post-incident report in Markdown, to stdout or to a file (a chart PNG beside it).")
    static final class ReportIncident implements Callable<Integer> {
        @Parameters(index = "0", description = "the incident id")
        String id;

        @Option(names = "--out", description = "write the report here instead of printing it")
        Path out;

        @Override
        public Integer call() {
            Home home = Home.detect();
            String md = IncidentReports.report(home, Settings.load(home), id, out);
            if (out == null) {
                System.out.print(md);
            } else {
                System.out.println("report written to " + out.toAbsolutePath());
            }
            return 0;
        }
    }

    /** {@code incident promote ALERT_ID --by WHO}. */
    @Command(name = "promote", mixinStandardHelpOptions = true,
            description = "Make an open alert an incident by hand, whatever its severity (through the running service).")
    static final class PromoteAlert implements Callable<Integer> {
        @Parameters(index = "0", description = "the alert id, e.g. acme/pricing/20260302T0900Z (status lists the open alerts)")
        String alertId;

        @Option(names = "--by", required = true, description = "who promotes it (a Slack user id or a name)")
        String by;

        @Option(names = "--reason", description = "why, for the timeline")
        String reason;

        @Override
        public Integer call() throws Exception {
            Home home = Home.detect();
            var answer = IncidentReports.promote(home, Settings.load(home), alertId, by, reason);
            System.out.printf("incident %s opened for alert %s%n", answer.get("incident_id"), alertId);
            return 0;
        }
    }

    private static String orDash(Object o) {
        return o == null ? "-" : o.toString();
    }

    private static String oneLine(String s) {
        String t = io.firebreak.notify.SlackText.line(s, 140);
        return t;
    }
}
