package io.firebreak.statement;

import io.firebreak.detect.Severity;
import java.util.Map;

/**
 * The templates of one category file: variants (holding, apology, safety-first), each with a
 * {@code default} text and optional per-severity texts, the variant to recommend per severity, and
 * the responder's checklist.
 */
public record CategoryStatements(
        String category,
        String issueFallback,
        Map<String, Map<String, Template>> variants,
        Map<String, String> recommend,
        Checklist checklist) {

    static final String DEFAULT = "default";

    public CategoryStatements {
        variants = Map.copyOf(variants);
        recommend = Map.copyOf(recommend);
    }

    /** The recommended variant for this severity. */
    public String variantFor(Severity severity) {
        return recommend.getOrDefault(severity.name(), recommend.getOrDefault(DEFAULT, "holding"));
    }

    /** The key inside a variant used for this severity: the severity itself if written, else {@code default}. */
    public String keyFor(String variant, Severity severity) {
        return variants.get(variant).containsKey(severity.name()) ? severity.name() : DEFAULT;
    }
}
