/** Assembling and running the service: Elasticsearch, the ingest routes, enrichment, detection, alerting. */
package io.firebreak.service;
