package io.firebreak.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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

    /** The brand's most severe open alert (the oldest among equals), whatever its category. */
    /** The brand's most severe open alert: where a signal without a specific category belongs. */
    public Optional<Entry> strongestOf(String brand) {
        return byGroup.values().stream().filter(e -> e.alert().brand().equals(brand))
                .min(Comparator.comparing((Entry e) -> e.alert().severity()).thenComparing(e -> e.alert().firedAt()));
    }

    void put(Alert a, Instant lastActive) {
        byGroup.put(group(a), new Entry(a, lastActive));
    }

    void remove(Alert a) {
        byGroup.remove(group(a));
    }

    /** The open alert of a brand and category, if any. */
    public Optional<Entry> find(String brand, String category) {
        return Optional.ofNullable(byGroup.get(brand + "/" + category));
    }

    /** Puts back what a stored copy held, so a restart neither forgets an open alert nor re-opens it. */
    public void restore(Entry entry) {
        put(entry.alert(), entry.lastActive());
    }

    public List<Entry> entries() {
        return new ArrayList<>(byGroup.values());
    }
}
