/** Camel routes' Java side: normalising sources (JSON, NDJSON, CSV) into mentions, dead letters, back-pressure. */
package io.firebreak.ingest;
