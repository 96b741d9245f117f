package io.firebreak.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link Outbox} in a JSON-lines journal under the data directory ({@code put}, {@code done},
 * {@code dead} records, forced to disk before returning). Opening replays the journal, so a restart
 * resumes where it stopped; it is then compacted to the pending entries. Given-up notifications go
 * to {@code dead.jsonl} beside it.
 */
public final class FileOutbox implements Outbox, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FileOutbox.class);
    /** Alert v1 naming inside notifications; unknown fields tolerated so an older journal still opens after an upgrade. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final int COMPACT_AFTER = 1000;

    private final Path journal;
    private final Path deadLetters;
    private final Map<String, OutboxEntry> pending = new LinkedHashMap<>();
    private FileChannel channel;
    private long nextSeq = 1;
    private int settledSinceCompaction;

    private FileOutbox(Path dir) {
        this.journal = dir.resolve("outbox.jsonl");
        this.deadLetters = dir.resolve("dead.jsonl");
    }

    /** Opens (creating if needed) the outbox in {@code dir} and replays what is pending. */
    public static FileOutbox open(Path dir) {
        FileOutbox outbox = new FileOutbox(dir);
        try {
            Files.createDirectories(dir);
            outbox.replay();
            outbox.compact();
        } catch (IOException e) {
            throw new UncheckedIOException("outbox " + dir + ": " + e.getMessage(), e);
        }
        return outbox;
    }

    @Override
    public synchronized OutboxEntry put(Notification notification) {
        OutboxEntry entry = new OutboxEntry(nextSeq++, notification);
        ObjectNode record = JSON.createObjectNode().put("op", "put").put("seq", entry.seq());
        record.set("notification", JSON.valueToTree(notification));
        append(record);
        if (pending.remove(entry.alertId()) != null) {
            settledSinceCompaction++;
        }
        pending.put(entry.alertId(), entry);
        return entry;
    }

    @Override
    public synchronized List<OutboxEntry> pending() {
        List<OutboxEntry> list = new ArrayList<>(pending.values());
        list.sort(Comparator.comparingLong(OutboxEntry::seq));
        return list;
    }

    @Override
    public synchronized void done(OutboxEntry entry) {
        settle(entry, "done", null);
    }

    @Override
    public synchronized void giveUp(OutboxEntry entry, String reason) {
        ObjectNode dead = JSON.createObjectNode().put("reason", reason);
        dead.set("notification", JSON.valueToTree(entry.notification()));
        try {
            Files.writeString(deadLetters, dead + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("outbox dead letters " + deadLetters + ": " + e.getMessage(), e);
        }
        settle(entry, "dead", reason);
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void settle(OutboxEntry entry, String op, String reason) {
        ObjectNode record = JSON.createObjectNode().put("op", op).put("seq", entry.seq())
                .put("alert_id", entry.alertId());
        if (reason != null) {
            record.put("reason", reason);
        }
        append(record);
        OutboxEntry current = pending.get(entry.alertId());
        if (current != null && current.seq() == entry.seq()) {
            pending.remove(entry.alertId());
        }
        if (++settledSinceCompaction >= COMPACT_AFTER) {
            try {
                compact();
            } catch (IOException e) {
                throw new UncheckedIOException("outbox compaction " + journal + ": " + e.getMessage(), e);
            }
        }
    }

    private void replay() throws IOException {
        if (!Files.exists(journal)) {
            return;
        }
        List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            JsonNode record;
            try {
                record = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                // a torn last line from a crash mid-write: the put never returned, so nothing was promised
                LOG.warn("outbox {}: skipping unreadable line {}", journal, i + 1);
                continue;
            }
            long seq = record.path("seq").asLong();
            nextSeq = Math.max(nextSeq, seq + 1);
            if ("put".equals(record.path("op").asText())) {
                Notification n = JSON.treeToValue(record.get("notification"), Notification.class);
                pending.put(n.alert().alertId(), new OutboxEntry(seq, n));
            } else {
                String alertId = record.path("alert_id").asText();
                OutboxEntry current = pending.get(alertId);
                if (current != null && current.seq() == seq) {
                    pending.remove(alertId);
                }
            }
        }
    }

    /** Rewrites the journal with only the pending entries, atomically. */
    private void compact() throws IOException {
        if (channel != null) {
            channel.close();
        }
        Path tmp = journal.resolveSibling(journal.getFileName() + ".tmp");
        StringBuilder out = new StringBuilder();
        for (OutboxEntry entry : pending()) {
            ObjectNode record = JSON.createObjectNode().put("op", "put").put("seq", entry.seq());
            record.set("notification", JSON.valueToTree(entry.notification()));
            out.append(record).append('\n');
        }
        Files.writeString(tmp, out, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        Files.move(tmp, journal, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        channel = FileChannel.open(journal, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        settledSinceCompaction = 0;
    }

    private void append(JsonNode record) {
        try {
            channel.write(ByteBuffer.wrap((record + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("outbox " + journal + ": " + e.getMessage(), e);
        }
    }
}
