package io.firebreak.incident;

import io.firebreak.detect.Severity;
import java.time.Duration;
import java.util.List;

/**
 * What the response to one crisis category is: who does what by when ({@code config/playbooks/<category>.yaml}).
 *
 * @param category the crisis category, or {@code default} for any category without a playbook of its own
 */
public record Playbook(String category, List<Step> steps) {

    public static final String DEFAULT = "default";

    public Playbook {
        steps = List.copyOf(steps);
    }

    /** What a step's deadline counts from. */
    public enum Anchor {
        /** The alert's detection, or with {@code severities} the first time the incident reached one of them. */
        detected,
        /** The first acknowledgement. */
        acknowledged,
        /** The end of the alert: recovery steps. */
        resolved
    }

    /**
     * One step of a playbook.
     *
     * @param owner      the role that does it (a name from {@code config/roles.yaml}); reminders name it
     * @param severities the step applies once the incident reached one of these (empty: always)
     * @param within     the deadline after the anchor
     * @param every      a repeating step (a public update every hour) is due again this long after it was done; null: once
     * @param doneWhen   {@code statement}: approving or editing the holding statement completes it; null: by hand
     */
    public record Step(String id, String title, String owner, Anchor after, List<Severity> severities, Duration within,
                       Duration every, String doneWhen) {
        public static final String STATEMENT = "statement";

        public Step {
            severities = severities == null ? List.of() : List.copyOf(severities);
        }
    }
}
