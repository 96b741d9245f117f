package io.firebreak.notify.slack;

import com.fasterxml.jackson.databind.JsonNode;
import io.firebreak.journal.Journal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Slack channel opened for each alert by "Open incident channel", kept on disk
 * ({@code data/state/incident-channels.jsonl}) so a second press, also after a restart, links the one
 * already there instead of making another.
 */
public final class IncidentChannels implements AutoCloseable {

    private final Journal journal;
    private final Map<String, String> byAlert = new ConcurrentHashMap<>();

    private IncidentChannels(Journal journal) {
        this.journal = journal;
        for (JsonNode r : journal.records()) {
            byAlert.put(r.path("alert_id").asText(), r.path("channel").asText());
        }
    }

    public static IncidentChannels open(Path file) {
        return new IncidentChannels(Journal.open(file));
    }

    public Optional<String> find(String alertId) {
        return Optional.ofNullable(byAlert.get(alertId));
    }

    /** Records the channel opened for an alert; durable when it returns. */
    public void save(String alertId, String channelId) {
        journal.append(List.of(Journal.JSON.createObjectNode().put("alert_id", alertId).put("channel", channelId)));
        byAlert.put(alertId, channelId);
    }

    @Override
    public void close() {
        journal.close();
    }
}
