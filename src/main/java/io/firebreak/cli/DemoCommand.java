package io.firebreak.cli;

import io.firebreak.config.Home;
import io.firebreak.config.Settings;
import io.firebreak.service.ChineseDemoScenario;
import io.firebreak.service.DemoScenario;
import io.firebreak.service.FirebreakService;
import io.firebreak.service.LiveDetection;
import io.firebreak.service.ScratchState;
import io.firebreak.service.Wirings;
import io.firebreak.alert.Alert;
import io.firebreak.alert.AlertJson;
import io.firebreak.alert.AlertBook;
import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentDesk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import io.firebreak.notify.SlackStandIn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code firebreak demo}: a newcomer's first command. Starts everything on the embedded default,
 * sends the bundled scenario through the real HTTP API, and shows what happened.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start Firebreak on the embedded Elasticsearch, feed the bundled demo scenario, show what happened.")
public final class DemoCommand implements Callable<Integer> {

    private static final int PER_REQUEST = 500;

    @Option(names = "--slack-stand-in", description = {"send the alerts to a local Slack Web API stand-in (the real",
        "Slack client, no workspace needed) and list what Slack received, in order"})
    boolean slackStandIn;

    @Option(names = "--scenario", defaultValue = "acme", description = {"acme (default): a safety scare at Acme Air on X;",
        "zh: a food-safety rumour about the Chinese dairy brand 鲜丰乳业 on Weibo, alerted with a Chinese statement"})
    String scenario;

    @Override
    public Integer call() throws Exception {
        if (!slackStandIn) {
            return run(System.getenv(), null);
        }
        try (SlackStandIn slack = SlackStandIn.start()) {
            Map<String, String> env = new java.util.HashMap<>(System.getenv());
            env.put("SLACK_BOT_TOKEN", "xoxb-demo-stand-in");
            env.put("SLACK_API_URL", slack.apiUrl());
            return run(env, slack);
        }
    }

