package io.firebreak.enrich;

/** Scores the sentiment of a text in one language; implementations are thread-safe. */
public interface SentimentScorer {

    /** Compound scores within this distance of 0 are neutral (VADER's recommended band). */
    double NEUTRAL_BAND = 0.05;

    /** The compound score in [-1, 1]: -1 most negative, +1 most positive. */
    double score(String text);

    static String label(double compound) {
        return label(compound, NEUTRAL_BAND);
    }

    static String label(double compound, double neutralBand) {
        if (compound >= neutralBand) {
            return "positive";
        }
        return compound <= -neutralBand ? "negative" : "neutral";
    }
}
