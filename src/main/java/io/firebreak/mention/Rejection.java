package io.firebreak.mention;

import java.util.List;

/**
 * One input item that was not accepted, and why.
 *
 * @param index  position in the input (0-based): array element, NDJSON line or CSV record
 * @param where  human pointer to the item, e.g. "line 12" or "record 40"
 * @param errors each problem as "field: reason", naming the field so a sender can fix it
 * @param raw    the item as received, kept so a dead letter can be inspected and replayed
 */
public record Rejection(int index, String where, List<String> errors, String raw) {

    public Rejection {
        errors = List.copyOf(errors);
    }

    public static Rejection of(int index, String where, String error, String raw) {
        return new Rejection(index, where, List.of(error), raw);
    }

    public String message() {
        return String.join("; ", errors);
    }
}
