package io.firebreak.enrich;

import io.firebreak.mention.Mention;

/** Adds sentiment, language, brands and crisis category to a mention; pure and thread-safe. */
public interface Enricher {
    Enrichment enrich(Mention mention);

    default EnrichedMention apply(Mention mention) {
        return new EnrichedMention(mention, enrich(mention));
    }
}
