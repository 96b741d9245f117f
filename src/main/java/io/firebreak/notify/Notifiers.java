package io.firebreak.notify;

import io.firebreak.config.Home;
import java.io.PrintStream;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses the notifier from the environment: Slack with a token, else console plus alerts file. */
public final class Notifiers {

    private static final Logger LOG = LoggerFactory.getLogger(Notifiers.class);

    private Notifiers() {}

    /**
     * Slack when {@code SLACK_BOT_TOKEN} is set ({@code SLACK_API_URL} overrides the Web API base
     * URL, charts kept in {@code data/charts}); otherwise alerts print to {@code console} and append
     * to {@code data/alerts.jsonl}.
     */
    public static Notifier fromEnvironment(Map<String, String> env, Home home, DeliveryLog log, PrintStream console) {
        String token = env.get("SLACK_BOT_TOKEN");
        if (token != null && !token.isBlank()) {
            SlackNotifier slack = new SlackNotifier(token.strip(), env.get("SLACK_API_URL"), log, home.data().resolve("charts"));
            LOG.info("alerts go to Slack via {}", slack);
            return slack;
        }
        AlertsFile file = new AlertsFile(home.data().resolve("alerts.jsonl"));
        ConsoleNotifier printer = new ConsoleNotifier(console);
        LOG.info("SLACK_BOT_TOKEN not set: alerts print to the console and append to {}", file.file());
        return (notification, change) -> {
            // the file is the record; write it first so a console failure cannot lose the alert
            file.deliver(notification, change);
            printer.deliver(notification, change);
        };
    }
}
