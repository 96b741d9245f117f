package io.firebreak.enrich;

import java.util.List;

/**
 * What Firebreak adds to a mention before indexing and detection.
 *
 * @param lang          detected (or given) language, BCP 47; "und" when undetermined
 * @param scored        false when no scorer exists for the language: {@code sentiment} is then 0 and
 *                      means "unknown", never "neutral"
 * @param sentiment     compound score in [-1, 1]
 * @param label         negative / neutral / positive / unscored
 * @param brands        brand ids the mention is about (an explicit brand field wins)
 * @param category      crisis category id from the taxonomy, "other" when nothing matched
 * @param categoryTerms the words that put it in that category
 * @param words         a Chinese text's words as the segmenter cut them (punctuation and single characters
 *                      left out), indexed so an alert's significant terms are words, not characters;
 *                      empty for other texts, whose words Elasticsearch's analyser finds itself
 */
public record Enrichment(
        String lang,
        boolean scored,
        double sentiment,
        String label,
        List<String> brands,
        String category,
        List<String> categoryTerms,
        List<String> words) {

    public Enrichment {
        brands = List.copyOf(brands);
        categoryTerms = List.copyOf(categoryTerms);
        words = List.copyOf(words);
    }

    /** A text whose words need no segmenting (every language but Chinese here). */
    public Enrichment(String lang, boolean scored, double sentiment, String label, List<String> brands, String category,
                      List<String> categoryTerms) {
        this(lang, scored, sentiment, label, brands, category, categoryTerms, List.of());
    }

    public boolean negative() {
        return "negative".equals(label);
    }
}
