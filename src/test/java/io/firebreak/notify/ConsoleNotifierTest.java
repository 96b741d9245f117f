package io.firebreak.notify;

import static io.firebreak.notify.Fixtures.FIRED;
import static io.firebreak.notify.Fixtures.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.alert.Alert;
import io.firebreak.detect.Severity;
import io.firebreak.alert.Alert.Status;
import io.firebreak.alert.AlertJson;
import io.firebreak.alert.Routes;
import io.firebreak.config.Home;
import io.firebreak.statement.HoldingStatements;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleNotifierTest {

    @TempDir
    Path home;

    @Test
    void withoutATokenAlertsPrintReadablyAndAppendAlertV1Lines() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        DeliveryLog log = DeliveryLog.inMemory();
        Notifier notifier = Notifiers.fromEnvironment(Map.of(), new Home(home), log,
                new PrintStream(console, true, StandardCharsets.UTF_8));
        assertThat(notifier).isNotInstanceOf(SlackNotifier.class);
        AlertDispatcher dispatcher = new AlertDispatcher(List.of(), Routes.load(Path.of("config/routing.yaml")),
                HoldingStatements.load(Path.of("config/statements"), Path.of("config/statement-settings.yaml")),
                notifier, FileOutbox.open(home.resolve("data/outbox")), log, Fixtures::view, RetryPolicy.DEFAULT, d -> {},
                java.time.Clock.fixed(FIRED, java.time.ZoneOffset.UTC));

        dispatcher.enqueue(List.of(alert("a-1", Severity.SEV1, Status.firing, 480)));
        dispatcher.drain();

        String text = console.toString(StandardCharsets.UTF_8);
        assertThat(text).contains(
                "== SEV1 · Acme Air · safety · FIRING ==",
                "alert a-1 v1 · rule negative-spike · channel #crisis-sev1-safety",
                "mentions (15m): 480 vs baseline 40.0 (12.0×) · negative 83% (400) · reach 1.2M",
                "top terms: battery, fire, recall",
                "  - @jane_doe (12.3k followers, 340 shares) https://social.example/p/1",
                "holding statement (safety/safety-first/default), check facts, then post:",
                "  | Your safety comes first.",
                "do:\n  + Put people's safety first",
                "don't:\n  - Guess at the cause");
        assertThat(text).doesNotContain("\u001b", "javascript:");

        List<String> lines = Files.readAllLines(home.resolve("data/alerts.jsonl"));
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line).contains("\"alert_id\":\"a-1\"", "\"fired_at\":\"2026-03-02T09:07:00Z\"",
                    "\"negative_share\":0.83", "\"statement\":{\"template\":\"safety/safety-first/default\"");
            Alert parsed = AlertJson.parse(line);
            assertThat(parsed.evidence().topTerms()).containsExactly("battery", "fire", "recall");
        });
    }

    @Test
    void aTokenSelectsSlack() throws Exception {
        try (SlackStandIn standIn = SlackStandIn.start()) {
            Notifier notifier = Notifiers.fromEnvironment(
                    Map.of("SLACK_BOT_TOKEN", "xoxb-t", "SLACK_API_URL", standIn.apiUrl()), new Home(home),
                    DeliveryLog.inMemory(), System.out);
            assertThat(notifier).isInstanceOf(SlackNotifier.class).hasToString("SlackNotifier[" + standIn.apiUrl() + "]");
            ((SlackNotifier) notifier).close();
        }
    }

    @Test
    void terminalEscapesInPostsAreRemoved() throws IOException {
        Alert alert = alert("a-1", Severity.SEV3, Status.firing, 10);
        Notification n = new Notification(alert, "Acme", "#c",
                List.of(new TopPost("x:1", "\u001b[2Jcleared\u0007", null, null, 0, 0)), List.of(), null);
        assertThat(ConsoleNotifier.render(n, io.firebreak.alert.AlertChange.between(null, alert)))
                .contains("(unknown author)", "\"[2Jcleared\"").doesNotContain("\u001b", "\u0007");
    }

    @Test
    void bidiAndZeroWidthCharactersCannotReorderOrHideWhatIsPrinted() {
        Alert alert = alert("a-1", Severity.SEV3, Status.firing, 10);
        Notification n = new Notification(alert, "Acme", "#c",
                List.of(new TopPost("x:1", "refund \u202Edesserp\u202C now\u200B\u2066!", null, "\u2067@ja\u200Dne", 0, 0)),
                List.of(), null);
        assertThat(ConsoleNotifier.render(n, io.firebreak.alert.AlertChange.between(null, alert)))
                .contains("  - @jane (0 followers, 0 shares)", "\"refund desserp now!\"")
                .doesNotContain("\u202E", "\u202C", "\u200B", "\u2066", "\u2067", "\u200D");
    }

    @Test
    void whatPeopleDid_isPrinted_andTheApprovedStatementReplacesTheRecommendedOne() {
        Alert a = alert("a-2", Severity.SEV2, Status.escalated, 300);
        Alert.Handling h = Alert.Handling.NONE.acknowledged("U0ANN", FIRED.plusSeconds(300))
                .escalatedBy("U0BOB", FIRED.plusSeconds(360))
                .statementBy("U0ANN", FIRED.plusSeconds(420), "We are on it.\u202E Updates hourly.", true);
        Notification n = new Notification(a.withHandling(h).withStatement(new Alert.Statement("safety/x", "Recommended text")),
                "Acme Air", "#crisis-alerts", List.of(), List.of(), null);
        String text = ConsoleNotifier.render(n, io.firebreak.alert.AlertChange.between(null, a));
        assertThat(text).contains("handled: acknowledged by U0ANN at 09:12 UTC 2 Mar 2026; escalated by hand by U0BOB at "
                + "09:13 UTC 2 Mar 2026; statement edited and approved by U0ANN at 09:14 UTC 2 Mar 2026")
                .contains("holding statement, edited and approved:\n  | We are on it. Updates hourly.")
                .doesNotContain("Recommended text").doesNotContain("\u202E");
    }
}
