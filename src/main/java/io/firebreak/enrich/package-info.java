/** Enrichment on the ingest path: sentiment, language, brand matching and crisis category; Chinese text segmented and read in Simplified characters. */
package io.firebreak.enrich;
