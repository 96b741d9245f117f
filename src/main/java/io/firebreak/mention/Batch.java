package io.firebreak.mention;

import java.util.ArrayList;
import java.util.List;

/**
 * What came out of one input (an HTTP body or a file): the mentions that passed validation, each
 * with its position, and the items that did not.
 *
 * @param origin    where the input came from ("http", a file name)
 * @param csvHeader for CSV input, the header line, so a rejected row can be read again later; else null
 */
public record Batch(String origin, String csvHeader, List<Item> accepted, List<Rejection> rejected) {

    public Batch {
        accepted = List.copyOf(accepted);
        rejected = List.copyOf(rejected);
    }

    /** A valid mention and where it stood in the input. */
    public record Item(int index, Mention mention, String raw) {}

    public int size() {
        return accepted.size() + rejected.size();
    }

    public List<Mention> mentions() {
        var out = new ArrayList<Mention>(accepted.size());
        for (Item item : accepted) {
            out.add(item.mention());
        }
        return out;
    }

    /** Collects items in input order. */
    public static final class Builder {
        private final String origin;
        private final String csvHeader;
        private final List<Item> accepted = new ArrayList<>();
        private final List<Rejection> rejected = new ArrayList<>();

        public Builder(String origin) {
            this(origin, null);
        }

        public Builder(String origin, String csvHeader) {
            this.origin = origin;
            this.csvHeader = csvHeader;
        }

        public void accept(int index, Mention mention, String raw) {
            accepted.add(new Item(index, mention, raw));
        }

        public void reject(Rejection rejection) {
            rejected.add(rejection);
        }

        public Batch build() {
            return new Batch(origin, csvHeader, accepted, rejected);
        }
    }
}
