package io.firebreak.service;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.firebreak.config.Home;
import io.firebreak.config.Redaction;
import io.firebreak.config.Settings;
import io.firebreak.store.Elastic;
import io.firebreak.store.EmbeddedElasticsearch;
import io.firebreak.store.MentionStore;
import java.nio.file.Path;
import java.util.Map;

/**
 * The Elasticsearch a command works against: the embedded server it starts, or a configured cluster.
 *
 * @param url the cluster's URL as it may be shown: a password written into it is masked
 */
record Backend(EmbeddedElasticsearch embedded, String url, ElasticsearchClient client) implements AutoCloseable {

    Backend {
        url = Redaction.url(url);
    }

    static Backend connect(Home home, Settings settings) {
        return connect(home, settings, System.getenv());
    }

    /** @param env where the cluster's credentials come from (FIREBREAK_ES_API_KEY, ...) */
    static Backend connect(Home home, Settings settings, Map<String, String> env) {
        Settings.Elasticsearch es = settings.elasticsearch();
        if (es.isEmbedded()) {
            var embedded = EmbeddedElasticsearch.start(home.root(), home.data(), es.embedded().httpPort(), es.embedded().heap());
            return new Backend(embedded, embedded.url(), Elastic.connect(embedded.url(), Settings.Credentials.NONE, null));
        }
        return new Backend(null, es.url(), Elastic.connect(es.url(), Settings.Credentials.forUrl(es.url(), env), caCert(home, es)));
    }

    static Backend attach(Home home, Settings settings) {
        return attach(home, settings, System.getenv());
    }

    /**
     * For short commands: the running service's Elasticsearch when there is one, else the
     * configured one (starting the embedded server for the duration of the command).
     */
    static Backend attach(Home home, Settings settings, Map<String, String> env) {
        var running = RunState.read(home);
        if (running.isEmpty()) {
            return connect(home, settings, env);
        }
        RunState state = running.get();
        if (state.embedded()) {
            return new Backend(null, state.elasticsearchUrl(),
                    Elastic.connect(state.elasticsearchUrl(), Settings.Credentials.NONE, null));
        }
        // the run state holds the URL as shown, without its password: the configured one has it
        Settings.Elasticsearch es = settings.elasticsearch();
        String url = es.isEmbedded() ? state.elasticsearchUrl() : es.url();
        return new Backend(null, url, Elastic.connect(url, Settings.Credentials.forUrl(url, env), caCert(home, es)));
    }

    private static Path caCert(Home home, Settings.Elasticsearch es) {
        return es.caCert() == null || es.caCert().isBlank() ? null : home.root().resolve(es.caCert());
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
