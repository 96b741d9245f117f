package io.firebreak.ingest;

import io.firebreak.mention.Batch;
import io.firebreak.mention.MentionJson;
import io.firebreak.mention.StrictUtf8;
import java.util.Locale;
import org.apache.camel.Exchange;

/**
 * Turns any source's body into a {@link Batch}: CSV by file name or content type; JSON otherwise, as a
 * monitoring export when its records match a mapping in config/json, else as Mention v1.
 */
public final class Normaliser {

    /** Names where a body came from when it is not a file; a dead-letter replay keeps the original origin. */
    public static final String ORIGIN_HEADER = io.firebreak.access.ApiGuard.REPLAY_HEADER;

    private final MentionJson json;
    private final CsvMentions csv;
    private final JsonExports exports;

    public Normaliser(MentionJson json, CsvMentions csv, JsonExports exports) {
        this.json = json;
        this.csv = csv;
        this.exports = exports;
    }

    public Batch normalise(Exchange exchange) {
        byte[] body = exchange.getMessage().getBody(byte[].class);
        if (body == null) {
            body = new byte[0];
        }
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String contentType = exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, "", String.class).toLowerCase(Locale.ROOT);
        String given = exchange.getMessage().getHeader(ORIGIN_HEADER, String.class);
        String origin = fileName != null ? fileName
                : given != null && given.matches("[\\w .:/@-]{1,100}") ? given : "http";
        boolean isCsv = fileName != null ? fileName.toLowerCase(Locale.ROOT).endsWith(".csv") : contentType.startsWith("text/csv");
        if (isCsv) {
            return csv.read(origin, body);
        }
        // not new String(body, UTF_8): that turns bytes that are not UTF-8 into U+FFFD, and what is stored is not what was sent
        String text = StrictUtf8.decode(body, fileName != null ? fileName : "the body");
        ExportMapping export = exports.mappingFor(text);
        if (export != null) {
            return exports.read(origin, text, export);
        }
        return fileName != null ? json.readLines(origin, text) : json.read(origin, text);
    }
}
