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
import io.firebreak.notify.slack.IncidentChannels;
import io.firebreak.notify.slack.SlackAppSettings;
import io.firebreak.notify.slack.SlackInteractions;
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

    /**
     * @param incidentClock what playbook deadlines, silences and the statements' next-update times run on (the
     *                      wall clock; the demo's follows its scenario, so its statements promise an update on the
     *                      scenario's day, not on the day the demo runs)
     */
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
                Sleeper.SYSTEM, incidentClock, metrics);
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
        live.rebuild(new RecentMentions(client, store)).start();
        withSlackInteractions(live, home, env, config, deliveries);
        if (live.interactions() != null) {
            // the checklist's Done buttons (value <incidentId>|<stepId>); step_done was checked before this is called,
            // the step's owner role here
            var roles = live.interactions().roles();
            live.interactions().handlers().register(IncidentNotices.STEP_DONE_ACTION,
                    i -> stepDone(desk.incidents(), roles::stepRefusal, i.value(), i.user(), i.at()));
        }
        return live;
    }

    /** A Done button pressed: what the person sees (only they), the step's outcome or why nothing was done. */
    static String stepDone(Incidents incidents, java.util.function.BinaryOperator<String> ownerRefusal, String value, String user,
                           java.time.Instant at) {
        int bar = value == null ? -1 : value.indexOf('|');
        if (bar <= 0 || bar == value.length() - 1) {
            return "That button is not a playbook step.";
        }
        String incidentId = value.substring(0, bar);
        String stepId = value.substring(bar + 1);
        var step = incidents.find(incidentId).map(i -> i.step(stepId)).orElse(null);
        if (step != null) {
            String refusal = ownerRefusal.apply(user, step.owner());
            if (refusal != null) {
                return refusal;
            }
        }
        var result = incidents.stepDone(incidentId, stepId, user, at);
        return result.ok() ? null : "Not done: " + result.refusal() + ".";
    }

    /** How often the incident side looks for versions to record, overdue steps and notices to post. */
    static final java.time.Duration INCIDENT_TICK = java.time.Duration.ofSeconds(5);

    /**
     * The incident side: fed by the decisions (its own outbox under data/incidents), stored in Elasticsearch,
     * telling the alert's Slack thread (or the console). In Slack a role is named by its user groups and
     * users from {@code config/roles.yaml}; on the console as {@code @role}.
     */
    private static IncidentDesk incidentDesk(Home home, Map<String, String> env, PrintStream console, Configuration config,
                                             ElasticsearchClient client, MentionStore store, FileDeliveryLog deliveries,
                                             Clock clock) {
        var incidents = new ElasticIncidents(client, store.prefix(), store.replicas()).install();
        String token = env.get("SLACK_BOT_TOKEN");
        boolean slack = token != null && !token.isBlank();
        IncidentNotices notices = slack
                ? new SlackIncidentNotices(token.strip(), env.get("SLACK_API_URL"), deliveries)
                : new ConsoleIncidentNotices(console);
        RoleMentions roles = slack ? slackMentions(config.roles()) : RoleMentions.PLAIN;
        if (slack && !config.roles().placeholders().isEmpty()) {
            // reminders would name no one, and every button press would be refused
            log.warn("config/roles.yaml still names the shipped example ids {}: replace them with your team's Slack user"
                    + " and group ids, or reminders reach no one and buttons are refused", config.roles().placeholders());
        }
        var owner = new Incidents(config.incidents(), config.playbooks(), incidents, notices, roles,
                config.statements(), new AlertEvidence(client, store), clock).restore();
        return new IncidentDesk(owner, FileOutbox.open(home.data().resolve("incidents")), notices);
    }

    /** A role's user groups ({@code <!subteam^S…>}) and users ({@code <@U…>}); a role with neither: {@code @role}. */
    static RoleMentions slackMentions(io.firebreak.notify.slack.Roles roles) {
        return role -> {
            var r = roles.roles().get(role);
            if (r == null || r.users().isEmpty() && r.groups().isEmpty()) {
                return "@" + role;
            }
            List<String> out = new java.util.ArrayList<>();
            r.groups().stream().sorted().forEach(g -> out.add("<!subteam^" + g + ">"));
            if (r.groups().isEmpty()) {
                r.users().stream().sorted().forEach(u -> out.add("<@" + u + ">"));
            }
            return String.join(" ", out);
        };
    }

    /** Slack's buttons, over HTTP and/or Socket Mode, when the environment has what they need (SlackAppSettings). */
    private static LiveDetection withSlackInteractions(LiveDetection live, Home home, Map<String, String> env,
                                                       Configuration config, FileDeliveryLog deliveries) {
        SlackAppSettings slack = SlackAppSettings.fromEnvironment(env);
        if (slack == null) {
            log.info("Slack interactivity off: it needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET or SLACK_APP_TOKEN");
            return live;
        }
        var channels = IncidentChannels.open(home.data().resolve("state").resolve("incident-channels.jsonl"));
        return live.withInteractions(new SlackInteractions(slack, live::act, deliveries, config.roles(), null, channels,
                Clock.systemUTC()).start());
    }
}