    private int run(Map<String, String> env, SlackStandIn slack) throws Exception {
        if (!scenario.equals("acme") && !scenario.equals("zh")) {
            System.err.println("demo: unknown --scenario '" + scenario + "' (known: acme, zh)");
            return 2;
        }
        boolean chinese = scenario.equals("zh");
        Instant onset = chinese ? ChineseDemoScenario.ONSET : DemoScenario.ONSET;
        Home checkout = Home.detect();
        // the demo keeps its own state, wiped each run, so it never mixes with a real service's data
        Home home = checkout.withData(checkout.data().resolve("demo"));
        ScratchState.wipe(home.data());
        Settings settings = Settings.load(home).withFreeApiPort();
        long t0 = System.nanoTime();
        System.out.println("Starting Firebreak with the embedded Elasticsearch " + io.firebreak.store.EmbeddedElasticsearch.VERSION + "...");
        // the playbook's deadlines run on the scenario's own time, moved on as the story goes
        var clock = new DemoScenario.DemoClock(onset);
        // the people act as long after the onset in either scenario (the Chinese one starts 8 hours earlier in UTC)
        Duration shift = Duration.between(DemoScenario.ONSET, onset);
        Instant acknowledgeAt = DemoScenario.ACKNOWLEDGE_AT.plus(shift);
        Instant statementAt = DemoScenario.STATEMENT_AT.plus(shift);
        Instant repliesAt = DemoScenario.REPLIES_DONE_AT.plus(shift);
        Instant reportAt = DemoScenario.REPORT_AT.plus(shift);
        try (FirebreakService service = FirebreakService.start(home, settings, Wirings.live(home, env, System.out, null, clock))) {
            System.out.printf("Ready in %.1f s: API %s, Elasticsearch %s%n%n", seconds(t0), service.apiUrl(), service.elasticsearchUrl());

            List<String> lines = chinese ? ChineseDemoScenario.ndjson() : DemoScenario.ndjson();
            System.out.printf(chinese
                            ? "Feeding the demo scenario: %,d Weibo posts about 鲜丰乳业 over two weeks, then a food-safety rumour at %s.%n"
                            : "Feeding the demo scenario: %,d mentions of Acme Air over two weeks, then a safety scare at %s.%n",
                    lines.size(), onset);
            long t1 = System.nanoTime();
            var http = HttpClient.newHttpClient();
            var credentials = io.firebreak.access.ClientCredentials.fromEnvironment(settings.access().signatureSecretEnv(), env);
            LiveDetection detection = (LiveDetection) service.detection();
            IncidentDesk desk = detection.resource(IncidentDesk.class).orElseThrow();
            // the calm weeks at once, then the story on the demo clock: the feed a few scenario minutes at a time, the
            // desk ticking after each as the service's does every 5 s (so what falls due is reminded when it would be),
            // and the buttons pressed at their times
            int[] counts = send(service, http, credentials, DemoScenario.split(lines, onset, true));
            List<String> pending = DemoScenario.split(lines, onset, false);
            java.util.TreeSet<Instant> moments = new java.util.TreeSet<>(List.of(acknowledgeAt, statementAt, repliesAt));
            for (Instant m = onset.plus(DemoScenario.TICK); !m.isAfter(reportAt); m = m.plus(DemoScenario.TICK)) {
                moments.add(m);
            }
            String alertId = null;
            for (Instant m : moments) {
                List<String> due = DemoScenario.split(pending, m, true);
                pending = DemoScenario.split(pending, m, false);
                if (!due.isEmpty()) {
                    add(counts, send(service, http, credentials, due));
                }
                settle(detection, desk);
                clock.set(m);
                desk.tick();
                if (alertId == null) {
                    alertId = desk.incidents().active().stream().map(Incident::alertId).findFirst().orElse(null);
                }
                if (alertId == null) {
                    continue;
                }
                if (m.equals(acknowledgeAt)) {
                    press(detection, clock, m, alertId, AlertBook.Action.Kind.acknowledge, DemoScenario.DUTY_MANAGER);
                } else if (m.equals(statementAt)) {
                    press(detection, clock, m, alertId, AlertBook.Action.Kind.approve_statement, DemoScenario.COMMS_LEAD);
                } else if (m.equals(repliesAt)) {
                    // the Done button of the checklist: the replies (the Chinese playbook: the large accounts reached)
                    desk.incidents().stepDone(Incident.idFor(alertId), chinese ? "large-accounts" : "reply-most-shared",
                            DemoScenario.SOCIAL_TEAM, m);
                }
            }
            add(counts, send(service, http, credentials, pending)); // the two broken lines
            int indexed = counts[0];
            int rejected = counts[1];
            System.out.printf("Sent over HTTP in %.1f s: %,d indexed, %,d rejected (kept as dead letters).%n%n",
                    seconds(t1), indexed, rejected);
            // the feed has ended: close the last minutes as a backtest would, and wait for the alerts
            detection.finish();
            settle(detection, desk);
            clock.set(reportAt);
            desk.tick();

            service.store().refresh();
            System.out.println("Indexed per brand:");
            service.store().countByBrand().forEach((brand, n) -> System.out.printf("  %-12s %,8d%n", brand, n));
            Instant waveEnd = onset.plus(Duration.ofHours(1));
            Instant dayBefore = onset.minus(Duration.ofDays(1));
            System.out.println();
            printSplit("The day before the scare", service, dayBefore, onset);
            printSplit("The hour of the scare   ", service, onset, waveEnd);
            Path log = home.data().resolve("alert-log.jsonl");
            List<String> versions = Files.exists(log) ? Files.readAllLines(log) : List.of();
            System.out.printf("%nAlert versions decided: %d (kept in %s; %s)%n", versions.size(), log,
                    slack == null ? "printed above and appended to " + home.data().resolve("alerts.jsonl") : "sent to Slack");
            for (String line : versions) {
                Alert a = AlertJson.parse(line);
                System.out.printf("  v%-3d %s  %-11s %s%s  %s  %s%n", a.version(), a.updatedAt(), a.change(), a.severity(),
                        a.provisional() ? " (early)" : "       ", a.alertId(), a.note() == null ? "" : a.note());
            }
            if (slack != null) {
                printSlack(slack);
            }
            if (alertId != null) {
                printIncident(service, home, desk, Incident.idFor(alertId));
            }
            System.out.printf("%nDone in %.1f s. Stopping Elasticsearch.%n", seconds(t0));
        }
        return 0;
    }

    /** Sends lines over the real HTTP API; returns {indexed, rejected}. */
    private static int[] send(FirebreakService service, HttpClient http, io.firebreak.access.ClientCredentials credentials,
                              List<String> lines) throws Exception {
        int indexed = 0;
        int rejected = 0;
        for (int from = 0; from < lines.size(); from += PER_REQUEST) {
            String body = String.join("\n", lines.subList(from, Math.min(lines.size(), from + PER_REQUEST)));
            byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            HttpResponse<String> response = http.send(credentials.authorize(
                            HttpRequest.newBuilder(URI.create(service.apiUrl() + "/api/v1/mentions")), io.firebreak.access.Role.API, bytes)
                            .header("Content-Type", "application/x-ndjson")
                            .timeout(Duration.ofSeconds(120))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                    HttpResponse.BodyHandlers.ofString());
            var answer = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
            indexed += answer.path("indexed").asInt();
            rejected += answer.path("rejected").asInt();
            for (var item : answer.path("items")) {
                if (item.path("status").asText().equals("rejected")) {
                    System.out.printf("  rejected (as it should be): %s%n", item.path("errors"));
                }
            }
        }
        return new int[] {indexed, rejected};
    }

