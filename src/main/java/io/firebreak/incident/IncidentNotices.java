package io.firebreak.incident;

import java.time.Instant;
import java.util.List;

/**
 * Where an incident's notices go: the alert's Slack thread (checklist with Done buttons, reminders), or the
 * console. The incident side only tells; it never reads back from the notifier.
 */
public interface IncidentNotices {

    /** Prints nothing: tests and one-shot tools. */
    IncidentNotices NONE = n -> true;

    /**
     * One notice for an alert's thread.
     *
     * @param text    plain text (the renderer escapes it)
     * @param mention the owner role's mention, raw markup from {@link RoleMentions}, or null
     * @param buttons one Done button per step of a checklist, else empty
     */
    record Notice(String entryId, String incidentId, String alertId, String text, String mention, List<StepButton> buttons) {
        public Notice {
            buttons = buttons == null ? List.of() : List.copyOf(buttons);
        }
    }

    /** A checklist line: the step, its owner's mention and deadline (null: not yet known); its button says Done. */
    record StepButton(String stepId, String title, String mention, Instant dueAt) {}

    /** The Slack block action id of a step's Done button; its value is {@code <incidentId>|<stepId>}. */
    String STEP_DONE_ACTION = "step_done";

    /**
     * Posts the notice.
     *
     * @return false when it cannot be posted yet (the alert has no Slack message yet): it is tried again later
     * @throws RuntimeException when posting failed; it is tried again later
     */
    boolean post(Notice notice);
}
