package io.firebreak.ingest;

import io.firebreak.mention.BadInputException;
import io.firebreak.mention.Batch;
import io.firebreak.mention.MentionJson;
import io.firebreak.store.StoreUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a file from the drop folder a piece at a time ({@code limits.drop_chunk_lines} lines or CSV
 * records), so a file of 100,000 lines costs the memory of one piece; and decides what happens to a file
 * that fails. Elasticsearch being down is not the file's fault: it stays and is tried again at every poll.
 * Any other failure (no CSV mapping for its header, not UTF-8, too large) is the file's own: after
 * {@code limits.drop_max_attempts} tries it moves to {@code failed/} beside a {@code <name>.reason} file
 * saying why, instead of being retried forever.
 */
public final class DropFiles {

    /** The exchange property the file route's {@code move} option reads: done/ or failed/, then the name. */
    public static final String TARGET = "firebreakDropTarget";
    private static final Logger log = LoggerFactory.getLogger(DropFiles.class);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** A combined report keeps the first rejected items only: a file may have 100,000. */
    private static final int REPORT_ITEMS = 100;

    private record Attempts(int count, String lastExchange) {}

    private final MentionJson json;
    private final CsvMentions csv;
    private final JsonExports exports;
    private final IngestService ingest;
    private final IngestMetrics metrics;
    private final int chunk;
    private final long maxBytes;
    private final int maxLineChars;
    private final int maxAttempts;
    private final Clock clock;
    private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();

    public DropFiles(MentionJson json, CsvMentions csv, JsonExports exports, IngestService ingest, IngestMetrics metrics,
                     int chunk, long maxBytes, int maxLineChars, int maxAttempts, Clock clock) {
        this.json = json;
        this.csv = csv;
        this.exports = exports;
        this.ingest = ingest;
        this.metrics = metrics;
        this.chunk = chunk;
        this.maxBytes = maxBytes;
        this.maxLineChars = maxLineChars;
        this.maxAttempts = maxAttempts;
        this.clock = clock;
    }

    /** The file route's step: every piece of the file validated, enriched and stored; one report for the whole. */
    public IngestReport importFile(Exchange exchange) {
        Path file = Path.of(exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class));
        String name = file.getFileName().toString();
        exchange.setProperty(TARGET, "done/" + name);
        long size = size(file);
        if (size > maxBytes) {
            throw new BadInputException(name + " has " + size + " bytes, more than limits.drop_max_bytes (" + maxBytes
                    + "): split it into smaller files");
        }
        var total = new Total(name);
        if (name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            Charset charset = isUtf8(file) ? StandardCharsets.UTF_8 : WINDOWS_1252;
            try (Reader reader = new InputStreamReader(Files.newInputStream(file), charset)) {
                csv.stream(name, reader, chunk, total::ingest);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            if (!isUtf8(file)) {
                throw new BadInputException(name + " is not valid UTF-8: NDJSON must be UTF-8 (nothing of it was stored)");
            }
            // a monitoring export (config/json) is one JSON document: read whole, as a request body would be
            String export = size <= maxLineChars ? readExport(file) : null;
            ExportMapping mapping = export == null ? null : exports.mappingFor(export);
            if (mapping != null) {
                total.ingest(exports.readFile(name, export, mapping));
            } else {
                readLines(file, name, total);
            }
        }
        return total.report();
    }

