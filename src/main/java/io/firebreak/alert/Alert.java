package io.firebreak.alert;

import io.firebreak.detect.Evidence;
import io.firebreak.detect.Severity;
import java.time.Instant;

/**
 * One version of a crisis alert: the Alert v1 contract ({@code shared/schema/alert-v1.schema.json})
 * plus four optional fields. The same record is a backtest output line and the state behind a Slack
 * message. Only {@link AlertBook} makes new versions.
 *
 * @param version     1 for the first version, +1 for each later one: a notifier drops what is not newer
 * @param change      what this version changed (opened, escalated, ...); null on records from before versions
 * @param provisional true while the version rests on an open minute (an early look) that no complete
 *                    minute has confirmed yet
 * @param note        one sentence on why this version exists, for the people reading it
 * @param handling    what people did with it (acknowledged, snoozed, statement approved or edited, resolved by
 *                    hand), null while nobody has
 */
public record Alert(
        String alertId,
        long version,
        String rule,
        String brand,
        String category,
        Severity severity,
        Status status,
        Instant firedAt,
        Instant updatedAt,
        Instant resolvedAt,
        Evidence evidence,
        Statement statement,
        Change change,
        boolean provisional,
        String note,
        Handling handling) {

    /** The Alert v1 statuses: open (firing, escalated at least once) or over. */
    public enum Status { firing, escalated, resolved }

    /**
     * What a version changed; a resolved alert is either {@code resolved} (calm again, or by hand) or
     * {@code withdrawn}. {@code acknowledged}, {@code snoozed}, {@code statement} and {@code channel} are people's doing.
     */
    public enum Change {
        opened, confirmed, escalated, deescalated, grown, refreshed, resolved, withdrawn, acknowledged, snoozed, statement,
        /** An incident channel was opened for it (by a person, from the alert's button). */
        channel;

        /** Changes a comms team must act on (the others bring the numbers up to date or record what was done). */
        public boolean material() {
            return this == opened || this == escalated || this == deescalated || this == resolved || this == withdrawn;
        }
    }

    /**
     * What people did with an alert, each with who and when.
     *
     * @param snoozedUntil     its updates are held back until then, unless the wave grows a tier
     * @param statement        the holding statement as a person approved or edited it (null: the recommended one)
     * @param resolvedBy       who resolved it by hand, with {@code reason}
     * @param escalatedBy      who last raised its severity by hand, at {@code escalatedAt}
     * @param channel          the Slack channel id of its incident channel, opened by {@code channelBy} at {@code channelAt}
     */
    public record Handling(String acknowledgedBy, Instant acknowledgedAt, String snoozedBy, Instant snoozedUntil,
                           String statement, String statementBy, Instant statementAt, boolean statementEdited,
                           String resolvedBy, String reason, String escalatedBy, Instant escalatedAt,
                           String channel, String channelBy, Instant channelAt) {
        public static final Handling NONE = new Handling(null, null, null, null, null, null, null, false, null, null,
                null, null, null, null, null);

        public Handling acknowledged(String user, Instant at) {
            return new Handling(user, at, snoozedBy, snoozedUntil, statement, statementBy, statementAt, statementEdited,
                    resolvedBy, reason, escalatedBy, escalatedAt, channel, channelBy, channelAt);
        }

        public Handling snoozed(String user, Instant until) {
            return new Handling(acknowledgedBy, acknowledgedAt, user, until, statement, statementBy, statementAt,
                    statementEdited, resolvedBy, reason, escalatedBy, escalatedAt, channel, channelBy, channelAt);
        }

        public Handling statementBy(String user, Instant at, String text, boolean edited) {
            return new Handling(acknowledgedBy, acknowledgedAt, snoozedBy, snoozedUntil, text, user, at, edited,
                    resolvedBy, reason, escalatedBy, escalatedAt, channel, channelBy, channelAt);
        }

        public Handling resolvedBy(String user, String why) {
            return new Handling(acknowledgedBy, acknowledgedAt, snoozedBy, snoozedUntil, statement, statementBy,
                    statementAt, statementEdited, user, why, escalatedBy, escalatedAt, channel, channelBy, channelAt);
        }

        public Handling escalatedBy(String user, Instant at) {
            return new Handling(acknowledgedBy, acknowledgedAt, snoozedBy, snoozedUntil, statement, statementBy,
                    statementAt, statementEdited, resolvedBy, reason, user, at, channel, channelBy, channelAt);
        }

        public Handling channelOpened(String channelId, String user, Instant at) {
            return new Handling(acknowledgedBy, acknowledgedAt, snoozedBy, snoozedUntil, statement, statementBy,
                    statementAt, statementEdited, resolvedBy, reason, escalatedBy, escalatedAt, channelId, user, at);
        }

        /** Held back: snoozed and the snooze not over at {@code now}. */
        public boolean snoozedAt(Instant now) {
            return snoozedUntil != null && now.isBefore(snoozedUntil);
        }
    }

    /** What people did with it so far, never null. */
    public Handling handled() {
        return handling == null ? Handling.NONE : handling;
    }

    /** The recommended public holding statement. */
    public record Statement(String template, String text) {}

    /** An alert as a rule first raised it, before it has a lifecycle (version 1, just opened). */
    public static Alert opened(String alertId, String rule, String brand, String category, Severity severity,
                               Instant at, Evidence evidence, boolean provisional, String note) {
        return new Alert(alertId, 1, rule, brand, category, severity, Status.firing, at, at, null, evidence, null,
                Change.opened, provisional, note, null);
    }

    public boolean open() {
        return status != Status.resolved;
    }

    public Alert withStatement(Statement newStatement) {
        return new Alert(alertId, version, rule, brand, category, severity, status, firedAt, updatedAt, resolvedAt,
                evidence, newStatement, change, provisional, note, handling);
    }

    /** The same version with other evidence (the notifier's richer terms): not a new version. */
    public Alert withEvidence(Evidence newEvidence) {
        return new Alert(alertId, version, rule, brand, category, severity, status, firedAt, updatedAt, resolvedAt,
                newEvidence, statement, change, provisional, note, handling);
    }

    /** The next version: {@code updatedAt} never goes back, whatever {@code at} says. */
    public Alert next(Change newChange, String newRule, Severity newSeverity, Status newStatus, Instant at,
                      Evidence newEvidence, boolean newProvisional, String newNote) {
        Instant updated = updatedAt == null || at.isAfter(updatedAt) ? at : updatedAt;
        Instant resolved = newStatus == Status.resolved ? updated : null;
        return new Alert(alertId, version + 1, newRule, brand, category, newSeverity, newStatus, firedAt, updated,
                resolved, newEvidence, statement, newChange, newProvisional, newNote, handling);
    }

    /** The same version with what people did recorded (the next version carries it on). */
    public Alert withHandling(Handling newHandling) {
        return new Alert(alertId, version, rule, brand, category, severity, status, firedAt, updatedAt, resolvedAt,
                evidence, statement, change, provisional, note, newHandling);
    }
}
