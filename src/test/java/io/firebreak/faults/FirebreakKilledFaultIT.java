package io.firebreak.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.alert.Alert;
import io.firebreak.alert.AlertJson;
import io.firebreak.notify.SlackStandIn;
import io.firebreak.service.DemoScenario;
import io.firebreak.service.FirebreakService;
import io.firebreak.service.TestService;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Firebreak killed with SIGKILL while a request is in flight and its alert is open, then started again:
 * every mention it acknowledged is stored, and the alert goes on in the same Slack messages, each version
 * told once: one message per channel, no reply twice, severity never falling before the end.
 */
class FirebreakKilledFaultIT {

    private static final Pattern SEVERITY = Pattern.compile("SEV([123])");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PER_REQUEST = 200;

    @Test
    void killedMidIngestAndMidWave_nothingAcknowledgedLost_theAlertNeitherLostNorSentTwice() throws Exception {
        FirebreakService shared = TestService.get();
        Path project = TestService.home().root();
        Path home = project.resolve("target/fault-data/killed");
        deleteTree(home);
        String prefix = "fault-kill-" + Long.toString(System.nanoTime(), 36);
        int port = TestService.freePort();
        List<String> lines = DemoScenario.ndjson();
        Set<String> acknowledged = new HashSet<>();
        try (SlackStandIn slack = SlackStandIn.start()) {
            Map<String, String> env = Map.of("FIREBREAK_ES_URL", shared.elasticsearchUrl(), "SLACK_BOT_TOKEN", "xoxb-fault",
                    "SLACK_API_URL", slack.apiUrl());
            ChildService child = new ChildService(project, home, prefix, port, env).start();
            Senders senders = new Senders(child.apiUrl());

            // up to the wave's first alert, request after request
            int next = 0;
            while (next < lines.size() && topLevelPosts(slack).isEmpty()) {
                acknowledge(senders.once(body(lines, next)), acknowledged);
                next += PER_REQUEST;
            }
            assertThat(topLevelPosts(slack)).as("the wave was alerted before the kill").isNotEmpty();
            // mid-ingest and mid-wave: killed while the next request is in flight
            String inFlight = body(lines, next);
            Senders sending = senders;
            CompletableFuture<HttpResponse<String>> answer = CompletableFuture.supplyAsync(() -> sending.once(inFlight));
            Thread.sleep(40);
            child.kill();
            HttpResponse<String> lost = answer.get();
            acknowledge(lost, acknowledged);

            child = new ChildService(project, home, prefix, port, env).start();
            senders = new Senders(child.apiUrl());
            if (lost == null || lost.statusCode() == 503) {
                // not acknowledged: a careful client sends it again (stored ones are updated, not doubled)
                Senders.Sent again = senders.untilAccepted(inFlight, Duration.ofMinutes(2));
                assertThat(again.finalStatus()).isIn(200, 422);
                acknowledge(again.answer(), acknowledged);
            }
            for (next += PER_REQUEST; next < lines.size(); next += PER_REQUEST) {
                acknowledge(senders.once(body(lines, next)), acknowledged);
            }
            try {
                awaitResolved(slack, Duration.ofMinutes(3));
            } finally {
                child.close(); // a failure must not leave the service running into the next test
            }

            shared.store().refresh();
            var client = shared.client();
            long stored = client.count(c -> c.index(prefix + "-mentions").query(q -> q.ids(i -> i.values(
                    new ArrayList<>(acknowledged))))).count();
            assertThat(stored).as("every acknowledged mention is stored").isEqualTo(acknowledged.size());

            assertThat(topLevelPosts(slack)).extracting(c -> c.param("channel"))
                    .as("one message where it starts, one where SEV1 routes it").containsExactly("#crisis-alerts", "#crisis-sev1-safety");
            List<String> replies = slack.calls("chat.postMessage").stream().filter(SlackStandIn.Call::ok)
                    .filter(c -> c.param("thread_ts") != null).map(c -> c.param("thread_ts") + " " + c.param("text")).toList();
            assertThat(replies).as("no reply twice").doesNotHaveDuplicates();
            assertSeverityNeverFalls(slack);

            List<Alert> versions = Files.readAllLines(child.data().resolve("alert-log.jsonl")).stream().map(AlertJson::parse).toList();
            assertThat(versions).extracting(Alert::alertId).containsOnly(versions.get(0).alertId());
            for (int v = 0; v < versions.size(); v++) {
                assertThat(versions.get(v).version()).as("decided once each, across the kill").isEqualTo(v + 1);
            }
        }
    }

    private static String body(List<String> lines, int from) {
        return String.join("\n", lines.subList(from, Math.min(lines.size(), from + PER_REQUEST)));
    }

    /** The keys the answer says were stored. */
    private static void acknowledge(HttpResponse<String> r, Set<String> acknowledged) throws Exception {
        if (r == null || (r.statusCode() != 200 && r.statusCode() != 422)) {
            return;
        }
        for (JsonNode item : JSON.readTree(r.body()).path("items")) {
            if ("indexed".equals(item.path("status").asText())) {
                acknowledged.add(item.path("key").asText());
            }
        }
    }

    private static List<SlackStandIn.Call> topLevelPosts(SlackStandIn slack) {
        return slack.calls("chat.postMessage").stream().filter(SlackStandIn.Call::ok)
                .filter(c -> c.param("thread_ts") == null).toList();
    }

    private static void awaitResolved(SlackStandIn slack, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            long resolved = slack.calls("chat.update").stream().filter(SlackStandIn.Call::ok)
                    .filter(c -> c.param("blocks").contains("RESOLVED")).map(c -> c.param("ts")).distinct().count();
            if (resolved >= 2) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the alert was not resolved in both channels within " + within);
    }

    /** In each message, as readers saw it: the header's severity never falls before it says RESOLVED. */
    private static void assertSeverityNeverFalls(SlackStandIn slack) {
        Map<String, List<Integer>> byMessage = new LinkedHashMap<>();
        for (SlackStandIn.Call c : slack.calls()) {
            if (c.ok() && c.param("blocks") != null && (c.method().equals("chat.update")
                    || c.method().equals("chat.postMessage") && c.param("thread_ts") == null)) {
                String header = c.json("blocks").get(0).path("text").path("text").asText();
                Matcher m = SEVERITY.matcher(header);
                if (!header.contains("RESOLVED") && m.find()) {
                    String message = c.method().equals("chat.update") ? c.param("ts") : "new " + c.param("channel");
                    byMessage.computeIfAbsent(message, k -> new ArrayList<>()).add(Integer.parseInt(m.group(1)));
                }
            }
        }
        List<Integer> all = new ArrayList<>();
        byMessage.values().forEach(all::addAll);
        assertThat(all).isNotEmpty();
        byMessage.forEach((message, severities) ->
                assertThat(severities).as(message).isSortedAccordingTo(Comparator.reverseOrder()));
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
