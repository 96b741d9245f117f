package io.firebreak.incident;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.firebreak.detect.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One playbook step of one incident: its definition (copied, so a later edit of the playbook does not
 * rewrite a past incident) and where it stands. A repeating step counts its occurrences.
 *
 * @param dueAt      when the current occurrence is due; null while its anchor has not happened
 * @param remindedAt the last reminder of the current occurrence
 * @param onTime     occurrences done by their deadline
 * @param late       occurrences done after it
 * @param missed     occurrences never done (a repeating step's slot passed, or the incident ended with it overdue)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StepState(String id, String title, String owner, Playbook.Anchor after, List<Severity> severities,
                        Duration within, Duration every, String doneWhen, State state, int occurrence, Instant dueAt,
                        Instant remindedAt, int reminders, String doneBy, Instant doneAt, int onTime, int late, int missed) {

    /** Where a step stands. */
    public enum State {
        /** Its anchor (acknowledgement, resolution, the severity it is for) has not happened yet. */
        waiting,
        /** Due at {@code dueAt}, not yet done. */
        pending,
        /** Past its deadline, not done: reminded. */
        overdue,
        /** Done (a repeating step is pending again for its next occurrence). */
        done,
        /** The incident ended before the step was due, or it never applied (a SEV1 step of a SEV2 incident). */
        skipped,
        /** The incident ended with it overdue. */
        missed;

        public boolean settled() {
            return this == done || this == skipped || this == missed;
        }
    }

    public static StepState of(Playbook.Step s) {
        return new StepState(s.id(), s.title(), s.owner(), s.after(), s.severities(), s.within(), s.every(), s.doneWhen(),
                State.waiting, 1, null, null, 0, null, null, 0, 0, 0);
    }

    public boolean repeating() {
        return every != null;
    }

    public boolean completedByStatement() {
        return Playbook.Step.STATEMENT.equals(doneWhen);
    }

    StepState due(Instant at) {
        return new StepState(id, title, owner, after, severities, within, every, doneWhen, State.pending, occurrence, at,
                null, reminders, doneBy, doneAt, onTime, late, missed);
    }

    StepState reminded(Instant at) {
        return new StepState(id, title, owner, after, severities, within, every, doneWhen, State.overdue, occurrence, dueAt,
                at, reminders + 1, doneBy, doneAt, onTime, late, missed);
    }

    /** Done by {@code user} at {@code at}: on time or late against the current deadline; a repeating step comes round again. */
    StepState doneBy(String user, Instant at) {
        boolean inTime = dueAt == null || !at.isAfter(dueAt);
        int nextOnTime = onTime + (inTime ? 1 : 0);
        int nextLate = late + (inTime ? 0 : 1);
        if (repeating()) {
            return new StepState(id, title, owner, after, severities, within, every, doneWhen, State.pending, occurrence + 1,
                    at.plus(every), null, reminders, user, at, nextOnTime, nextLate, missed);
        }
        return new StepState(id, title, owner, after, severities, within, every, doneWhen, State.done, occurrence, dueAt,
                remindedAt, reminders, user, at, nextOnTime, nextLate, missed);
    }

    /** A repeating step's slot passed without it: counted missed, the next slot is due. */
    StepState slotMissed() {
        return new StepState(id, title, owner, after, severities, within, every, doneWhen, State.pending, occurrence + 1,
                dueAt.plus(every), null, reminders, doneBy, doneAt, onTime, late, missed + 1);
    }

    /**
     * The incident ended at {@code at}: a step overdue then (reminded or not) is missed, with every slot of a
     * repeating one that passed; one not yet due, or never applicable, is skipped (a repeating step done at
     * least once counts as done).
     */
    StepState ended(Instant at) {
        boolean due = dueAt != null && !at.isBefore(dueAt);
        if (state == State.overdue || state == State.pending && due) {
            int slots = repeating() ? 1 + (int) (java.time.Duration.between(dueAt, at).toMillis() / every.toMillis()) : 1;
            return new StepState(id, title, owner, after, severities, within, every, doneWhen, State.missed, occurrence, dueAt,
                    remindedAt, reminders, doneBy, doneAt, onTime, late, missed + slots);
        }
        if (state == State.pending || state == State.waiting) {
            State to = repeating() && onTime + late > 0 ? State.done : State.skipped;
            return new StepState(id, title, owner, after, severities, within, every, doneWhen, to, occurrence, dueAt,
                    remindedAt, reminders, doneBy, doneAt, onTime, late, missed);
        }
        return this;
    }
}
