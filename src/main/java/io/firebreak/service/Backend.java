package io.firebreak.service;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.firebreak.config.Home;
import io.firebreak.config.Settings;
import io.firebreak.store.Elastic;
import io.firebreak.store.EmbeddedElasticsearch;
import io.firebreak.store.MentionStore;
import java.nio.file.Path;

/** The Elasticsearch a command works against: the embedded server it starts, or a configured cluster. */
record Backend(EmbeddedElasticsearch embedded, String url, ElasticsearchClient client) implements AutoCloseable {

    static Backend connect(Home home, Settings settings) {
        Settings.Elasticsearch es = settings.elasticsearch();
        EmbeddedElasticsearch embedded = null;
        String url = es.url();
        if (es.isEmbedded()) {
            embedded = EmbeddedElasticsearch.start(home.root(), home.data(), es.embedded().httpPort(), es.embedded().heap());
            url = embedded.url();
        }
        Path ca = es.caCert() == null || es.caCert().isBlank() ? null : home.root().resolve(es.caCert());
        var credentials = embedded != null ? Settings.Credentials.NONE
                : Settings.Credentials.fromEnvironment(System.getenv());
        return new Backend(embedded, url, Elastic.connect(url, credentials, ca));
    }

    /**
     * For short commands: the running service's Elasticsearch when there is one, else the
     * configured one (starting the embedded server for the duration of the command).
     */
    static Backend attach(Home home, Settings settings) {
        var running = RunState.read(home);
        if (running.isEmpty()) {
            return connect(home, settings);
        }
        RunState state = running.get();
        var credentials = state.embedded() ? Settings.Credentials.NONE
                : Settings.Credentials.fromEnvironment(System.getenv());
        Settings.Elasticsearch es = settings.elasticsearch();
        Path ca = state.embedded() || es.caCert() == null || es.caCert().isBlank() ? null : home.root().resolve(es.caCert());
        return new Backend(null, state.elasticsearchUrl(), Elastic.connect(state.elasticsearchUrl(), credentials, ca));
    }

    MentionStore store(Settings settings, boolean singleNode) {
        return new MentionStore(client, settings.elasticsearch().indexPrefix(), singleNode ? 0 : 1);
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
