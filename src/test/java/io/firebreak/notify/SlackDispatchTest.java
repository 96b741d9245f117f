package io.firebreak.notify;

import static io.firebreak.notify.Fixtures.FIRED;
import static io.firebreak.notify.Fixtures.alert;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.alert.Alert;
import io.firebreak.alert.Alert.Change;
import io.firebreak.alert.Alert.Status;
import io.firebreak.alert.Routes;
import io.firebreak.alert.Silence;
import io.firebreak.alert.SilenceStage;
import io.firebreak.alert.Silences;
import io.firebreak.detect.Evidence;
import io.firebreak.detect.Severity;
import io.firebreak.notify.SlackStandIn.Call;
import io.firebreak.notify.SlackStandIn.Failure;
import io.firebreak.statement.HoldingStatements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The Slack path end to end from the dispatcher to the stand-in, on an injected clock and sleeper. */
class SlackDispatchTest {

    private static final String TOKEN = "xoxb-000000000000-firebreak-test-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HoldingStatements STATEMENTS =
            HoldingStatements.load(Path.of("config/statements"), Path.of("config/statement-settings.yaml"));
    private static final Routes ROUTES = Routes.load(Path.of("config/routing.yaml"));

    @TempDir
    Path data;

    private SlackStandIn slack;
    private FileOutbox outbox;
    private FileDeliveryLog log;
    private SlackNotifier notifier;
    private final Silences silences = new Silences();
    private final List<Duration> slept = new ArrayList<>();
    private final Map<String, List<TopPost>> posts = new HashMap<>();
    private AlertDispatcher dispatcher;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void start() {
        slack = SlackStandIn.start();
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        restart();
    }

    /** A fresh outbox, delivery log, notifier and dispatcher over the same data directory, as after a restart. */
    private void restart() {
        if (outbox != null) {
            outbox.close();
            log.close();
        }
        outbox = FileOutbox.open(data.resolve("outbox"));
        log = FileDeliveryLog.open(data.resolve("outbox/delivered.jsonl"));
        notifier = new SlackNotifier(TOKEN, slack.apiUrl(), log, data.resolve("charts"));
        dispatcher = new AlertDispatcher(List.of(new SilenceStage(silences)), ROUTES, STATEMENTS, notifier, outbox, log,
                a -> AlertView.of(a, posts.getOrDefault(a.alertId(), Fixtures.posts())), RetryPolicy.DEFAULT, slept::add,
                Clock.fixed(FIRED, ZoneOffset.UTC));
    }

