/**
 * Assembling and running the service: the brand partitions (detection and alert state behind one lock per
 * brand), the live and backtest drivers, Elasticsearch, the ingest routes, and the ops endpoints.
 */
package io.firebreak.service;
