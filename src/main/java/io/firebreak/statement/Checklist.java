package io.firebreak.statement;

import java.util.List;

/** What the responder should and should not do for one category. */
public record Checklist(List<String> dos, List<String> donts) {
    public Checklist {
        dos = List.copyOf(dos);
        donts = List.copyOf(donts);
    }
}
