package io.firebreak.enrich;

import io.firebreak.mention.Mention;

/** A mention with its enrichment: what gets indexed and what detection counts. */
public record EnrichedMention(Mention mention, Enrichment enrichment) {}
