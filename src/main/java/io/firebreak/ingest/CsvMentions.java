package io.firebreak.ingest;

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
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV exports into mentions through a {@link ExportMapping} chosen by the file's header.
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

    private final List<ExportMapping> mappings;
    private final MentionJson validator;

    public CsvMentions(List<ExportMapping> mappings, MentionJson validator) {
        this.mappings = mappings.stream().filter(m -> !m.json()).toList();
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
            ExportMapping mapping = mappings.stream()
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
            ExportMapping mapping = mappings.stream()
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
        private final ExportMapping mapping;
        private final int width;
        private final ExportRecord fields;
        private final String origin;
        private final String headerLine;
        private Batch.Builder batch;
        private int inBatch;
        private int chunk = Integer.MAX_VALUE;
        private java.util.function.Consumer<Batch> each;
        private List<String> pending;
        private long pendingLine;
        private int index;

        RowReader(String origin, ExportMapping mapping, List<String> header) {
            this.mapping = mapping;
            this.width = header.size();
            this.fields = new ExportRecord(mapping, "column");
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
            return fields.toJson(column -> {
                int at = header.indexOf(column);
                return at < 0 || at >= values.size() ? "" : values.get(at);
            }, errors);
        }
    }
}
