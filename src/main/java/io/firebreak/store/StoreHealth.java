package io.firebreak.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import io.firebreak.config.Redaction;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Elasticsearch can take writes now: checked every few seconds, and marked down at once
 * when a bulk call fails, so the API answers 503 quickly instead of queueing what it cannot store.
 * With the embedded server, its exit is noticed at once too, and its own account (restarting, or
 * given up) is the reason given.
 */
public final class StoreHealth implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreHealth.class);

    private final ElasticsearchClient client;
    private final MentionStore store;
    private final EmbeddedElasticsearch embedded;
    private final ScheduledExecutorService timer;
    private volatile boolean ready;
    private volatile String reason = "not checked yet";

    public StoreHealth(ElasticsearchClient client, MentionStore store) {
        this(client, store, null);
    }

    /** @param embedded the embedded server whose exit makes the store unready at once, or null for a cluster by URL */
    public StoreHealth(ElasticsearchClient client, MentionStore store, EmbeddedElasticsearch embedded) {
        this.client = client;
        this.store = store;
        this.embedded = embedded;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "store-health");
            t.setDaemon(true);
            return t;
        });
        if (embedded != null) {
            embedded.onTrouble(this::check);
        }
    }

    public StoreHealth start(long periodMillis) {
        check();
        timer.scheduleWithFixedDelay(this::check, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    public boolean ready() {
        return ready;
    }

    public String reason() {
        return reason;
    }

    public void markDown(Throwable cause) {
        down(Redaction.text(cause.toString()));
    }

    private void down(String why) {
        if (ready) {
            log.warn("Elasticsearch unavailable: {}", why);
        }
        ready = false;
        reason = why;
    }

    /** Ready means running (the embedded server), reachable, not red, and the templates installed. */
    public void check() {
        if (serverDown()) {
            return;
        }
        try {
            HealthStatus status = client.cluster().health(h -> h.timeout(t -> t.time("2s"))).status();
            boolean templates = store.templatesInstalled();
            boolean nowReady = status != HealthStatus.Red && templates;
            if (serverDown()) {
                return; // it exited while we asked: its account wins over an answer from before
            }
            if (nowReady && !ready) {
                log.info("Elasticsearch ready (cluster {})", status.jsonValue());
            }
            reason = nowReady ? "ok" : !templates ? "index templates not installed" : "cluster status red";
            ready = nowReady;
        } catch (Exception e) {
            markDown(e);
        }
    }

    /** Marks down with the embedded server's own account when it is not running. */
    private boolean serverDown() {
        Optional<String> trouble = embedded == null ? Optional.empty() : embedded.trouble();
        trouble.ifPresent(this::down);
        return trouble.isPresent();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