    /** The text of a .json file small enough to be an export read whole, else null (NDJSON is streamed). */
    private static String readExport(Path file) {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            return null;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** NDJSON {@code chunk} lines at a time; a line longer than a request may be is rejected alone, unread. */
    private void readLines(Path file, String name, Total total) {
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            var pieces = new Pieces(name, total);
            char[] buffer = new char[8192];
            for (int n; (n = reader.read(buffer)) >= 0; ) {
                for (int i = 0; i < n; i++) {
                    pieces.take(buffer[i]);
                }
            }
            pieces.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cuts characters into lines and lines into pieces of {@code chunk}, each stored as it fills. */
    private final class Pieces {
        private final String name;
        private final Total total;
        private final StringBuilder piece = new StringBuilder();
        private final StringBuilder line = new StringBuilder();
        private int lines;
        private int lineNo;
        private int firstLine = 1;
        private boolean overlong;

        Pieces(String name, Total total) {
            this.name = name;
            this.total = total;
        }

        void take(char c) {
            if (c == '\n') {
                endLine();
            } else if (!overlong) {
                line.append(c);
                if (line.length() > maxLineChars) {
                    overlong = true;
                    line.setLength(0);
                }
            }
        }

        private void endLine() {
            lineNo++;
            if (overlong) {
                total.overlong(lineNo, maxLineChars);
                overlong = false;
            } else {
                piece.append(line).append('\n');
            }
            line.setLength(0);
            if (++lines >= chunk) {
                flush();
            }
        }

        private void flush() {
            if (!piece.isEmpty()) {
                total.ingest(json.readLines(name, piece.toString(), firstLine, total.items()));
            }
            piece.setLength(0);
            lines = 0;
            firstLine = lineNo + 1;
        }

        void finish() {
            if (!line.isEmpty() || overlong) {
                endLine();
            }
            flush();
        }
    }

    /** The pieces' reports added up. */
    private final class Total {
        private final String origin;
        private int indexed;
        private int rejected;
        private int items;
        private final List<IngestReport.Item> kept = new ArrayList<>();

        Total(String origin) {
            this.origin = origin;
        }

        void ingest(Batch batch) {
            IngestReport report = ingest.ingest(batch);
            indexed += report.indexed();
            rejected += report.rejected();
            items += batch.size();
            for (IngestReport.Item item : report.items()) {
                if (item.status().equals("rejected") && kept.size() < REPORT_ITEMS) {
                    kept.add(item);
                }
            }
        }

        /** A line too long to read: rejected in place, like a broken one, without being held. */
        void overlong(int lineNo, int max) {
            rejected++;
            metrics.rejected("line_too_long");
            if (kept.size() < REPORT_ITEMS) {
                kept.add(new IngestReport.Item(items, null, "rejected",
                        List.of("(line): line " + lineNo + " is longer than " + max + " characters (limits.max_body_bytes)")));
            }
            items++;
        }

        int items() {
            return items;
        }

        IngestReport report() {
            return new IngestReport(origin, indexed, rejected, kept);
        }
    }

    /**
     * The file route's {@code onWhen}: whether this failure moves the file to {@code failed/}. Never while
     * Elasticsearch cannot store (the file waits for it); otherwise once the file has failed
     * {@code limits.drop_max_attempts} times (counted per exchange, for the same name, size and time).
     */
    public boolean givesUp(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            failure = exchange.getException();
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StoreUnavailableException) {
                return false;
            }
        }
        String key = key(exchange);
        Attempts now = attempts.compute(key, (k, a) -> a == null ? new Attempts(1, exchange.getExchangeId())
                : a.lastExchange().equals(exchange.getExchangeId()) ? a : new Attempts(a.count() + 1, exchange.getExchangeId()));
        if (now.count() < maxAttempts) {
            log.warn("{} failed (attempt {} of {}), tried again at the next poll: {}", exchange.getMessage().getHeader(
                    Exchange.FILE_NAME_ONLY), now.count(), maxAttempts, message(failure));
            return false;
        }
        return true;
    }

    /** Writes {@code failed/<name>.reason} and sends the file to {@code failed/} (the route's move reads {@link #TARGET}). */
    public void quarantine(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Path file = Path.of(exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class));
        String name = file.getFileName().toString();
        attempts.remove(key(exchange));
        Path failed = file.resolveSibling("failed");
        String reason = "file: " + name + "\nfailed at: " + clock.instant() + "\nattempts: " + maxAttempts
                + "\nreason: " + message(failure) + "\nfix the file (or add a mapping in config/csv or config/json), then move it back into the drop folder\n";
        try {
            Files.createDirectories(failed);
            Files.writeString(failed.resolve(name + ".reason"), reason);
        } catch (IOException e) {
            log.error("cannot write the reason for {}: {}", name, e.toString());
        }
        exchange.setProperty(TARGET, "failed/" + name);
        metrics.rejected("file_failed");
        log.error("{} moved to {} after {} attempts: {}", name, failed, maxAttempts, message(failure));
    }

    private static String key(Exchange exchange) {
        var m = exchange.getMessage();
        return m.getHeader(Exchange.FILE_PATH, String.class) + "|" + m.getHeader(Exchange.FILE_LENGTH, 0L, Long.class)
                + "|" + m.getHeader(Exchange.FILE_LAST_MODIFIED, 0L, Long.class);
    }

    private static String message(Throwable failure) {
        Throwable t = failure;
        while (t != null && !(t instanceof BadInputException) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == null ? "unknown" : t instanceof BadInputException ? t.getMessage() : t.toString();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One pass through the file with a decoder that refuses what is not UTF-8, holding 64 KB at a time. */
    static boolean isUtf8(Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = Files.newInputStream(file); Reader reader = new InputStreamReader(in, decoder)) {
            char[] buffer = new char[65_536];
            while (reader.read(buffer) >= 0) {
                // read through: only a refusal matters
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
