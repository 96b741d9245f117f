package io.firebreak.service;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.access.AccessTokens;
import io.firebreak.access.ApiGuard;
import io.firebreak.access.ResponseHeaders;
import io.firebreak.access.WebhookSignature;
import io.firebreak.alert.Silences;
import io.firebreak.config.Home;
import io.firebreak.config.Settings;
import io.firebreak.detect.DetectionSettings;
import io.firebreak.enrich.EnrichedMention;
import io.firebreak.enrich.Enricher;
import io.firebreak.ingest.ExportMapping;
import io.firebreak.ingest.JsonExports;
import io.firebreak.ingest.CsvMentions;
import io.firebreak.ingest.DropFiles;
import io.firebreak.ingest.IngestMetrics;
import io.firebreak.ingest.FileReports;
import io.firebreak.ingest.HttpReplies;
import io.firebreak.ingest.IngestService;
import io.firebreak.ingest.Normaliser;
import io.firebreak.mention.MentionJson;
import io.firebreak.store.BulkWriter;
import io.firebreak.store.DeadLetters;
import io.firebreak.store.Elastic;
import io.firebreak.store.EmbeddedElasticsearch;
import io.firebreak.store.MentionStore;
import io.firebreak.store.StoreHealth;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: Elasticsearch (embedded or by URL), the Camel routes from {@code routes/},
 * and the beans they call. {@link #close()} stops everything in reverse order.
 */
public final class FirebreakService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FirebreakService.class);
    /** How long a stop waits for requests in flight before it closes intake regardless. */
    static final Duration STOP_INTAKE = Duration.ofSeconds(10);

    private final Home home;
    private final Settings settings;
    private final EmbeddedElasticsearch embedded;
    private final String elasticsearchUrl;
    private final ElasticsearchClient client;
    private final MentionStore store;
    private final DeadLetters deadLetters;
    private final StoreHealth health;
    private final BulkWriter writer;
    private final IngestService ingest;
    private final Main camel;
    private final Consumer<List<EnrichedMention>> detection;

    private FirebreakService(Home home, Settings settings, EmbeddedElasticsearch embedded, String elasticsearchUrl,
                             ElasticsearchClient client, MentionStore store, DeadLetters deadLetters, StoreHealth health,
                             BulkWriter writer, IngestService ingest, Main camel, Consumer<List<EnrichedMention>> detection) {
        this.home = home;
        this.settings = settings;
        this.embedded = embedded;
        this.elasticsearchUrl = elasticsearchUrl;
        this.client = client;
        this.store = store;
        this.deadLetters = deadLetters;
        this.health = health;
        this.writer = writer;
        this.ingest = ingest;
        this.camel = camel;
        this.detection = detection;
    }

    /** How the service enriches mentions and what it hands stored ones to (detection). */
    public record Wiring(Enricher enricher, Silences silences, DetectionFactory detection) {
        /** A wiring whose detection is a plain consumer, for tests of ingest alone. */
        public static Wiring of(Enricher enricher, Consumer<List<EnrichedMention>> stored) {
            return new Wiring(enricher, new Silences(), (client, store, metrics) -> stored);
        }
    }

    /** Builds detection once Elasticsearch is up: it keeps its state there, and its figures in {@code metrics}. */
    @FunctionalInterface
    public interface DetectionFactory {
        Consumer<List<EnrichedMention>> create(ElasticsearchClient client, MentionStore store, MeterRegistry metrics);
    }

    public static FirebreakService start(Home home, Settings settings, Wiring wiring) {
        return start(home, settings, wiring, System.getenv());
    }

    /** @param env where the cluster's credentials come from (FIREBREAK_ES_API_KEY, ...) */
    public static FirebreakService start(Home home, Settings settings, Wiring wiring, Map<String, String> env) {
        // what is started is stopped again, in reverse, if a later step fails: a failed start leaves nothing running
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            return start(home, settings, wiring, env, started);
        } catch (RuntimeException e) {
            while (!started.isEmpty()) {
                closeQuietly(started.pop());
            }
            throw e;
        }
    }

    private static FirebreakService start(Home home, Settings settings, Wiring wiring, Map<String, String> env,
                                          Deque<AutoCloseable> started) {
        long t0 = System.nanoTime();
        // who may call the API is settled before anything starts: a bad token or an exposed port without one stops here
        AccessTokens tokens = AccessTokens.fromEnvironment(env);
        tokens.requireSafeBinding(settings.api().host());
        WebhookSignature signature = signature(settings.access(), env);
        Backend backend = Backend.connect(home, settings, env);
        started.push(backend);
        ElasticsearchClient client = backend.client();
        var store = new MentionStore(client, settings.elasticsearch().indexPrefix(), backend.embedded() != null ? 0 : 1);
        store.installTemplates();
        store.applyRetention(settings.elasticsearch().retentionDays(), Clock.systemUTC().instant());
        var health = new StoreHealth(client, store, backend.embedded()).start(2_000);
        started.push(health);
        var metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        var writer = new BulkWriter(client, settings.ingest()).instrument(metrics);
        started.push(writer);
        var deadLetters = new DeadLetters(client, store);
        var ingestMetrics = new IngestMetrics(metrics);
        Consumer<List<EnrichedMention>> detection = wiring.detection().create(client, store, metrics);
        if (detection instanceof AutoCloseable closeable) {
            started.push(closeable);
        }
        LiveDetection live = detection instanceof LiveDetection l ? l.withMetrics(metrics) : null;
        var ingest = new IngestService(wiring.enricher(), store, writer, deadLetters, health,
                Duration.ofSeconds(settings.ingest().requestTimeoutS()), Clock.systemUTC(), detection, ingestMetrics);
        Settings.Limits limits = settings.limits();
        ObjectMapper limited = limits.jsonMapper();
        // the event-time skew a mention may have is detection's setting: beyond it, its brand's time would run ahead
        var json = new MentionJson(limited, settings.ingest().maxTextChars(), Clock.systemUTC(),
                DetectionSettings.load(home.config("detection.yaml")).maxClockSkew(), limits.maxItems());
        var csv = new CsvMentions(ExportMapping.loadAll(home.config().resolve("csv")), json);
        var exports = new JsonExports(ExportMapping.loadAll(home.config().resolve("json")), json, limited, limits.maxItems());
        Path drop = settings.dropDir(home);
        createDirectories(drop);

        var camel = new Main();
        camel.configure().withRoutesIncludePattern("file:" + home.routes() + "/*.camel.yaml");
        camel.bind("normaliser", new Normaliser(json, csv, exports));
        camel.bind("ingest", ingest);
        var replies = new HttpReplies(new ObjectMapper(), health, ingestMetrics);
        camel.bind("apiGuard", new ApiGuard(tokens, signature, Clock.systemUTC()));
        // an answer carries only the headers Firebreak set: never the request's own (a form's fields become headers)
        camel.bind("responseHeaders", new ResponseHeaders());
        camel.addInitialProperty("camel.component.platform-http.headerFilterStrategy", "#responseHeaders");
        camel.bind("httpReplies", replies);
        camel.bind("fileReports", new FileReports());
        camel.bind("dropFiles", new DropFiles(json, csv, exports, ingest, ingestMetrics, limits.dropChunkLines(), limits.dropMaxBytes(),
                (int) Math.min(Integer.MAX_VALUE, limits.maxBodyBytes()), limits.dropMaxAttempts(), Clock.systemUTC()));
        camel.bind("silencesApi", new SilencesApi(wiring.silences(), limited, Clock.systemUTC(),
                Duration.ofDays(limits.silenceMaxDays())));
        camel.bind("detectionApi", new DetectionApi(live));
        camel.bind("incidentsApi", new IncidentsApi(live == null ? null : live.resource(io.firebreak.incident.IncidentDesk.class)
                .map(io.firebreak.incident.IncidentDesk::incidents).orElse(null), limited, Clock.systemUTC()));
        // POST /slack/actions: Slack's signature authenticates it (not the API token); 404 when interactivity is off
        camel.bind("slackActions", live != null && live.interactions() != null ? live.interactions().endpoint()
                : io.firebreak.notify.slack.SlackActionsEndpoint.disabled("it needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET"));
        camel.bind("metricsApi", new MetricsApi(metrics, live == null ? () -> { } : live::refreshMetrics));
        // Camel's own metrics (exchanges, failures and time per route, JVM memory and GC) into the same registry
        camel.bind("metricsRegistry", metrics);
        camel.addInitialProperty("camel.metrics.enabled", "true");
        camel.addInitialProperty("camel.metrics.enableRoutePolicy", "true");
        camel.addInitialProperty("camel.metrics.binders", "jvm-memory,jvm-gc,jvm-thread,processor");
        camel.addInitialProperty("camel.main.name", "firebreak");
        // a stop waits this long for requests in flight; what they stored is then flushed and saved below
        camel.addInitialProperty("camel.main.shutdownTimeout", String.valueOf(STOP_INTAKE.toSeconds()));
        camel.addInitialProperty("camel.server.enabled", "true");
        camel.addInitialProperty("camel.server.host", settings.api().host());
        camel.addInitialProperty("camel.server.port", String.valueOf(settings.api().port()));
        // Vert.x stops reading a body past this and answers 413 (made JSON below): memory per request is bounded
        camel.addInitialProperty("camel.server.maxBodySize", String.valueOf(limits.maxBodyBytes()));
        camel.addInitialProperty("firebreak.drop.dir", drop.toString());
        try {
            camel.start();
        } catch (Exception e) {
            throw new IllegalStateException("the Camel routes in " + home.routes() + " did not start: " + e.getMessage(), e);
        }
        answerTooLargeAsJson(camel, replies, limits.maxBodyBytes(), settings.api().port());
        var service = new FirebreakService(home, settings, backend.embedded(), backend.url(), client, store, deadLetters,
                health, writer, ingest, camel, detection);
        service.writeState();
        log.info("Firebreak listening on {} (Elasticsearch {}, drop folder {}) after {} ms",
                service.apiUrl(), backend.url(), drop, (System.nanoTime() - t0) / 1_000_000);
        return service;
    }

    /** The webhook signature check, when {@code access.signature_secret_env} names a variable that is set. */
    private static WebhookSignature signature(Settings.Access access, Map<String, String> env) {
        String name = access.signatureSecretEnv();
        if (name == null || name.isBlank()) {
            return null;
        }
        String secret = env.get(name);
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("access.signature_secret_env names " + name + ", which is not set: set it to the"
                    + " webhook senders' shared secret, or empty the setting to take unsigned bodies");
        }
        try {
            return new WebhookSignature(secret.strip(), Duration.ofSeconds(access.signatureMaxAgeS()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + ": " + e.getMessage());
        }
    }

    /** Vert.x's own 413 is a plain-text line; every other refusal is JSON with a reason. */
    private static void answerTooLargeAsJson(Main camel, HttpReplies replies, long maxBodyBytes, int port) {
        // the server registers its router under a name with its port
        var router = VertxPlatformHttpRouter.lookup(camel.getCamelContext(), VertxPlatformHttpRouter.getRouterNameFromPort(port));
        if (router == null) {
            router = VertxPlatformHttpRouter.lookup(camel.getCamelContext());
        }
        if (router == null) {
            log.warn("no platform-http router found: a body over {} bytes is answered 413 in plain text", maxBodyBytes);
            return;
        }
        // a failure handler, not router.errorHandler: this router is mounted under the server's root one, and
        // Vert.x asks only the root for error handlers; failure handlers of the routes are asked first
        router.route().failureHandler(context -> {
            if (context.statusCode() != 413 || context.response().headWritten()) {
                context.next();
                return;
            }
            try {
                context.response().setStatusCode(413).putHeader("Content-Type", "application/json")
                        .end(replies.bodyTooLarge(maxBodyBytes));
            } catch (Exception e) {
                context.response().setStatusCode(413).end();
            }
        });
    }

    public String apiUrl() {
        return "http://" + settings.api().host() + ":" + settings.api().port();
    }

    public String elasticsearchUrl() {
        return elasticsearchUrl;
    }

    public ElasticsearchClient client() {
        return client;
    }

    public MentionStore store() {
        return store;
    }

    public BulkWriter writer() {
        return writer;
    }

    public IngestService ingest() {
        return ingest;
    }

    public DeadLetters deadLetters() {
        return deadLetters;
    }

    /** What stored mentions go to: {@link LiveDetection} in production. */
    public Consumer<List<EnrichedMention>> detection() {
        return detection;
    }

    public Path dropDir() {
        return settings.dropDir(home);
    }

    @Override
    /**
     * Stops in order, each step bounded: intake first (no new requests or files; those in flight get
     * {@link #STOP_INTAKE}), then the bulk writes already accepted are flushed, then detection saves its
     * decisions and baselines and delivers what it can (30 s), then Elasticsearch stops.
     */
    public void close() {
        long t0 = System.nanoTime();
        try {
            camel.stop();
        } catch (Exception e) {
            log.warn("stopping Camel: {}", e.toString());
        }
        writer.close();
        closeQuietly(detection);
        health.close();
        if (embedded != null) {
            embedded.close();
        }
        RunState.clear(home);
        log.info("Firebreak stopped in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }

    private static void closeQuietly(Object o) {
        if (o instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.warn("closing {}: {}", o.getClass().getSimpleName(), e.toString());
            }
        }
    }

    private void writeState() {
        RunState.write(home, new RunState(apiUrl(), elasticsearchUrl, ProcessHandle.current().pid(), embedded != null));
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
