/** The benchmark: raw Elasticsearch ceiling vs the full pipeline, detection latency, memory. */
package io.firebreak.bench;
