package io.firebreak.cli;

import io.firebreak.alert.Alert;
import io.firebreak.alert.Routes;
import io.firebreak.config.Home;
import io.firebreak.detect.Evidence;
import io.firebreak.detect.Severity;
import io.firebreak.notify.AlertDispatcher;
import io.firebreak.notify.AlertView;
import io.firebreak.notify.DispatchReport;
import io.firebreak.notify.DeliveryLog;
import io.firebreak.notify.FileOutbox;
import io.firebreak.notify.Notifier;
import io.firebreak.notify.Notifiers;
import io.firebreak.notify.RetryPolicy;
import io.firebreak.notify.Sleeper;
import io.firebreak.notify.SlackStandIn;
import io.firebreak.notify.TopPost;
import io.firebreak.statement.HoldingStatements;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Sends one sample alert through the real notifier chosen from the environment (Slack with
 * SLACK_BOT_TOKEN, else console + data/alerts.jsonl): a way to see the rendering and to check a
 * Slack setup. Uses a throw-away outbox and state so the preview never touches live alert state.
 */
@Command(name = "alert-preview", mixinStandardHelpOptions = true,
        description = "Render a sample alert with its holding statement to Slack or the console.")
public final class AlertPreviewCommand implements Callable<Integer> {

    @Option(names = "--brand", defaultValue = "acme", description = "brand id (default: ${DEFAULT-VALUE})")
    String brand;

    @Option(names = "--category", defaultValue = "safety", description = "crisis category (default: ${DEFAULT-VALUE})")
    String category;

    @Option(names = "--severity", defaultValue = "SEV1", description = "SEV1, SEV2 or SEV3 (default: ${DEFAULT-VALUE})")
    Severity severity;

    @Option(names = "--stand-in", description = "send to a local Slack Web API stand-in and list the calls it received")
    boolean standIn;

    @Override
    public Integer call() throws IOException {
        if (!standIn) {
            return preview(System.getenv());
        }
        try (SlackStandIn slack = SlackStandIn.start()) {
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("SLACK_BOT_TOKEN", "xoxb-stand-in");
            env.put("SLACK_API_URL", slack.apiUrl());
            int rc = preview(env);
            for (SlackStandIn.Call call : slack.calls()) {
                System.out.println(call.status() + " " + call.method()
                        + (call.param("channel") == null ? "" : " channel=" + call.param("channel"))
                        + (call.param("thread_ts") == null ? "" : " thread_ts=" + call.param("thread_ts")));
            }
            slack.calls("chat.postMessage").stream().findFirst()
                    .ifPresent(c -> System.out.println("blocks: " + c.param("blocks")));
            return rc;
        }
    }

    private int preview(Map<String, String> env) throws IOException {
        Home home = Home.detect();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Alert alert = Alert.opened("preview-" + brand + "-" + category, "negative-spike", brand, category, severity,
                now.minusSeconds(240), new Evidence("15m", 480, 400, 40, 12, 0.83, 1_234_567, List.of("preview:1", "preview:2"),
                        List.of("battery", "fire", "recall")), false, null);
        List<TopPost> posts = List.of(
                new TopPost("preview:1", "My charger caught fire overnight, whole room smells of smoke",
                        "https://social.example/p/1", "jane_doe", 12_300, 340),
                new TopPost("preview:2", "<!channel> click <http://evil.example|here> @here *free stuff*",
                        "javascript:alert(1)", "spammer", 5, 1));
        DeliveryLog log = DeliveryLog.inMemory();
        Notifier notifier = Notifiers.fromEnvironment(env, home, log, System.out);
        // a throw-away outbox: the preview never touches live alert state
        try (FileOutbox outbox = FileOutbox.open(Files.createTempDirectory("firebreak-preview-outbox"))) {
            AlertDispatcher dispatcher = new AlertDispatcher(List.of(),
                    Routes.load(home.config("routing.yaml")),
                    HoldingStatements.load(home.config("statements"), home.config("statement-settings.yaml")),
                    notifier, outbox, log, a -> AlertView.of(a, posts), RetryPolicy.DEFAULT, Sleeper.SYSTEM,
                    Clock.systemUTC());
            dispatcher.enqueue(List.of(alert));
            DispatchReport report = dispatcher.drain();
            return report.delivered() == 1 ? 0 : 1;
        } finally {
            if (notifier instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    System.err.println("closing notifier: " + e.getMessage());
                }
            }
        }
    }
}
