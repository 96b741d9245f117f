/** Enrichment on the ingest path: sentiment, language, brand matching and crisis category. */
package io.firebreak.enrich;
