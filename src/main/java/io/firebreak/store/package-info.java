/** Elasticsearch: the embedded server, the client, index templates, bulk indexing. */
package io.firebreak.store;
