package io.firebreak.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The alerts not yet resolved, one per brand and category, with when their wave was last active.
 * Shared by {@link Dedup} (opens, escalates, marks activity) and {@link AutoResolve} (closes).
 */
public final class OpenAlerts {

    /** An open alert and the last moment its wave was seen active. */
    public record Entry(Alert alert, Instant lastActive) {}

    // sorted so that anything iterating open alerts does it in the same order in live and backtest
    private final Map<String, Entry> byGroup = new TreeMap<>();

    static String group(Alert a) {
        return a.brand() + "/" + a.category();
    }

    Optional<Entry> get(Alert a) {
        return Optional.ofNullable(byGroup.get(group(a)));
    }

    void put(Alert a, Instant lastActive) {
        byGroup.put(group(a), new Entry(a, lastActive));
    }

    void remove(Alert a) {
        byGroup.remove(group(a));
    }

    /** Puts back what a stored copy held, so a restart neither forgets an open alert nor re-opens it. */
    public void restore(Entry entry) {
        put(entry.alert(), entry.lastActive());
    }

    public List<Entry> entries() {
        return new ArrayList<>(byGroup.values());
    }
}
