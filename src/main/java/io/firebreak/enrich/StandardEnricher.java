package io.firebreak.enrich;

import io.firebreak.mention.Mention;
import java.util.List;

/** The enricher on the ingest path: language and sentiment, brands, crisis category; thread-safe, no I/O. */
public final class StandardEnricher implements Enricher {

    private final SentimentAnalyzer sentiment;
    private final BrandMatcher brands;
    private final CategoryClassifier categories;

    public StandardEnricher(SentimentAnalyzer sentiment, BrandMatcher brands, CategoryClassifier categories) {
        this.sentiment = sentiment;
        this.brands = brands;
        this.categories = categories;
    }

    @Override
    public Enrichment enrich(Mention mention) {
        SentimentAnalyzer.Result s = sentiment.analyze(mention.text(), mention.lang());
        Tokens tokens = Tokens.of(mention.text());
        // Chinese has no spaces: its names and terms are found on the segmenter's word boundaries; the whole
        // post, quoted repost chain included, since a repost spreads what it quotes
        HanText chinese = ChineseText.hasHan(mention.text()) ? HanText.of(mention.text()) : null;
        List<String> brandIds = mention.brand() != null && !mention.brand().isBlank()
                ? List.of(brands.resolve(mention.brand()))
                : brands.match(tokens, chinese);
        CategoryClassifier.Match category = categories.classify(tokens, chinese, s.lang());
        return new Enrichment(s.lang(), s.scored(), s.score(), s.label(), brandIds, category.category(), category.terms(),
                chinese == null ? List.of() : chinese.indexWords());
    }

    /** Mentions left unscored so far because no scorer exists for their language. */
    public long unscoredCount() {
        return sentiment.unscoredCount();
    }
}
