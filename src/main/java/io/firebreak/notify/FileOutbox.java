package io.firebreak.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firebreak.alert.Alert;
import io.firebreak.journal.Journal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link Outbox} in a JSON-lines journal under the data directory ({@code put}, {@code done},
 * {@code dead} records, forced to disk before returning). Opening replays the journal, so a restart
 * resumes where it stopped; it is then compacted to the pending entries. Given-up versions go to
 * {@code dead.jsonl} beside it.
 */
public final class FileOutbox implements Outbox, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FileOutbox.class);
    private static final int COMPACT_AFTER = 1000;

    private final Journal journal;
    private final Path deadLetters;
    private final TreeMap<Long, OutboxEntry> pending = new TreeMap<>();
    private long nextSeq = 1;
    private int settledSinceCompaction;

    private FileOutbox(Path dir) {
        this.journal = Journal.open(dir.resolve("outbox.jsonl"));
        this.deadLetters = dir.resolve("dead.jsonl");
    }

    /** Opens (creating if needed) the outbox in {@code dir} and replays what is pending. */
    public static FileOutbox open(Path dir) {
        FileOutbox outbox = new FileOutbox(dir);
        outbox.replay();
        outbox.compact();
        return outbox;
    }

    @Override
    public synchronized List<OutboxEntry> put(List<Alert> versions) {
        List<OutboxEntry> entries = new ArrayList<>();
        List<JsonNode> records = new ArrayList<>();
        for (Alert alert : versions) {
            OutboxEntry entry = new OutboxEntry(nextSeq++, alert);
            entries.add(entry);
            records.add(putRecord(entry));
        }
        journal.append(records);
        entries.forEach(e -> pending.put(e.seq(), e));
        return entries;
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
        settle(entry, "done", null);
    }

    @Override
    public synchronized void giveUp(OutboxEntry entry, String reason) {
        ObjectNode dead = Journal.JSON.createObjectNode().put("reason", reason);
        dead.set("alert", Journal.JSON.valueToTree(entry.alert()));
        try {
            Files.writeString(deadLetters, dead + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("outbox dead letters " + deadLetters + ": " + e.getMessage(), e);
        }
        settle(entry, "dead", reason);
    }

    @Override
    public synchronized void close() {
        journal.close();
    }

    private void settle(OutboxEntry entry, String op, String reason) {
        ObjectNode record = Journal.JSON.createObjectNode().put("op", op).put("seq", entry.seq())
                .put("alert_id", entry.alertId());
        if (reason != null) {
            record.put("reason", reason);
        }
        journal.append(List.of(record));
        pending.remove(entry.seq());
        if (++settledSinceCompaction >= COMPACT_AFTER) {
            compact();
        }
    }

    private void replay() {
        for (JsonNode record : journal.records()) {
            long seq = record.path("seq").asLong();
            nextSeq = Math.max(nextSeq, seq + 1);
            if ("put".equals(record.path("op").asText())) {
                try {
                    pending.put(seq, new OutboxEntry(seq, Journal.JSON.treeToValue(record.get("alert"), Alert.class)));
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    LOG.warn("outbox {}: skipping entry {} it cannot read: {}", journal.file(), seq, e.getMessage());
                }
            } else {
                pending.remove(seq);
            }
        }
    }

    private void compact() {
        List<JsonNode> records = new ArrayList<>();
        pending.values().forEach(e -> records.add(putRecord(e)));
        journal.rewrite(records);
        settledSinceCompaction = 0;
    }

    private static JsonNode putRecord(OutboxEntry entry) {
        ObjectNode record = Journal.JSON.createObjectNode().put("op", "put").put("seq", entry.seq());
        record.set("alert", Journal.JSON.valueToTree(entry.alert()));
        return record;
    }
}
