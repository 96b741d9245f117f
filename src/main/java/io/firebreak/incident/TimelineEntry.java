package io.firebreak.incident;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * One line of an incident's timeline. Its id says what it records ({@code <incident>/v<alert version>},
 * {@code <incident>/step/<step>/<occurrence>/reminder/<n>}, ...), so recording the same thing twice (a
 * re-delivered alert version, a replay after a restart) writes the same document, never a second one.
 *
 * @param seq      the order in which the incident recorded it (entries at the same instant keep it)
 * @param by       who did it, for people's actions and steps; null for what detection did
 * @param detail   more words (the statement's text, a reminder's mention); hostile text stays as it came
 * @param notice   what to tell the alert's thread (checklist, reminder), plain text, or null
 * @param role     the role the notice is for (a reminder names its group), or null
 * @param notified the notice has been posted
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TimelineEntry(String id, String incidentId, long seq, Instant at, Kind kind, String title, String by,
                            Long alertVersion, String detail, String notice, String role, boolean notified) {

    /** What an entry records. */
    public enum Kind {
        /** The incident itself: opened, promoted, ended. */
        incident,
        /** A version detection made: opened, confirmed, escalated, grown, resolved... */
        detection,
        /** What a person did to the alert: acknowledge, snooze, escalate or resolve by hand. */
        action,
        /** A statement approved or edited. */
        statement,
        /** The playbook posted, a step done. */
        step,
        /** An overdue step reminded, a repeating step's slot missed. */
        reminder
    }

    public TimelineEntry withNotified() {
        return new TimelineEntry(id, incidentId, seq, at, kind, title, by, alertVersion, detail, notice, role, true);
    }
}
