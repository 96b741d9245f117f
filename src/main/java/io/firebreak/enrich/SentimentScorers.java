package io.firebreak.enrich;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Sentiment scorers by language (primary BCP 47 subtag); a language missing here is unscored. */
public final class SentimentScorers {

    private final Map<String, SentimentScorer> byLanguage;

    public SentimentScorers(Map<String, SentimentScorer> byLanguage) {
        this.byLanguage = Map.copyOf(byLanguage);
    }

    /**
     * The English scorer; also for text without words ({@code zxx}: emoji, emoticons, punctuation), whose
     * symbols VADER's lexicons cover.
     */
    public static SentimentScorers english(SentimentScorer english) {
        return new SentimentScorers(Map.of("en", english, LanguageDetector.NO_LINGUISTIC_CONTENT, english));
    }

    /** These scorers and one more language's (primary subtag). */
    public SentimentScorers with(String lang, SentimentScorer scorer) {
        Map<String, SentimentScorer> more = new java.util.HashMap<>(byLanguage);
        more.put(primarySubtag(lang), scorer);
        return new SentimentScorers(more);
    }

    public Optional<SentimentScorer> forLanguage(String lang) {
        return Optional.ofNullable(byLanguage.get(primarySubtag(lang)));
    }

    static String primarySubtag(String lang) {
        int dash = lang.indexOf('-');
        String primary = dash < 0 ? lang : lang.substring(0, dash);
        return primary.toLowerCase(Locale.ROOT);
    }
}
