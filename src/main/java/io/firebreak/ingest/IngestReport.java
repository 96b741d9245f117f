package io.firebreak.ingest;

import java.util.List;

/** What happened to each item of one input: the answer to an HTTP request, the log line of a file. */
public record IngestReport(String origin, int indexed, int rejected, List<Item> items) {

    public IngestReport {
        items = List.copyOf(items);
    }

    /** One item's fate: "indexed" with its key, or "rejected" with reasons naming fields. */
    public record Item(int index, String key, String status, List<String> errors) {
        public Item {
            errors = errors == null ? List.of() : List.copyOf(errors);
        }
    }
}