    /** Decides the versions and drains the outbox, as the live path does. */
    private DispatchReport send(Alert... versions) {
        dispatcher.enqueue(List.of(versions));
        DispatchReport report = dispatcher.drain();
        try {
            notifier.awaitCharts(); // charts upload beside the delivery; the assertions look at them too
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return report;
    }

    private Delivery.Thread home(String alertId) {
        return log.find(alertId).orElseThrow().home();
    }

    @AfterEach
    void stop() throws Exception {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        notifier.close();
        outbox.close();
        log.close();
        slack.close();
    }

    @Test
    void firstDeliveryPostsOneBlockKitMessageAndAttachesTheChartInItsThread() throws IOException {
        DispatchReport report = send(alert("a-1", Severity.SEV1, Status.firing, 480));

        assertThat(report).isEqualTo(new DispatchReport(1, 0, 0, 0));
        Call post = single(topLevelPosts());
        assertThat(post.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(post.param("channel")).isEqualTo("#crisis-sev1-safety");
        assertThat(post.param("unfurl_links")).isEqualTo("0");
        assertThat(post.param("text")).isEqualTo("SEV1 safety alert for Acme Air: 480 mentions vs baseline 40.0 (12.0×)");
        assertThat(post.json("blocks")).isEqualTo(JSON.readTree(Files.readString(Path.of(
                "src/test/resources/slack/first-post-blocks.json"))));

        String ts = home("a-1").ts();
        assertThat(ts).isNotBlank();
        assertThat(log.find("a-1").orElseThrow().version()).isEqualTo(1);
        assertThat(slack.calls()).extracting(Call::method).containsExactly(
                "chat.postMessage", "files.getUploadURLExternal", "/upload/F0STANDIN1", "files.completeUploadExternal");
        assertThat(slack.calls("/upload/F0STANDIN1")).singleElement()
                .satisfies(c -> assertThat(c.body()).startsWith("\u0089PNG").hasSizeGreaterThan(2_000));
        assertThat(slack.calls("files.completeUploadExternal")).singleElement()
                .satisfies(c -> assertThat(c.param("thread_ts")).isEqualTo(ts));
        assertThat(data.resolve("charts/a-1.png")).isNotEmptyFile();
    }

    @Test
    void aChangeUpdatesTheMessageInPlaceAndSaysWhatChangedInTheThread() {
        send(alert("a-1", 1, Severity.SEV3, Status.firing, 60));
        Delivery.Thread thread = home("a-1");

        send(alert("a-1", 2, Severity.SEV2, Status.escalated, 120));

        assertThat(topLevelPosts()).hasSize(1);
        Call update = single(slack.calls("chat.update"));
        assertThat(update.param("ts")).isEqualTo(thread.ts());
        assertThat(update.param("channel")).isEqualTo(thread.channel());
        assertThat(update.json("blocks").get(0).path("text").path("text").asText()).isEqualTo("🟠 ESCALATED · SEV2 · Acme Air · safety");
        Call reply = single(threadReplies());
        assertThat(reply.param("thread_ts")).isEqualTo(thread.ts());
        assertThat(reply.param("text")).isEqualTo("*Update:* Escalated; Severity SEV3 → SEV2; Mentions 60 → 120; "
                + "Ratio to baseline 1.5× → 3.0×");
    }

    @Test
    void anEscalationRoutedElsewhere_isPostedThereLinkingTheOriginal_andTheOriginalSaysWhereItWent() {
        send(alert("a-1", 1, Severity.SEV2, Status.firing, 120));
        Delivery.Thread original = home("a-1");
        assertThat(original.route()).isEqualTo("#crisis-alerts");

        send(alert("a-1", 2, Severity.SEV1, Status.escalated, 480));

        List<Call> posts = topLevelPosts();
        assertThat(posts).extracting(c -> c.param("channel")).containsExactly("#crisis-alerts", "#crisis-sev1-safety");
        String moved = posts.get(1).param("blocks");
        assertThat(moved).contains("Escalated here from #crisis-alerts")
                .contains("https://firebreak-standin.slack.invalid/archives/" + original.channel() + "/p");
        Call oldUpdate = single(slack.calls("chat.update"));
        assertThat(oldUpdate.param("ts")).isEqualTo(original.ts());
        assertThat(oldUpdate.param("blocks")).contains("Now followed in #crisis-sev1-safety").doesNotContain("firebreak_acknowledge");
        assertThat(single(threadReplies()).param("text")).contains("Escalated").endsWith("Now followed in #crisis-sev1-safety.");
        Delivery after = log.find("a-1").orElseThrow();
        assertThat(after.threads()).extracting(Delivery.Thread::route).containsExactly("#crisis-alerts", "#crisis-sev1-safety");
        assertThat(after.peak()).isEqualTo(Severity.SEV1);

        // de-escalated: it stays where the SEV1 team follows it
        Alert down = alert("a-1", 3, Severity.SEV2, Status.escalated, 300);
        send(new Alert(down.alertId(), 3, down.rule(), down.brand(), down.category(), Severity.SEV2, down.status(),
                down.firedAt(), down.updatedAt(), null, down.evidence(), null, Change.deescalated, false, "Below SEV1 for 30 min", null));
        assertThat(topLevelPosts()).hasSize(2);
        assertThat(slack.calls("chat.update").get(1).param("ts")).isEqualTo(home("a-1").ts());

        // resolved: every channel it was in hears it ended
        slack.forgetCalls();
        send(alert("a-1", 4, Severity.SEV2, Status.resolved, 300));
        assertThat(slack.calls("chat.update")).extracting(c -> c.param("ts"))
                .containsExactlyInAnyOrder(original.ts(), home("a-1").ts());
        assertThat(threadReplies()).extracting(c -> c.param("thread_ts"))
                .containsExactlyInAnyOrder(original.ts(), home("a-1").ts());
    }

    @Test
    void aDeletedMessageIsPostedAgainRatherThanTheAlertLost() {
        send(alert("a-1", 1, Severity.SEV3, Status.firing, 60));
        String firstTs = home("a-1").ts();
        slack.errorNext(1, "message_not_found");

        DispatchReport report = send(alert("a-1", 2, Severity.SEV2, Status.escalated, 120));

        assertThat(report.delivered()).isEqualTo(1);
        assertThat(topLevelPosts()).hasSize(2);
        assertThat(home("a-1").ts()).isNotEqualTo(firstTs);
    }

    @Test
    void resolvingMarksTheMessageResolvedAndDropsTheButtons() {
        send(alert("a-1", 1, Severity.SEV2, Status.firing, 120));
        send(alert("a-1", 2, Severity.SEV2, Status.resolved, 120));

        JsonNode blocks = single(slack.calls("chat.update")).json("blocks");
        assertThat(blocks.get(0).path("text").path("text").asText()).isEqualTo("✅ RESOLVED · SEV2 · Acme Air · safety");
        assertThat(blocks.findValuesAsText("type")).doesNotContain("actions");
        assertThat(single(threadReplies()).param("text")).isEqualTo("*Update:* Resolved");
    }

    @Test
    void eachVersionReachesSlackOnce_inOrder_andOneNotNewerIsDropped() {
        Alert v1 = alert("a-1", 1, Severity.SEV3, Status.firing, 60);
        Alert v2 = alert("a-1", 2, Severity.SEV3, Status.firing, 90);

        assertThat(send(v1, v2)).isEqualTo(new DispatchReport(2, 0, 0, 0));
        assertThat(send(v2, v1)).as("a retry or a restart replaying old versions").isEqualTo(new DispatchReport(0, 2, 0, 0));

        assertThat(topLevelPosts()).hasSize(1);
        assertThat(slack.calls("chat.update")).hasSize(1);
        assertThat(single(threadReplies()).param("text")).startsWith("*Update:* Growing; Mentions 60 → 90");
        assertThat(log.find("a-1").orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void aSilencedVersionIsNotSent_andTheNextOneSaysWhatChangedSinceTheLastSent() {
        send(alert("a-1", 1, Severity.SEV3, Status.firing, 60));
        silences.add(new Silence("s1", "acme", null, null, FIRED.plusSeconds(3600), "known", "test"), FIRED);

        assertThat(send(alert("a-1", 2, Severity.SEV3, Status.firing, 90)).skipped()).isEqualTo(1);
        silences.remove("s1");
        send(alert("a-1", 3, Severity.SEV2, Status.escalated, 150));

        assertThat(single(threadReplies()).param("text")).contains("Severity SEV3 → SEV2").contains("Mentions 60 → 150");
    }

    @Test
    void rateLimitWaitsRetryAfterThenDeliversOneMessage() {
        slack.retryAfterSeconds(7).failNext(1, Failure.RATE_LIMITED);

        DispatchReport report = send(alert("a-1", Severity.SEV1, Status.firing, 480));

        assertThat(report.delivered()).isEqualTo(1);
        assertThat(slept).containsExactly(Duration.ofSeconds(7));
        assertThat(slack.calls("chat.postMessage")).extracting(Call::status).containsExactly(429, 200);
        assertThat(topLevelPosts()).hasSize(1);
    }

    @Test
    void aPostWhoseAnswerWasLost_isFoundInTheChannel_notPostedTwice() {
        // Slack did the post, but the answer never came back: a retry must not post a second message
        slack.loseNextAnswers(1);

        DispatchReport report = send(alert("a-1", Severity.SEV1, Status.firing, 480));
        send(alert("a-1", 2, Severity.SEV1, Status.firing, 600));

        assertThat(report.delivered()).isEqualTo(1);
        assertThat(topLevelPosts()).as("the lost answer's post, found by its metadata").isEmpty();
        assertThat(slack.calls("chat.postMessage").stream().filter(c -> c.param("thread_ts") == null))
                .extracting(Call::status).containsExactly(0);
        assertThat(slack.calls()).extracting(Call::method).contains("conversations.list", "conversations.history");
        assertThat(home("a-1").ts()).isNotBlank();
        assertThat(slack.calls("chat.update")).singleElement()
                .satisfies(u -> assertThat(u.param("ts")).isEqualTo(home("a-1").ts()));
        assertThat(log.find("a-1").orElseThrow().sending()).as("nothing left in doubt").isEmpty();
    }

    @Test
    void serverErrorsAndDroppedConnectionsAreRetriedWithBackoff() {
        slack.failNext(1, Failure.SERVER_ERROR).failNext(1, Failure.DISCONNECT);

        DispatchReport report = send(alert("a-1", Severity.SEV1, Status.firing, 480));

        assertThat(report.delivered()).isEqualTo(1);
        assertThat(slept).first().isEqualTo(Duration.ofSeconds(1));
        assertThat(topLevelPosts()).hasSize(1);
    }

    @Test
    void outageThenRestartThenRecovery_deliversEveryVersionExactlyOnce_inOrder() throws InterruptedException {
        slack.down(true);

        DispatchReport during = send(alert("a-1", 1, Severity.SEV3, Status.firing, 60));
        assertThat(during).isEqualTo(new DispatchReport(0, 0, 0, 1));
        assertThat(slack.calls()).allSatisfy(c -> assertThat(c.status()).isEqualTo(503));
        send(alert("a-1", 2, Severity.SEV2, Status.escalated, 120));
        assertThat(outbox.pending()).as("every version waits, in order").extracting(e -> e.alert().version())
                .containsExactly(1L, 2L);

        restart();
        slack.down(false);
        DispatchReport after = dispatcher.drain();
        notifier.awaitCharts();

        assertThat(after).isEqualTo(new DispatchReport(2, 0, 0, 0));
        assertThat(topLevelPosts()).hasSize(1);
        assertThat(single(slack.calls("chat.update").stream().filter(Call::ok).toList()).param("blocks")).contains("ESCALATED");
        assertThat(dispatcher.drain()).isEqualTo(new DispatchReport(0, 0, 0, 0));
        restart();
        assertThat(outbox.pending()).isEmpty();
        assertThat(log.find("a-1").orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void permanentFailureIsNotRetriedAndLandsInDeadLetters() throws IOException {
        slack.errorNext(1, "channel_not_found");

        DispatchReport report = send(alert("a-1", Severity.SEV1, Status.firing, 480));

        assertThat(report).isEqualTo(new DispatchReport(0, 0, 1, 0));
        assertThat(slept).isEmpty();
        assertThat(slack.calls("chat.postMessage")).hasSize(1);
        assertThat(Files.readString(data.resolve("outbox/dead.jsonl"))).contains("chat.postMessage: channel_not_found", "\"alert_id\":\"a-1\"");
    }

    @Test
    void hostileMentionTextIsShownVerbatimInRichTextAndNeverReachesMrkdwn() {
        send(alert("a-1", Severity.SEV1, Status.firing, 480));

        Call post = single(topLevelPosts());
        JsonNode blocks = post.json("blocks");
        assertThat(nodes(blocks, "rich_text_quote").stream().flatMap(q -> elements(q).stream()))
                .filteredOn(t -> t.path("text").asText().equals(Fixtures.HOSTILE))
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.path("type").asText()).isEqualTo("text");
                    assertThat(t.path("style").path("unlink").asBoolean()).isTrue();
                });
        assertThat(nodes(blocks, "text")).filteredOn(t -> t.path("text").asText().equals("@<@U0ADMIN>")).hasSize(1);

        String[] publicText = {"channel", "evil", "@here", "bold", "U0ADMIN", "jane_doe", "charger", "battery", "recall"};
        assertThat(nodes(blocks, "mrkdwn")).isNotEmpty()
                .allSatisfy(m -> assertThat(m.path("text").asText()).doesNotContain(publicText));
        assertThat(post.param("text")).as("the fallback is interpreted by Slack: no public text in it")
                .doesNotContain(publicText);

        assertThat(nodes(blocks, "link")).as("only the validated http(s) URL becomes a link")
                .extracting(l -> l.path("url").asText()).containsExactly("https://social.example/p/1");
        assertThat(post.param("blocks")).doesNotContain("javascript:");
        assertThat(post.param("link_names")).isEqualTo("0");
    }

    @Test
    void aVersionWhoseSearchFindsTooFewPosts_stillNamesTheWaveItsFirstVersionNamed() {
        posts.put("a-1", List.of(
                new TopPost("x:1", "my charger caught fire overnight, smoke everywhere", "https://social.example/p/1", "a", 1, 1),
                new TopPost("x:2", "another Acme charger caught fire overnight", "https://social.example/p/2", "b", 1, 1),
                new TopPost("x:3", "the charger caught fire overnight again??", "https://social.example/p/3", "c", 1, 1)));
        send(alert("a-1", 1, Severity.SEV2, Status.firing, 120));
        posts.put("a-1", List.of(new TopPost("x:4", "so scary", "https://social.example/p/4", "d", 1, 1)));
        send(alert("a-1", 2, Severity.SEV2, Status.firing, 150));

        List<String> statements = slack.calls().stream().filter(c -> c.param("blocks") != null)
                .map(c -> c.param("blocks")).filter(b -> b.contains("reports about")).toList();
        assertThat(statements).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(b -> assertThat(b).contains("reports about charger caught fire overnight"));
    }

    @Test
    void aQuoteWithMarkupAndAUrlIsCopiedByteForByteMinusHiddenCharacters() {
        String written = "*so* _angry_ ~really~ `code` ```block``` & <b> :fire: see https://acme.example/recall?id=1&x=y "
                + "or www.acme.example, @here!";
        String hostile = "\u202E" + written.substring(0, 20) + "\u200B\u2066" + written.substring(20) + "\u0007\uFEFF";
        Alert alert = alert("a-1", Severity.SEV2, Status.firing, 120).withEvidence(new Evidence("15m", 120, 100, 40, 3,
                0.8, 1, List.of("x:9"), List.of("recall", "*free* `stuff`_now_")));
        posts.put("a-1", List.of(new TopPost("x:9", hostile, "https://social.example/p/9", "@jane_doe__", 1, 2)));

        send(alert);

        JsonNode blocks = single(topLevelPosts()).json("blocks");
        JsonNode quote = single(nodes(blocks, "rich_text_quote"));
        assertThat(elements(quote)).singleElement().satisfies(t -> assertThat(
                t.path("text").asText().getBytes(StandardCharsets.UTF_8)).isEqualTo(written.getBytes(StandardCharsets.UTF_8)));
        assertThat(nodes(blocks, "link")).singleElement().satisfies(l -> {
            assertThat(l.path("url").asText()).isEqualTo("https://social.example/p/9");
            assertThat(l.path("text").asText()).isEqualTo("@jane_doe__");
        });
        assertThat(nodes(blocks, "text")).extracting(t -> t.path("text").asText()).contains("recall, *free* `stuff`_now_");
    }

    @Test
    void oversizedPublicTextStillFitsSlackLimitsSoTheAlertIsNotRefused() {
        String huge = "x".repeat(10_000);
        String emoji = "\uD83D\uDD25".repeat(5_000);
        Alert alert = alert("a-1", Severity.SEV1, Status.firing, 480);
        posts.put("a-1", java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> new TopPost("x:" + i, i % 2 == 0 ? huge : "a" + emoji, "https://e.example/" + huge,
                        i % 2 == 0 ? huge : emoji, 1, 1)).toList());
        Alert manyTerms = alert.withEvidence(
                new Evidence("15m", 480, 400, 40, 12, 0.8, 1, List.of(), java.util.Collections.nCopies(200, huge)));

        send(manyTerms);

        JsonNode blocks = single(topLevelPosts()).json("blocks");
        assertThat(blocks.size()).isLessThanOrEqualTo(50);
        List<String> texts = blocks.findValues("text").stream().filter(JsonNode::isTextual).map(JsonNode::asText).toList();
        assertThat(texts).allSatisfy(t -> {
            assertThat(t.length()).isLessThanOrEqualTo(3000);
            assertThat(t).as("no empty element, no half of a surrogate pair").isNotEmpty()
                    .doesNotContainPattern("[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]");
        });
        assertThat(texts.stream().mapToInt(String::length).sum()).as("well under msg_blocks_too_long").isLessThan(12_000);
        for (JsonNode richText : nodes(blocks, "rich_text")) {
            assertThat(richText.findValues("text").stream().filter(JsonNode::isTextual).mapToInt(t -> t.asText().length()).sum())
                    .isLessThanOrEqualTo(SlackMessage.RICH_TEXT_CHARS);
        }
        assertThat(nodes(blocks, "rich_text_quote")).hasSize(5);
        assertThat(nodes(blocks, "link")).isEmpty();
        assertThat(blocks.get(0).path("text").path("text").asText().length()).isLessThanOrEqualTo(150);
    }

    @Test
    void theTokenNeverReachesLogsMessagesOrFiles() throws IOException {
        // the strictest case: our code and the SDK at DEBUG, which logs requests and responses in detail
        Logger ours = (Logger) LoggerFactory.getLogger("io.firebreak");
        Logger sdk = (Logger) LoggerFactory.getLogger("com.slack.api");
        Level oursBefore = ours.getLevel();
        Level sdkBefore = sdk.getLevel();
        ours.setLevel(Level.DEBUG);
        sdk.setLevel(Level.DEBUG);
        try {
            sendWithEveryKindOfFailure();
        } finally {
            ours.setLevel(oursBefore);
            sdk.setLevel(sdkBefore);
        }

        assertThat(logs.list).anySatisfy(e -> assertThat(e.getLoggerName()).startsWith("com.slack.api"));
        assertThat(logs.list).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getFormattedMessage()).doesNotContain(TOKEN);
            assertThat(e.getThrowableProxy()).isNull();
        });
        assertThat(slack.calls()).allSatisfy(c -> assertThat(c.body()).doesNotContain(TOKEN));
        assertThat(notifier.toString()).doesNotContain(TOKEN);
        try (Stream<Path> files = Files.walk(data)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(f.toString()).doesNotContain(TOKEN);
            }
        }
    }

    @Test
    void withoutFilesSupportTheChartIsKeptOnDiskAndTheAlertStillGoesOut() {
        slack.filesSupported(false);

        DispatchReport report = send(alert("a-1", Severity.SEV1, Status.firing, 480));

        assertThat(report.delivered()).isEqualTo(1);
        assertThat(data.resolve("charts/a-1.png")).isNotEmptyFile();
        assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                .contains("alert a-1: chart not uploaded (unknown_method); PNG kept at"));
        assertThat(slack.calls("files.completeUploadExternal")).isEmpty();
    }

    private void sendWithEveryKindOfFailure() {
        slack.failNext(1, Failure.RATE_LIMITED).failNext(1, Failure.SERVER_ERROR).failNext(1, Failure.DISCONNECT);
        send(alert("a-1", Severity.SEV1, Status.firing, 480));
        slack.errorNext(1, "invalid_auth");
        send(alert("a-2", Severity.SEV2, Status.firing, 90));
        slack.filesSupported(false);
        send(alert("a-3", Severity.SEV3, Status.firing, 60));
    }

    private List<Call> topLevelPosts() {
        return slack.calls("chat.postMessage").stream().filter(Call::ok).filter(c -> c.param("thread_ts") == null).toList();
    }

    private List<Call> threadReplies() {
        return slack.calls("chat.postMessage").stream().filter(Call::ok).filter(c -> c.param("thread_ts") != null).toList();
    }

    /** Every object in the tree whose {@code type} is {@code type}. */
    private static List<JsonNode> nodes(JsonNode tree, String type) {
        List<JsonNode> found = new ArrayList<>();
        collect(tree, type, found);
        return found;
    }

    private static void collect(JsonNode node, String type, List<JsonNode> found) {
        if (node.isObject() && type.equals(node.path("type").asText())) {
            found.add(node);
        }
        node.forEach(child -> collect(child, type, found));
    }

    private static List<JsonNode> elements(JsonNode container) {
        List<JsonNode> list = new ArrayList<>();
        container.path("elements").forEach(list::add);
        return list;
    }

    private static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

}
