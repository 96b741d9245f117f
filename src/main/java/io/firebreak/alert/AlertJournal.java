package io.firebreak.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where {@link AlertBook} state survives a restart: every change of an open alert is recorded before
 * the decision leaves the brand's partition, so a restart continues an alert instead of raising it
 * again, and does not decide a minute twice.
 */
public interface AlertJournal {

    /** One brand's book as a restart finds it. */
    record BookState(Instant finalUpTo, List<Tracked> open) {}

    /** Records the changes of one brand's book; durable when it returns. */
    void record(String brand, Instant finalUpTo, List<Tracked> changed);

    /** Every brand's book as last recorded. */
    Map<String, BookState> restore();

    /** Kept in memory: backtests and tests. */
    static AlertJournal inMemory() {
        return new AlertJournal() {
            private final Map<String, BookState> books = new HashMap<>();

            @Override
            public synchronized void record(String brand, Instant finalUpTo, List<Tracked> changed) {
                books.put(brand, AlertJournal.merge(books.get(brand), finalUpTo, changed));
            }

            @Override
            public synchronized Map<String, BookState> restore() {
                return Map.copyOf(books);
            }
        };
    }

    /** A book's state after {@code changed}: later records of an alert replace earlier ones; closed alerts leave. */
    static BookState merge(BookState before, Instant finalUpTo, List<Tracked> changed) {
        Map<String, Tracked> open = new java.util.LinkedHashMap<>();
        if (before != null) {
            before.open().forEach(t -> open.put(t.alert().alertId(), t));
        }
        for (Tracked t : changed) {
            if (t.alert().open()) {
                open.put(t.alert().alertId(), t);
            } else {
                open.remove(t.alert().alertId());
            }
        }
        Instant upTo = before == null || before.finalUpTo() == null ? finalUpTo
                : finalUpTo == null || before.finalUpTo().isAfter(finalUpTo) ? before.finalUpTo() : finalUpTo;
        return new BookState(upTo, new ArrayList<>(open.values()));
    }
}
