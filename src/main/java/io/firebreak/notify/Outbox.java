package io.firebreak.notify;

import java.util.List;

/**
 * Notifications not yet delivered, kept durably so a Slack outage or a restart loses nothing. One
 * entry per alert: a newer version replaces a pending older one, so recovery sends the current
 * state once instead of replaying history.
 */
public interface Outbox {

    /** Queues {@code notification}, replacing any pending entry for the same alert id. Durable on return. */
    OutboxEntry put(Notification notification);

    /** Pending entries, oldest first. */
    List<OutboxEntry> pending();

    /** Delivered: removes the entry unless a newer version of the alert was queued meanwhile. */
    void done(OutboxEntry entry);

    /** Undeliverable (permanent failure): removes it and keeps it, with the reason, for a person to look at. */
    void giveUp(OutboxEntry entry, String reason);
}
