package io.firebreak.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.firebreak.journal.Journal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link DeliveryLog} in a JSON-lines journal under the data directory, each save forced to disk.
 * Local on purpose: telling Slack must not depend on Elasticsearch being up. Compacted at open and
 * every so often to the newest record per alert; alerts resolved long ago are dropped then.
 */
public final class FileDeliveryLog implements DeliveryLog, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FileDeliveryLog.class);
    private static final int COMPACT_AFTER = 5_000;
    /** Resolved alerts kept at compaction, newest first: a late retry of one still finds its message. */
    private static final int RESOLVED_KEPT = 1_000;

    private final Journal journal;
    private final Map<String, Delivery> deliveries = new LinkedHashMap<>();
    private int sinceCompaction;

    private FileDeliveryLog(Journal journal) {
        this.journal = journal;
    }

    public static FileDeliveryLog open(Path file) {
        FileDeliveryLog log = new FileDeliveryLog(Journal.open(file));
        for (JsonNode record : log.journal.records()) {
            try {
                Delivery d = Journal.JSON.treeToValue(record, Delivery.class);
                log.deliveries.remove(d.alertId());
                log.deliveries.put(d.alertId(), d);
            } catch (JsonProcessingException e) {
                FileDeliveryLog.log.warn("delivery log {}: skipping a record it cannot read: {}", file, e.getOriginalMessage());
            }
        }
        log.compact();
        return log;
    }

    @Override
    public synchronized Optional<Delivery> find(String alertId) {
        return Optional.ofNullable(deliveries.get(alertId));
    }

    @Override
    public synchronized void save(Delivery delivery) {
        journal.append(List.of(Journal.JSON.valueToTree(delivery)));
        deliveries.remove(delivery.alertId());
        deliveries.put(delivery.alertId(), delivery);
        if (++sinceCompaction >= COMPACT_AFTER) {
            compact();
        }
    }

    @Override
    public synchronized void close() {
        journal.close();
    }

    private void compact() {
        List<Delivery> all = new ArrayList<>(deliveries.values());
        int resolved = 0;
        List<JsonNode> kept = new ArrayList<>();
        // newest last in the map: walk backwards to keep the most recent resolved ones
        for (int i = all.size() - 1; i >= 0; i--) {
            Delivery d = all.get(i);
            boolean over = d.lastSent() != null && !d.lastSent().open();
            if (over && ++resolved > RESOLVED_KEPT) {
                deliveries.remove(d.alertId());
                continue;
            }
            kept.add(0, Journal.JSON.valueToTree(d));
        }
        journal.rewrite(kept);
        sinceCompaction = 0;
    }
}
