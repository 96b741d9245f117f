package io.firebreak.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
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
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file of JSON records, one per line. {@link #append} returns once the lines are forced
 * to disk, so what it accepted survives a crash; {@link #records} replays them at start (a torn last
 * line from a crash mid-write is skipped: its append never returned, so nothing was promised);
 * {@link #rewrite} compacts it atomically. Thread-safe.
 */
public final class Journal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Journal.class);

    /** snake_case fields, RFC 3339 times, absent fields left out, unknown fields tolerated (an older file still opens). */
    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;
    private final List<JsonNode> replayed;
    private FileChannel channel;

    private Journal(Path file, List<JsonNode> replayed) {
        this.file = file;
        this.replayed = replayed;
    }

    /** Opens (creating if needed) the journal and reads what it holds. */
    public static Journal open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Journal journal = new Journal(file, read(file));
            journal.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            return journal;
        } catch (IOException e) {
            throw new UncheckedIOException("journal " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** The records the file held when it was opened, oldest first. */
    public List<JsonNode> records() {
        return replayed;
    }

    /** Appends the records and forces them to disk before returning. */
    public synchronized void append(List<? extends JsonNode> records) {
        if (records.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        for (JsonNode r : records) {
            lines.append(r).append('\n');
        }
        try {
            ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the whole file with {@code records}, atomically (a crash leaves the old file or the new one). */
    public synchronized void rewrite(List<? extends JsonNode> records) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        StringBuilder out = new StringBuilder();
        for (JsonNode r : records) {
            out.append(r).append('\n');
        }
        try {
            channel.close();
            Files.writeString(tmp, out, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("journal " + file + " compaction: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(JSON.readTree(line));
            } catch (JsonProcessingException e) {
                log.warn("journal {}: skipping unreadable line {}", file, i + 1);
            }
        }
        return out;
    }
}
