package io.firebreak.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Elasticsearch can take writes now: checked every few seconds, and marked down at once
 * when a bulk call fails, so the API answers 503 quickly instead of queueing what it cannot store.
 */
public final class StoreHealth implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreHealth.class);

    private final ElasticsearchClient client;
    private final MentionStore store;
    private final ScheduledExecutorService timer;
    private volatile boolean ready;
    private volatile String reason = "not checked yet";

    public StoreHealth(ElasticsearchClient client, MentionStore store) {
        this.client = client;
        this.store = store;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "store-health");
            t.setDaemon(true);
            return t;
        });
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
        if (ready) {
            log.warn("Elasticsearch unavailable: {}", cause.toString());
        }
        ready = false;
        reason = cause.toString();
    }

    /** Ready means reachable, not red, and the templates installed. */
    public void check() {
        try {
            HealthStatus status = client.cluster().health(h -> h.timeout(t -> t.time("2s"))).status();
            boolean templates = store.templatesInstalled();
            boolean nowReady = status != HealthStatus.Red && templates;
            if (nowReady && !ready) {
                log.info("Elasticsearch ready (cluster {})", status.jsonValue());
            }
            reason = nowReady ? "ok" : !templates ? "index templates not installed" : "cluster status red";
            ready = nowReady;
        } catch (Exception e) {
            markDown(e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
