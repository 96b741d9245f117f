package io.firebreak.notify;

import io.firebreak.alert.Alert;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

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

    /** Kept in memory: tests and one-shot runs. */
    static Outbox inMemory() {
        return new Outbox() {
            private final TreeMap<Long, OutboxEntry> pending = new TreeMap<>();
            private long next = 1;

            @Override
            public synchronized List<OutboxEntry> put(List<Alert> versions) {
                List<OutboxEntry> out = new ArrayList<>();
                for (Alert a : versions) {
                    OutboxEntry e = new OutboxEntry(next++, a);
                    pending.put(e.seq(), e);
                    out.add(e);
                }
                return out;
            }

            @Override
            public synchronized List<OutboxEntry> pending() {
                return new ArrayList<>(pending.values());
            }

            @Override
            public synchronized int size() {
                return pending.size();
            }

            @Override
            public synchronized void done(OutboxEntry entry) {
                pending.remove(entry.seq());
            }

            @Override
            public synchronized void giveUp(OutboxEntry entry, String reason) {
                pending.remove(entry.seq());
            }
        };
    }
}
