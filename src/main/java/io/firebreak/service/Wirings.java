package io.firebreak.service;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.firebreak.alert.AlertLog;
import io.firebreak.alert.FileAlertJournal;
import io.firebreak.alert.SilenceStage;
import io.firebreak.alert.SnoozeStage;
import io.firebreak.config.Home;
import io.firebreak.detect.Detection;
import io.firebreak.detect.RuleWatcher;
import io.firebreak.enrich.Enricher;
import io.firebreak.incident.ConsoleIncidentNotices;
import io.firebreak.incident.IncidentDesk;
import io.firebreak.incident.IncidentNotices;
import io.firebreak.incident.Incidents;
import io.firebreak.incident.RoleMentions;
import io.firebreak.incident.SlackIncidentNotices;
import io.firebreak.notify.AlertDispatcher;
import io.firebreak.notify.FileDeliveryLog;
import io.firebreak.notify.FileOutbox;
import io.firebreak.notify.Notifier;
import io.firebreak.notify.Notifiers;
import io.firebreak.notify.RetryPolicy;
import io.firebreak.notify.Sleeper;
import io.firebreak.store.AlertEvidence;
import io.firebreak.store.ElasticBaselines;
import io.firebreak.store.ElasticIncidents;
import io.firebreak.store.MentionStore;
import io.firebreak.store.RecentMentions;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the production service is wired: the real enricher; stored mentions on to the brand partitions
 * (detection and alert state), whose decisions are journaled and queued in the outbox, then get their
 * evidence, holding statement and route and go to Slack (or the console without a token).
 */
public final class Wirings {

    private static final Logger log = LoggerFactory.getLogger(Wirings.class);

    private Wirings() {}

    public static FirebreakService.Wiring live(Home home) {
        return live(home, System.getenv(), System.out);
    }

    /**
     * @param env     where SLACK_BOT_TOKEN / SLACK_API_URL come from
     * @param console where alerts print when there is no Slack token
     */
    public static FirebreakService.Wiring live(Home home, Map<String, String> env, PrintStream console) {
        return live(home, env, console, null);
    }

    /**
     * The production wiring with a given enricher (the benchmark measures enrichment's cost with it; null:
     * the configured one). Every config file is loaded and checked before anything starts, and all their
     * problems are named at once.
     */
    public static FirebreakService.Wiring live(Home home, Map<String, String> env, PrintStream console, Enricher enricher) {
        return live(home, env, console, enricher, Clock.systemUTC());
    }

    /** @param incidentClock what playbook deadlines run on (the demo's clock follows its scenario) */
    public static FirebreakService.Wiring live(Home home, Map<String, String> env, PrintStream console, Enricher enricher,
                                              Clock incidentClock) {
        Configuration config = Configuration.load(home);
        return new FirebreakService.Wiring(enricher != null ? enricher : config.enricher(), config.silences(),
                (client, store, metrics) -> detection(home, env, console, config, client, store, metrics, incidentClock));
    }

    /** Stored mentions on to the brand partitions; their decisions to the journal, the outbox and the notifier. */
    private static LiveDetection detection(Home home, Map<String, String> env, PrintStream console, Configuration config,
                                           ElasticsearchClient client, MentionStore store, MeterRegistry metrics,
                                           Clock incidentClock) {
        Path state = home.data().resolve("state");
        FileAlertJournal journal = FileAlertJournal.open(state.resolve("alert-journal.jsonl"));
        FileOutbox outbox = FileOutbox.open(home.data().resolve("outbox"));
        FileDeliveryLog deliveries = FileDeliveryLog.open(home.data().resolve("outbox").resolve("delivered.jsonl"));
        Notifier notifier = Notifiers.fromEnvironment(env, home, deliveries, console);
        var dispatcher = new AlertDispatcher(List.of(new SilenceStage(config.silences()), new SnoozeStage()), config.routes(),
                config.statements(), notifier, outbox, deliveries, new AlertEvidence(client, store), RetryPolicy.DEFAULT,
                Sleeper.SYSTEM, Clock.systemUTC(), metrics);
        var baselines = new ElasticBaselines(client, store.prefix()).install();
        Detection detection = config.detection();
        var watcher = new RuleWatcher(detection, home.rules(), home.config("thresholds.yaml"), problems -> {
            if (problems.isEmpty()) {
                log.info("rules reloaded");
            } else {
                problems.forEach(p -> log.error("rules not reloaded, the previous rules keep running: {}", p));
            }
        });
        var alertLog = new AlertLog(home.data().resolve("alert-log.jsonl"));
        IncidentDesk desk = incidentDesk(home, env, console, config, client, store, deliveries, incidentClock);
        List<AutoCloseable> resources = new java.util.ArrayList<>(List.of(watcher));
        if (notifier instanceof AutoCloseable c) {
            resources.add(c);
        }
        // the desk goes before the delivery log: its last notices still find the alerts' threads
        resources.addAll(List.of(desk, outbox, deliveries, journal, alertLog));
        LiveDetection live = new LiveDetection(detection, config.lifecycle(), journal, baselines, dispatcher, alertLog,
                Clock.systemUTC(), resources, List.of(desk));
        desk.incidents().know(live.partitions().openAlerts().stream().map(io.firebreak.alert.Tracked::alert).toList());
        desk.start(INCIDENT_TICK);
        return live.rebuild(new RecentMentions(client, store)).start();
    }

    /** How often the incident side looks for versions to record, overdue steps and notices to post. */
    static final java.time.Duration INCIDENT_TICK = java.time.Duration.ofSeconds(5);

    /**
     * The incident side: fed by the decisions (its own outbox under data/incidents), stored in Elasticsearch,
     * telling the alert's Slack thread (or the console). Roles are named {@code @role} until the roles of
     * {@code config/roles.yaml} are wired in through {@link RoleMentions}.
     */
    private static IncidentDesk incidentDesk(Home home, Map<String, String> env, PrintStream console, Configuration config,
                                             ElasticsearchClient client, MentionStore store, FileDeliveryLog deliveries,
                                             Clock clock) {
        var incidents = new ElasticIncidents(client, store.prefix(), store.replicas()).install();
        String token = env.get("SLACK_BOT_TOKEN");
        IncidentNotices notices = token != null && !token.isBlank()
                ? new SlackIncidentNotices(token.strip(), env.get("SLACK_API_URL"), deliveries)
                : new ConsoleIncidentNotices(console);
        var owner = new Incidents(config.incidents(), config.playbooks(), incidents, notices, RoleMentions.PLAIN,
                config.statements(), new AlertEvidence(client, store), clock).restore();
        return new IncidentDesk(owner, FileOutbox.open(home.data().resolve("incidents")), notices);
    }
}
