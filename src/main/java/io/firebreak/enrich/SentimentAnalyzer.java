package io.firebreak.enrich;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Language then sentiment for one text: the scorer registered for the language, or "unscored" when
 * there is none, counted in {@code firebreak.enrich.unscored} (tag {@code lang}) so the gap is visible.
 */
public final class SentimentAnalyzer {

    /** The outcome for one text; {@code score} is 0 and meaningless when {@code scored} is false. */
    public record Result(String lang, boolean scored, double score, String label) {}

    public static final String UNSCORED = "unscored";

    private final LanguageDetector detector;
    private final SentimentScorers scorers;
    private final LongAdder unscored = new LongAdder();
    private final Map<String, Counter> unscoredByLang = new ConcurrentHashMap<>();

    public SentimentAnalyzer(LanguageDetector detector, SentimentScorers scorers) {
        this.detector = detector;
        this.scorers = scorers;
    }

    /** Language detection with English VADER and the Chinese scorer, from the shipped lexicons. */
    public static SentimentAnalyzer standard() {
        VaderScorer english = VaderScorer.english();
        SentimentScorers scorers = SentimentScorers.english(english).with("zh", ChineseScorer.standard());
        return new SentimentAnalyzer(FastLanguageDetector.create(english.vocabulary()), scorers);
    }

    /** An explicit language (from the mention) wins over detection; null or blank means detect. */
    public Result analyze(String text, String explicitLang) {
        String lang = explicitLang == null || explicitLang.isBlank() ? detector.detect(text) : explicitLang.strip();
        Optional<SentimentScorer> scorer = scorers.forLanguage(lang);
        if (scorer.isEmpty()) {
            unscored.increment();
            unscoredByLang.computeIfAbsent(metricTag(lang),
                    l -> Metrics.counter("firebreak.enrich.unscored", "lang", l)).increment();
            return new Result(lang, false, 0, UNSCORED);
        }
        double score = scorer.get().score(text);
        return new Result(lang, true, score, SentimentScorer.label(score));
    }

    /** A mention's own lang field can hold anything; only language-code shapes become tag values. */
    private static String metricTag(String lang) {
        String primary = SentimentScorers.primarySubtag(lang);
        boolean codeShaped = primary.length() >= 2 && primary.length() <= 3 && primary.chars().allMatch(c -> c >= 'a' && c <= 'z');
        return codeShaped ? primary : "invalid";
    }

    /** Texts left unscored so far because no scorer exists for their language. */
    public long unscoredCount() {
        return unscored.sum();
    }
}
