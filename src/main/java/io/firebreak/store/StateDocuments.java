package io.firebreak.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.GetResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Small documents of service state (baselines, open alerts, per-alert Slack state) in the index
 * {@code <prefix>-state}, stored but not indexed field by field. A write returns once
 * Elasticsearch has it durably (translog), so a restart reads back exactly what was saved.
 */
public final class StateDocuments {

    private final ElasticsearchClient client;
    private final String index;

    public StateDocuments(ElasticsearchClient client, String prefix) {
        this.client = client;
        this.index = prefix + "-state";
    }

    /** Creates the index unless it exists; documents are kept whole, not mapped. */
    public StateDocuments install() {
        try {
            if (!client.indices().exists(e -> e.index(index)).value()) {
                client.indices().create(c -> c.index(index)
                        .settings(s -> s.numberOfShards("1").numberOfReplicas("0").autoExpandReplicas("0-1"))
                        .mappings(m -> m.dynamic(co.elastic.clients.elasticsearch._types.mapping.DynamicMapping.False)));
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            if ("resource_already_exists_exception".equals(e.error().type())) {
                return this;
            }
            throw e;
        }
    }

    public <T> Optional<T> get(String id, Class<T> type) {
        try {
            GetResponse<T> response = client.get(g -> g.index(index).id(id), type);
            return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void put(String id, Object document) {
        try {
            client.index(i -> i.index(index).id(id).document(document).refresh(Refresh.False));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
