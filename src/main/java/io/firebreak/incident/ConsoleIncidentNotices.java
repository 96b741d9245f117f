package io.firebreak.incident;

import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Incident notices on the console, beside the alerts printed there when Slack is not configured. */
public final class ConsoleIncidentNotices implements IncidentNotices {

    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final PrintStream out;

    public ConsoleIncidentNotices(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized boolean post(Notice n) {
        StringBuilder s = new StringBuilder("[incident ").append(n.incidentId()).append("] ")
                .append(n.buttons().isEmpty() ? n.text() : n.text().lines().findFirst().orElse(""));
        if (n.mention() != null) {
            s.append(" ").append(n.mention());
        }
        for (StepButton b : n.buttons()) {
            s.append("\n    [ ] ").append(b.title()).append(" (").append(b.mention())
                    .append(b.dueAt() == null ? "" : ", due " + HHMM.format(b.dueAt())).append(")  step id: ").append(b.stepId());
        }
        out.println(s);
        return true;
    }
}
