package io.firebreak.service;

import io.firebreak.alert.AlertLog;
import io.firebreak.alert.AlertStateStore;
import io.firebreak.alert.RenotifyStage;
import io.firebreak.alert.Routes;
import io.firebreak.alert.SilenceStage;
import io.firebreak.alert.Silences;
import io.firebreak.config.Home;
import io.firebreak.detect.DetectionEngine;
import io.firebreak.detect.Engines;
import io.firebreak.detect.RuleWatcher;
import io.firebreak.enrich.Enricher;
import io.firebreak.enrich.Enrichers;
import io.firebreak.notify.AlertDispatcher;
import io.firebreak.notify.FileOutbox;
import io.firebreak.notify.Notifier;
import io.firebreak.notify.Notifiers;
import io.firebreak.notify.RetryPolicy;
import io.firebreak.notify.Sleeper;
import io.firebreak.statement.HoldingStatements;
import io.firebreak.store.AlertEvidence;
import io.firebreak.store.ElasticAlertStates;
import io.firebreak.store.ElasticBaselines;
import io.firebreak.store.StateDocuments;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the production service is wired: the real enricher, and stored mentions on to the detection
 * engine, whose alerts pass silences and re-notify, get a holding statement and a route, and go to
 * Slack (or the console without a token) through the durable outbox.
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
        return live(home, env, console, Enrichers.standard(home));
    }

    /** The production wiring with a given enricher (the benchmark measures enrichment's cost with it). */
    public static FirebreakService.Wiring live(Home home, Map<String, String> env, PrintStream console, Enricher enricher) {
        // load every config file before anything starts, so a mistake stops the start with its name
        Routes routes = Routes.load(home.config("routing.yaml"));
        Silences silences = Silences.load(home.config("silences.yaml"), home.data().resolve("silences.yaml"));
        HoldingStatements statements = HoldingStatements.load(home.config("statements"), home.config("statement-settings.yaml"));
        return new FirebreakService.Wiring(enricher, silences, (client, store) -> {
            StateDocuments state = new StateDocuments(client, store.prefix()).install();
            AlertStateStore alertStates = new ElasticAlertStates(state);
            var baselines = new ElasticBaselines(state, Clock.systemUTC(), Duration.ofSeconds(30));
            DetectionEngine engine = Engines.create(home, baselines, List.of());
            FileOutbox outbox = FileOutbox.open(home.data().resolve("outbox"));
            Notifier notifier = Notifiers.fromEnvironment(env, home, alertStates, console);
            var dispatcher = new AlertDispatcher(
                    List.of(new SilenceStage(silences), new RenotifyStage(alertStates, routes::repeatIntervalFor)),
                    routes, statements, notifier, outbox, alertStates,
                    RetryPolicy.DEFAULT, Sleeper.SYSTEM);
            var watcher = new RuleWatcher(engine, home.rules(), home.config("thresholds.yaml"), problems -> {
                if (problems.isEmpty()) {
                    log.info("rules reloaded");
                } else {
                    problems.forEach(p -> log.error("rules not reloaded, the previous rules keep running: {}", p));
                }
            });
            var alertLog = new AlertLog(home.data().resolve("alert-log.jsonl"));
            return new LiveDetection(engine, dispatcher, new AlertEvidence(client, store), state, alertLog, Clock.systemUTC(),
                    List.of(watcher, baselines, outbox, alertLog)).start();
        });
    }
}
