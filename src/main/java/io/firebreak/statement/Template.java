package io.firebreak.statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A parsed statement template: literal text and placeholders. Filling is one pass, so values that
 * contain braces are inserted as plain text and never expanded again.
 */
public record Template(String where, List<Part> parts) {

    /** A piece of a template: literal text or a placeholder. */
    public sealed interface Part permits Literal, Slot {}

    /** Literal template text. */
    public record Literal(String text) implements Part {}

    /** A {@link Placeholder} to fill. */
    public record Slot(Placeholder placeholder) implements Part {}

    public Template {
        parts = List.copyOf(parts);
    }

    /**
     * Parses {@code text}; {@code where} ("safety.yaml: variants.holding.SEV1") goes into every
     * error so an author can find the mistake.
     */
    public static Template parse(String text, String where) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '}') {
                throw new StatementConfigException(where + ": stray '}' at character " + i);
            }
            if (c != '{') {
                literal.append(c);
                i++;
                continue;
            }
            int close = text.indexOf('}', i);
            if (close < 0) {
                throw new StatementConfigException(where + ": unclosed '{' at character " + i);
            }
            String name = text.substring(i + 1, close);
            Placeholder placeholder = Placeholder.named(name).orElseThrow(() -> new StatementConfigException(
                    where + ": unknown placeholder {" + name + "}; allowed: {brand}, {issue}, {help}, {precaution}, {next_update}"));
            if (!literal.isEmpty()) {
                parts.add(new Literal(literal.toString()));
                literal.setLength(0);
            }
            parts.add(new Slot(placeholder));
            i = close + 1;
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        return new Template(where, parts);
    }

    /** The template text with each placeholder replaced by its value (every placeholder must have one). */
    public String fill(Map<Placeholder, String> values) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                out.append(literal.text());
            } else if (part instanceof Slot slot) {
                String value = values.get(slot.placeholder());
                if (value == null) {
                    throw new IllegalArgumentException(where + ": no value for {" + slot.placeholder().token() + "}");
                }
                out.append(value);
            }
        }
        return out.toString();
    }

    /** The literal text only, for checks on wording. */
    public String literalText() {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            out.append(part instanceof Literal literal ? literal.text() : " ");
        }
        return out.toString();
    }
}