    private static void add(int[] to, int[] more) {
        to[0] += more[0];
        to[1] += more[1];
    }

    /** Waits until every decided version is delivered and recorded by the incident side. */
    private static void settle(LiveDetection detection, IncidentDesk desk) throws InterruptedException {
        detection.awaitDispatched(Duration.ofSeconds(60));
        desk.drain();
        desk.incidents().sendNotices();
    }

    /** A button pressed in Slack, as the button handler does it: an action on the alert, at the demo clock's time. */
    private static void press(LiveDetection detection, DemoScenario.DemoClock clock, Instant at, String alertId,
                              AlertBook.Action.Kind kind, String user) {
        clock.set(at);
        var acted = detection.act(AlertBook.Action.of(alertId, kind, user, at));
        System.out.printf("  [%s] %s pressed %s on %s%s%n", at, user, kind, alertId,
                acted.refusal() == null ? "" : ": refused, " + acted.refusal());
    }

    /** The incident the wave opened, its steps, and its report written to the data folder. */
    private static void printIncident(FirebreakService service, Home home, IncidentDesk desk, String incidentId) {
        Incident i = desk.incidents().find(incidentId).orElse(null);
        if (i == null) {
            return;
        }
        System.out.printf("%nIncident %s (%s, playbook %s): detected %s, acknowledged %s by %s, first statement %s by %s%n",
                i.id(), i.status(), i.playbook(), i.detectedAt(), i.acknowledgedAt(), i.acknowledgedBy(),
                i.firstStatementAt(), i.firstStatementBy());
        for (var s : i.steps()) {
            System.out.printf("  %-18s %-8s %s%n", s.id(), s.state(), s.doneBy() == null ? "" : "by " + s.doneBy() + " at " + s.doneAt());
        }
        Path report = home.data().resolve("incidents").resolve(i.id() + ".md");
        var read = new io.firebreak.store.MentionRecovery(service.client(), service.store());
        io.firebreak.service.IncidentReports.write(new io.firebreak.store.ElasticIncidents(service.client(),
                        service.store().prefix(), 0),
                read, read, statements(home), i.id(), report);
        // the demo's state is its own folder: the report command finds it only when told so
        System.out.printf("Post-incident report: %s%n  (again, with the demo's data: FIREBREAK_DATA=%s %s incident report %s)%n",
                report, home.data(), home.root().resolve("firebreak"), i.id());
    }

    private static io.firebreak.statement.HoldingStatements statements(Home home) {
        return io.firebreak.statement.HoldingStatements.load(home.config("statements"), home.config("statement-settings.yaml"));
    }

    /** What the Slack stand-in received, in order: the messages, their updates and the thread replies. */
    private static void printSlack(SlackStandIn slack) {
        System.out.println("\nWhat Slack received (a local stand-in of the Web API):");
        for (SlackStandIn.Call c : slack.calls()) {
            String channel = slack.channelName(c.param("channel"));
            switch (c.method()) {
                case "chat.postMessage" -> System.out.printf("  %-7s %-20s %s%n", c.param("thread_ts") == null ? "post" : "reply",
                        channel, c.param("thread_ts") == null ? header(c) : oneLine(c.param("text")));
                case "chat.update" -> System.out.printf("  %-7s %-20s %s%n", "update", channel, header(c));
                default -> { }
            }
        }
    }

    private static String header(SlackStandIn.Call c) {
        return c.json("blocks").get(0).path("text").path("text").asText();
    }

    private static String oneLine(String text) {
        String s = text == null ? "" : text.replace('\n', ' ');
        return s.length() > 110 ? s.substring(0, 109) + "…" : s;
    }

    private static void printSplit(String label, FirebreakService service, Instant from, Instant to) {
        Map<String, Long> sentiment = service.store().countBy("sentiment.label", from, to);
        Map<String, Long> category = service.store().countBy("category", from, to);
        System.out.printf("%s  sentiment %s%n%s  category  %s%n", label, sentiment, " ".repeat(label.length()), category);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
