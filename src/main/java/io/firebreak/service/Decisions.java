package io.firebreak.service;

import io.firebreak.alert.Alert;
import io.firebreak.alert.AlertBook;
import io.firebreak.alert.AlertJournal;
import io.firebreak.alert.AlertLog;
import io.firebreak.notify.AlertDispatcher;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live {@link Partitions.Sink}: each decision is written to the alert journal (what a restart
 * restores) and its versions to the outbox (what the dispatcher delivers), both forced to disk, before
 * the brand's partition moves on. If a write fails, the decision waits here, in order, and is written
 * again at the next clock tick: a failing save delays a decision, it never loses one.
 */
final class Decisions implements Partitions.Sink {

    private static final Logger log = LoggerFactory.getLogger(Decisions.class);

    private record Decided(String brand, Instant finalUpTo, AlertBook.Outcome outcome) {}

    private final AlertJournal journal;
    private final AlertDispatcher dispatcher;
    private final AlertLog alertLog;
    private final Runnable wake;
    private final List<java.util.function.Consumer<List<Alert>>> followers;
    private final Deque<Decided> waiting = new ArrayDeque<>();
    private final Map<Alert.Change, LongAdder> versions = new EnumMap<>(Alert.Change.class);
    private boolean failing;

    /**
     * @param alertLog every version decided, as Alert v1 lines (the live twin of backtest output)
     * @param wake      tells the delivery thread there is something to send
     * @param followers also get every version decided, in order, durably on return (the incident desk's own
     *                  outbox): data flows on to them one way, they never call back
     */
    Decisions(AlertJournal journal, AlertDispatcher dispatcher, AlertLog alertLog, Runnable wake,
              List<java.util.function.Consumer<List<Alert>>> followers) {
        this.followers = List.copyOf(followers);
        this.journal = journal;
        this.dispatcher = dispatcher;
        this.alertLog = alertLog;
        this.wake = wake;
        for (Alert.Change c : Alert.Change.values()) {
            versions.put(c, new LongAdder());
        }
    }

    /** Versions decided so far by what they changed (opened, escalated, resolved, ...). */
    long versions(Alert.Change change) {
        return versions.get(change).sum();
    }

    @Override
    public synchronized void decided(String brand, Instant finalUpTo, AlertBook.Outcome outcome) {
        waiting.add(new Decided(brand, finalUpTo, outcome));
        outcome.versions().forEach(v -> versions.get(v.change()).increment());
        flush();
    }

    /** Writes what is waiting, oldest first; stops at the first failure and keeps the rest. */
    synchronized void flush() {
        boolean queued = false;
        while (!waiting.isEmpty()) {
            Decided d = waiting.peek();
            try {
                journal.record(d.brand(), d.finalUpTo(), d.outcome().changed());
                List<Alert> versions = d.outcome().versions();
                dispatcher.enqueue(versions);
                if (!versions.isEmpty() && !followers.isEmpty()) {
                    // the notifier first: its delivery does not wait for the followers' writes
                    wake.run();
                    followers.forEach(f -> f.accept(versions));
                }
                queued |= !versions.isEmpty();
            } catch (RuntimeException e) {
                if (!failing) {
                    log.error("cannot save alert decisions ({} waiting); keeping them and retrying: {}", waiting.size(),
                            e.toString());
                }
                failing = true;
                break;
            }
            waiting.poll();
            if (failing) {
                log.info("alert decisions saved again");
                failing = false;
            }
            appendToLog(d.outcome().versions());
        }
        if (queued) {
            wake.run();
        }
    }

    synchronized int waiting() {
        return waiting.size();
    }

    private void appendToLog(List<Alert> versions) {
        if (versions.isEmpty()) {
            return;
        }
        try {
            alertLog.append(versions);
        } catch (RuntimeException e) {
            log.warn("alert log not written: {}", e.toString()); // a record for people; the journal is what counts
        }
    }
}
