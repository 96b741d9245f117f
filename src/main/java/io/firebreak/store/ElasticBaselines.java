package io.firebreak.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.firebreak.detect.BaselineStore;
import io.firebreak.detect.BrandBaseline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Baselines in Elasticsearch, one document per brand in {@code <prefix>-baselines}, so a restart
 * neither forgets the week nor re-enters warm-up. Only brands whose baseline changed are written, in
 * one bulk request, by the service's background saver.
 */
public final class ElasticBaselines implements BaselineStore {

    private static final int MAX_BRANDS = 10_000;

    private final ElasticsearchClient client;
    private final String index;

    public ElasticBaselines(ElasticsearchClient client, String prefix) {
        this.client = client;
        this.index = prefix + "-baselines";
    }

    /** Creates the index unless it exists; documents are kept whole, not mapped. */
    public ElasticBaselines install() {
        try {
            if (!client.indices().exists(e -> e.index(index)).value()) {
                client.indices().create(c -> c.index(index)
                        .settings(s -> s.numberOfShards("1").numberOfReplicas("0").autoExpandReplicas("0-1"))
                        .mappings(m -> m.dynamic(DynamicMapping.False)));
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ElasticsearchException e) {
            if ("resource_already_exists_exception".equals(e.error().type())) {
                return this;
            }
            throw e;
        }
    }

    @Override
    public Map<String, BrandBaseline> load() {
        try {
            client.indices().refresh(r -> r.index(index).ignoreUnavailable(true));
            var response = client.search(s -> s.index(index).ignoreUnavailable(true).size(MAX_BRANDS), BrandBaseline.class);
            Map<String, BrandBaseline> out = new TreeMap<>();
            for (Hit<BrandBaseline> hit : response.hits().hits()) {
                if (hit.source() != null) {
                    out.put(hit.id(), hit.source());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void save(Map<String, BrandBaseline> changed) {
        if (changed.isEmpty()) {
            return;
        }
        List<BulkOperation> ops = new ArrayList<>();
        changed.forEach((brand, baseline) -> ops.add(BulkOperation.of(o -> o.index(i -> i.index(index).id(brand)
                .document(baseline)))));
        try {
            BulkResponse r = client.bulk(b -> b.operations(ops));
            if (r.errors()) {
                throw new UncheckedIOException(new IOException("baselines not saved: " + r.items().stream()
                        .filter(i -> i.error() != null).map(i -> i.id() + ": " + i.error().reason()).findFirst().orElse("?")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
