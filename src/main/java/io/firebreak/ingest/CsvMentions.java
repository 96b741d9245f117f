package io.firebreak.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firebreak.mention.BadInputException;
import io.firebreak.mention.Batch;
import io.firebreak.mention.Mention;
import io.firebreak.mention.MentionJson;
import io.firebreak.mention.Rejection;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV exports into mentions through a {@link CsvMapping} chosen by the file's header.
 *
 * <p>Real exports are messy, so three things are handled rather than refused: text that is not
 * UTF-8 (read as Windows-1252, a superset of Latin-1), quoted fields spanning lines, and a row
 * broken by a stray unquoted line break (its pieces are joined back when together they make one
 * row of the right width). Each row is then validated exactly as JSON input is.
 */
public final class CsvMentions {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(true)
            .setIgnoreEmptyLines(true)
            .get();

    private final List<CsvMapping> mappings;
    private final MentionJson validator;
    private final ObjectMapper mapper = new ObjectMapper();

    public CsvMentions(List<CsvMapping> mappings, MentionJson validator) {
        this.mappings = List.copyOf(mappings);
        this.validator = validator;
    }

    /** Decodes bytes as UTF-8, or as Windows-1252 when they are not valid UTF-8. */
    public static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, WINDOWS_1252);
        }
    }

    /**
     * Reads a CSV from a reader {@code chunk} records at a time, handing each piece to {@code each} as it
     * is complete, so a file of any length is held one piece at a time. Indexes and line numbers are the
     * file's own.
     */
    public void stream(String origin, java.io.Reader reader, int chunk, java.util.function.Consumer<Batch> each) {
        try (CSVParser parser = CSVParser.parse(new SkipBom(reader), FORMAT)) {
            List<String> header = parser.getHeaderNames();
            CsvMapping mapping = mappings.stream()
                    .filter(m -> m.matches(header))
                    .findFirst()
                    .orElseThrow(() -> new BadInputException(origin + ": no CSV mapping in config/csv matches the header "
                            + header + "; add one that names these columns"));
            var rows = new RowReader(origin, mapping, header);
            rows.chunked(chunk, each);
            each.accept(rows.readAll(parser));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new BadInputException(origin + ": the CSV cannot be read: " + e.getMessage());
        }
    }

    /** Drops a leading byte-order mark, as {@link #read(String, String)} does. */
    private static final class SkipBom extends java.io.FilterReader {
        private boolean first = true;

        SkipBom(java.io.Reader in) {
            super(in.markSupported() ? in : new java.io.BufferedReader(in));
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (first) {
                first = false;
                in.mark(1);
                int c = in.read();
                if (c != '\uFEFF' && c >= 0) {
                    in.reset();
                }
            }
            return in.read(buffer, offset, length);
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }
    }

    public Batch read(String origin, byte[] bytes) {
        return read(origin, decode(bytes));
    }

    public Batch read(String origin, String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (CSVParser parser = CSVParser.parse(new StringReader(body), FORMAT)) {
            List<String> header = parser.getHeaderNames();
            CsvMapping mapping = mappings.stream()
                    .filter(m -> m.matches(header))
                    .findFirst()
                    .orElseThrow(() -> new BadInputException(origin + ": no CSV mapping in config/csv matches the header "
                            + header + "; add one that names these columns"));
            return new RowReader(origin, mapping, header).readAll(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new BadInputException(origin + ": the CSV cannot be read: " + e.getMessage());
        }
    }

    /** Reads the rows of one file, keeping the state needed to mend broken rows. */
    private final class RowReader {
        private final CsvMapping mapping;
        private final int width;
        private final List<DateTimeFormatter> formats;
        private final String origin;
        private final String headerLine;
        private Batch.Builder batch;
        private int inBatch;
        private int chunk = Integer.MAX_VALUE;
        private java.util.function.Consumer<Batch> each;
        private List<String> pending;
        private long pendingLine;
        private int index;

        RowReader(String origin, CsvMapping mapping, List<String> header) {
            this.mapping = mapping;
            this.width = header.size();
            this.formats = mapping.formatters();
            this.origin = origin;
            this.headerLine = String.join(",", header);
            this.batch = new Batch.Builder(origin, headerLine);
        }

        /** Hands every {@code size} records on as a batch of their own; {@link #readAll} returns the rest. */
        void chunked(int size, java.util.function.Consumer<Batch> to) {
            this.chunk = size;
            this.each = to;
        }

        /** Called after each record is added: a full piece goes on, and the next starts empty. */
        private void added() {
            if (++inBatch >= chunk) {
                each.accept(batch.build());
                batch = new Batch.Builder(origin, headerLine);
                inBatch = 0;
            }
        }

        Batch readAll(CSVParser parser) {
            List<String> headerNames = parser.getHeaderNames();
            for (CSVRecord record : parser) {
                List<String> values = record.toList();
                if (pending != null) {
                    List<String> joined = join(pending, values);
                    if (joined.size() <= width) {
                        pending = joined;
                        if (joined.size() == width) {
                            emit(headerNames, joined, pendingLine);
                            pending = null;
                        }
                        continue;
                    }
                    rejectPending();
                }
                if (values.size() == width) {
                    emit(headerNames, values, parser.getCurrentLineNumber());
                } else if (values.size() < width) {
                    pending = values;
                    pendingLine = parser.getCurrentLineNumber();
                } else {
                    batch.reject(Rejection.of(index++, "record ending at line " + parser.getCurrentLineNumber(),
                            "(row): " + values.size() + " columns, the header has " + width, String.join(",", values)));
                    added();
                }
            }
            if (pending != null) {
                rejectPending();
            }
            return batch.build();
        }

        /** A row cut by a raw line break continues in the next record: rejoin the cut field. */
        private List<String> join(List<String> head, List<String> tail) {
            var out = new ArrayList<String>(head.subList(0, head.size() - 1));
            out.add(head.get(head.size() - 1) + "\n" + (tail.isEmpty() ? "" : tail.get(0)));
            if (tail.size() > 1) {
                out.addAll(tail.subList(1, tail.size()));
            }
            return out;
        }

        private void rejectPending() {
            batch.reject(Rejection.of(index++, "record ending at line " + pendingLine,
                    "(row): " + pending.size() + " columns, the header has " + width, String.join(",", pending)));
            pending = null;
            added();
        }

        private void emit(List<String> header, List<String> values, long line) {
            String where = "record ending at line " + line;
            var errors = new ArrayList<String>();
            ObjectNode node = toJson(header, values, errors);
            Mention mention = errors.isEmpty() ? validator.toMention(node, errors) : null;
            if (errors.isEmpty()) {
                batch.accept(index++, mention, node.toString());
            } else {
                batch.reject(new Rejection(index++, where, errors, String.join(",", values)));
            }
            added();
        }

        private ObjectNode toJson(List<String> header, List<String> values, List<String> errors) {
            ObjectNode node = mapper.createObjectNode();
            node.put("source", mapping.source());
            if (mapping.brand() != null) {
                node.put("brand", mapping.brand());
            }
            for (Map.Entry<String, String> column : mapping.columns().entrySet()) {
                int at = header.indexOf(column.getValue());
                String value = at < 0 || at >= values.size() ? "" : values.get(at);
                if (value.isEmpty()) {
                    continue;
                }
                put(node, column.getKey(), column.getValue(), value, errors);
            }
            return node;
        }

        private void put(ObjectNode node, String field, String column, String value, List<String> errors) {
            ObjectNode target = node;
            String leaf = field;
            int dot = field.indexOf('.');
            if (dot > 0) {
                target = node.has(field.substring(0, dot))
                        ? (ObjectNode) node.get(field.substring(0, dot))
                        : node.putObject(field.substring(0, dot));
                leaf = field.substring(dot + 1);
            }
            switch (field) {
                case "created_at" -> {
                    Instant at = parseTime(value);
                    if (at == null) {
                        errors.add("created_at: '" + value + "' (column " + column + ") matches none of "
                                + mapping.timeFormats() + " nor ISO 8601"
                                + (mapping.zone() == null ? " (a time without an offset needs the mapping's time_zone)" : ""));
                    } else {
                        target.put(leaf, at.toString());
                    }
                }
                case "author.followers", "engagement.shares", "engagement.likes", "engagement.replies" -> {
                    try {
                        target.put(leaf, Long.parseLong(value.strip()));
                    } catch (NumberFormatException e) {
                        errors.add(field + ": '" + value + "' (column " + column + ") is not a whole number");
                    }
                }
                case "author.verified" -> target.put(leaf, Boolean.parseBoolean(value.strip()));
                default -> target.put(leaf, value);
            }
        }

        private Instant parseTime(String value) {
            String v = value.strip();
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException ignored) {
                // not ISO 8601 with an offset: without one, in the mapping's zone; then the mapping's own formats
            }
            if (mapping.zone() != null) {
                try {
                    return java.time.LocalDateTime.parse(v).atZone(mapping.zone()).toInstant();
                } catch (DateTimeParseException ignored) {
                    // try the mapping's formats
                }
            }
            for (DateTimeFormatter format : formats) {
                try {
                    return ZonedDateTime.parse(v, format).toInstant();
                } catch (DateTimeParseException ignored) {
                    // try the next format
                }
            }
            return null;
        }
    }
}
