package io.firebreak.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentStore;
import io.firebreak.incident.TimelineEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Incidents in Elasticsearch: their state in {@code <prefix>-incidents} (document id = incident id) and their
 * timelines in {@code <prefix>-incident-timeline} (document id = entry id), so a re-delivered alert version
 * or a replay after a restart rewrites the same documents. A save returns once both are searchable
 * ({@code refresh=wait_for}): what a restart or the report reads is what was saved.
 */
public final class ElasticIncidents implements IncidentStore {

    private static final int MAX = 10_000;

    private final ElasticsearchClient client;
    private final String incidents;
    private final String timeline;
    private final int replicas;

    /** @param replicas 0 for a single-node cluster (the embedded one) */
    public ElasticIncidents(ElasticsearchClient client, String prefix, int replicas) {
        this.client = client;
        this.incidents = prefix + "-incidents";
        this.timeline = prefix + "-incident-timeline";
        this.replicas = replicas;
    }

    public String index() {
        return incidents;
    }

    /** Installs (or updates) the index templates; safe to call at every start. */
    public ElasticIncidents install() {
        putTemplate(incidents, "/store/incidents-template.json");
        putTemplate(timeline, "/store/incident-timeline-template.json");
        return this;
    }

    private void putTemplate(String name, String resource) {
        try (InputStream in = ElasticIncidents.class.getResourceAsStream(resource)) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${pattern}", name)
                    .replace("${replicas}", String.valueOf(replicas));
            client.indices().putIndexTemplate(t -> t.name(name).withJson(new StringReader(json)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install index template " + name, e);
        }
    }

    @Override
    public void save(Incident incident, List<TimelineEntry> entries) {
        List<BulkOperation> ops = new ArrayList<>();
        ops.add(BulkOperation.of(b -> b.index(i -> i.index(incidents).id(incident.id()).document(incident))));
        for (TimelineEntry e : entries) {
            ops.add(BulkOperation.of(b -> b.index(i -> i.index(timeline).id(e.id()).document(e))));
        }
        try {
            BulkResponse r = client.bulk(b -> b.refresh(Refresh.WaitFor).operations(ops));
            if (r.errors()) {
                String why = r.items().stream().filter(it -> it.error() != null)
                        .map(it -> it.id() + ": " + it.error().reason()).findFirst().orElse("unknown");
                throw new StoreUnavailableException("incident " + incident.id() + " not saved: " + why, null);
            }
        } catch (IOException e) {
            throw new StoreUnavailableException("incident " + incident.id() + " not saved: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Incident> find(String incidentId) {
        try {
            var r = client.get(g -> g.index(incidents).id(incidentId), Incident.class);
            return r.found() ? Optional.ofNullable(r.source()) : Optional.empty();
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            if (e.status() == 404) {
                return Optional.empty(); // no incident has been saved yet: the index does not exist
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<Incident> active() {
        return incidents(q -> q.bool(b -> b.mustNot(m -> m.term(t -> t.field("status").value("closed")))), MAX);
    }

    @Override
    public List<Incident> list(int limit) {
        return incidents(q -> q.matchAll(m -> m), limit);
    }

    private List<Incident> incidents(java.util.function.Function<co.elastic.clients.elasticsearch._types.query_dsl.Query.Builder,
            co.elastic.clients.util.ObjectBuilder<co.elastic.clients.elasticsearch._types.query_dsl.Query>> query, int limit) {
        try {
            var r = client.search(s -> s.index(incidents).ignoreUnavailable(true).allowNoIndices(true).size(limit)
                    .query(query).sort(o -> o.field(f -> f.field("opened_at").order(SortOrder.Desc))), Incident.class);
            return r.hits().hits().stream().map(Hit::source).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<TimelineEntry> timeline(String incidentId) {
        return entries(q -> q.term(t -> t.field("incident_id").value(incidentId)), "seq");
    }

    @Override
    public List<TimelineEntry> unnotified() {
        return entries(q -> q.term(t -> t.field("notified").value(false)), "at");
    }

    private List<TimelineEntry> entries(java.util.function.Function<co.elastic.clients.elasticsearch._types.query_dsl.Query.Builder,
            co.elastic.clients.util.ObjectBuilder<co.elastic.clients.elasticsearch._types.query_dsl.Query>> query, String order) {
        try {
            var r = client.search(s -> s.index(timeline).ignoreUnavailable(true).allowNoIndices(true).size(MAX)
                    .query(query).sort(o -> o.field(f -> f.field(order).order(SortOrder.Asc)))
                    .sort(o -> o.field(f -> f.field("seq").order(SortOrder.Asc))), TimelineEntry.class);
            return r.hits().hits().stream().map(Hit::source).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
