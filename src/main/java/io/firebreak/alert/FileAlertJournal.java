package io.firebreak.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firebreak.journal.Journal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link AlertJournal} in a JSON-lines file under the data directory, each record forced to disk
 * before {@link #record} returns. Opening replays it and compacts it to one line per open alert (and one
 * per brand for the last minute it decided).
 */
public final class FileAlertJournal implements AlertJournal, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FileAlertJournal.class);
    private static final int COMPACT_AFTER = 10_000;

    private final Journal journal;
    private final Map<String, BookState> books = new TreeMap<>();
    private int sinceCompaction;

    private FileAlertJournal(Journal journal) {
        this.journal = journal;
    }

    public static FileAlertJournal open(Path file) {
        FileAlertJournal j = new FileAlertJournal(Journal.open(file));
        for (JsonNode record : j.journal.records()) {
            try {
                String brand = record.path("brand").asText();
                Instant upTo = record.hasNonNull("final_up_to") ? Instant.parse(record.get("final_up_to").asText()) : null;
                List<Tracked> changed = record.hasNonNull("tracked")
                        ? List.of(Journal.JSON.treeToValue(record.get("tracked"), Tracked.class)) : List.of();
                j.books.put(brand, AlertJournal.merge(j.books.get(brand), upTo, changed));
            } catch (JsonProcessingException | RuntimeException e) {
                log.warn("alert journal {}: skipping a record it cannot read: {}", file, e.getMessage());
            }
        }
        j.compact();
        return j;
    }

    @Override
    public synchronized void record(String brand, Instant finalUpTo, List<Tracked> changed) {
        List<JsonNode> records = new ArrayList<>();
        for (Tracked t : changed) {
            records.add(line(brand, finalUpTo, t));
        }
        if (records.isEmpty()) {
            records.add(line(brand, finalUpTo, null));
        }
        journal.append(records);
        books.put(brand, AlertJournal.merge(books.get(brand), finalUpTo, changed));
        sinceCompaction += records.size();
        if (sinceCompaction >= COMPACT_AFTER) {
            compact();
        }
    }

    @Override
    public synchronized Map<String, BookState> restore() {
        return Map.copyOf(books);
    }

    @Override
    public synchronized void close() {
        journal.close();
    }

    private void compact() {
        List<JsonNode> lines = new ArrayList<>();
        books.forEach((brand, book) -> {
            if (book.open().isEmpty()) {
                lines.add(line(brand, book.finalUpTo(), null));
            }
            book.open().forEach(t -> lines.add(line(brand, book.finalUpTo(), t)));
        });
        journal.rewrite(lines);
        sinceCompaction = 0;
    }

    private static JsonNode line(String brand, Instant finalUpTo, Tracked t) {
        ObjectNode n = Journal.JSON.createObjectNode().put("brand", brand);
        if (finalUpTo != null) {
            n.put("final_up_to", finalUpTo.toString());
        }
        if (t != null) {
            n.set("tracked", Journal.JSON.valueToTree(t));
        }
        return n;
    }
}
