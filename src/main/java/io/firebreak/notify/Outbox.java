package io.firebreak.notify;

import io.firebreak.alert.Alert;
import java.util.List;

/**
 * Alert versions decided but not yet delivered, kept durably so a Slack outage or a restart loses
 * nothing. Every version is kept, in the order decided: each reaches the notifier once, in order.
 */
public interface Outbox {

    /** Queues the versions, in order. Durable on return. */
    List<OutboxEntry> put(List<Alert> versions);

    /** Pending entries, oldest first. */
    List<OutboxEntry> pending();

    /** How many are pending. */
    int size();

    /** Delivered (or dropped as already delivered): removes the entry. */
    void done(OutboxEntry entry);

    /** Undeliverable (permanent failure): removes it and keeps it, with the reason, for a person to look at. */
    void giveUp(OutboxEntry entry, String reason);
}
