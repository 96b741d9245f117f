package io.firebreak.incident;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where incidents and their timelines are kept (Elasticsearch in the service). Writes are idempotent by
 * id: saving the same incident state or timeline entry again replaces it, never adds a second.
 */
public interface IncidentStore {

    /** Saves the incident's state and its new timeline entries, durable and searchable on return. */
    void save(Incident incident, List<TimelineEntry> entries);

    Optional<Incident> find(String incidentId);

    /** Incidents not closed: what a restart picks up again (open ones, and resolved ones with steps to go). */
    List<Incident> active();

    /** The newest incidents first, at most {@code limit}. */
    List<Incident> list(int limit);

    /** The incident's timeline in the order it was recorded. */
    List<TimelineEntry> timeline(String incidentId);

    /** Timeline entries whose notice has not been posted yet, oldest first. */
    List<TimelineEntry> unnotified();

    /** Kept in memory: tests and one-shot runs. */
    static IncidentStore inMemory() {
        return new IncidentStore() {
            private final Map<String, Incident> incidents = new LinkedHashMap<>();
            private final Map<String, TimelineEntry> entries = new LinkedHashMap<>();

            @Override
            public synchronized void save(Incident incident, List<TimelineEntry> newEntries) {
                incidents.put(incident.id(), incident);
                newEntries.forEach(e -> entries.put(e.id(), e));
            }

            @Override
            public synchronized Optional<Incident> find(String incidentId) {
                return Optional.ofNullable(incidents.get(incidentId));
            }

            @Override
            public synchronized List<Incident> active() {
                return incidents.values().stream().filter(i -> i.status() != Incident.Status.closed).toList();
            }

            @Override
            public synchronized List<Incident> list(int limit) {
                List<Incident> all = new ArrayList<>(incidents.values());
                all.sort(Comparator.comparing(Incident::openedAt).reversed());
                return all.stream().limit(limit).toList();
            }

            @Override
            public synchronized List<TimelineEntry> timeline(String incidentId) {
                return entries.values().stream().filter(e -> e.incidentId().equals(incidentId))
                        .sorted(Comparator.comparingLong(TimelineEntry::seq)).toList();
            }

            @Override
            public synchronized List<TimelineEntry> unnotified() {
                return entries.values().stream().filter(e -> !e.notified())
                        .sorted(Comparator.comparing(TimelineEntry::at).thenComparingLong(TimelineEntry::seq)).toList();
            }
        };
    }
}
