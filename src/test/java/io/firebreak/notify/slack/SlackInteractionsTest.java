package io.firebreak.notify.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firebreak.alert.Alert;
import io.firebreak.alert.AlertBook;
import io.firebreak.alert.Lifecycle;
import io.firebreak.alert.Routes;
import io.firebreak.alert.SnoozeStage;
import io.firebreak.alert.Tracked;
import io.firebreak.detect.Evidence;
import io.firebreak.detect.Severity;
import io.firebreak.notify.AlertDispatcher;
import io.firebreak.notify.AlertView;
import io.firebreak.notify.FileDeliveryLog;
import io.firebreak.notify.FileOutbox;
import io.firebreak.notify.RetryPolicy;
import io.firebreak.notify.SlackNotifier;
import io.firebreak.notify.SlackStandIn;
import io.firebreak.notify.SlackStandIn.Call;
import io.firebreak.statement.HoldingStatements;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Buttons and modals end to end at unit level: a signed request into the endpoint, Bolt, the role check, the
 * alert book, and the delivery of the version it makes through the real Slack client to the stand-in, whose
 * calls are asserted field by field.
 */
class SlackInteractionsTest {

    static final String TOKEN = "xoxb-000000000000-interactions-test";
    static final String SECRET = "signing-secret-for-tests";
    static final Instant FIRED = Instant.parse("2026-03-02T09:05:00Z");
    static final Instant NOW = Instant.parse("2026-03-02T09:12:00Z");
    static final String ALERT = "acme/safety/20260302T0905Z";
    static final String LEAD = "U0EXAMPLE1";
    static final String TEAM = "U0EXAMPLE2";
    static final String LEGAL = "U0EXAMPLE3";
    static final String NOBODY = "U0NOBODY1";
    static final String GROUPIE = "U0GROUPIE";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HoldingStatements STATEMENTS =
            HoldingStatements.load(Path.of("config/statements"), Path.of("config/statement-settings.yaml"));

    @TempDir
    Path data;

    SlackStandIn slack;
    FileOutbox outbox;
    FileDeliveryLog log;
    SlackNotifier notifier;
    AlertDispatcher dispatcher;
    AlertBook book;
    SlackInteractions interactions;
    final List<AlertBook.Action> acted = new ArrayList<>();
    volatile CountDownLatch holdActions;
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    String channel;
    String ts;

    @BeforeEach
    void start() throws Exception {
        slack = SlackStandIn.start();
        slack.group("S0EXAMPLE1", List.of(GROUPIE));
        outbox = FileOutbox.open(data.resolve("outbox"));
        log = FileDeliveryLog.open(data.resolve("outbox/delivered.jsonl"));
        notifier = new SlackNotifier(TOKEN, slack.apiUrl(), log, null);
        dispatcher = new AlertDispatcher(List.of(new SnoozeStage()), Routes.load(Path.of("config/routing.yaml")), STATEMENTS,
                notifier, outbox, log, a -> AlertView.of(a, List.of()), RetryPolicy.DEFAULT, d -> { }, clock);
        book = new AlertBook("acme", Lifecycle.load(Path.of("config/alerts.yaml")));
        Alert opened = Alert.opened(ALERT, "negative-spike", "acme", "safety", Severity.SEV2, FIRED, evidence(), false, null);
        book.restore(FIRED, List.of(new Tracked(opened, FIRED, true, null, null, opened.evidence(), opened.rule(), null)));
        dispatcher.enqueue(List.of(opened));
        dispatcher.drain();
        var home = log.find(ALERT).orElseThrow().home();
        channel = home.channel();
        ts = home.ts();
        slack.forgetCalls();
        interactions = interactions(new SlackAppSettings(TOKEN, SECRET, null, slack.apiUrl())).start();
        post(form(blockAction("warm_up", LEAD, "-")), 0, true); // Bolt asks auth.test once, on its first request
        interactions.awaitWork();
        slack.forgetCalls();
    }

    SlackInteractions interactions(SlackAppSettings settings) {
        return new SlackInteractions(settings, this::act, log, Roles.load(Path.of("config/roles.yaml")),
                new GroupMembers(GroupMembers.slack(com.slack.api.Slack.getInstance(config()).methods(TOKEN)), clock,
                        Duration.ofMinutes(5)),
                IncidentChannels.open(data.resolve("state/incident-channels.jsonl")), clock);
    }

    private com.slack.api.SlackConfig config() {
        var c = new com.slack.api.SlackConfig();
        c.setMethodsEndpointUrlPrefix(slack.apiUrl());
        c.setStatsEnabled(false);
        return c;
    }

    /** What the service's partitions do: the book decides, the version is queued and delivered. */
    private synchronized AlertBook.Acted act(AlertBook.Action action) {
        try {
            if (holdActions != null) {
                holdActions.await(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        acted.add(action);
        AlertBook.Acted result = book.act(action);
        dispatcher.enqueue(result.outcome().versions());
        dispatcher.drain();
        return result;
    }

    @AfterEach
    void stop() throws Exception {
        interactions.close();
        notifier.close();
        outbox.close();
        log.close();
        slack.close();
    }

    static Evidence evidence() {
        return new Evidence("15m", 120, 100, 3.5, 34.3, 0.83, 654_321, List.of("x:1"), List.of("fire", "recall"));
    }

    // --- requests as Slack sends them ---

    ObjectNode blockAction(String actionId, String user, String value) {
        ObjectNode p = JSON.createObjectNode().put("type", "block_actions").put("api_app_id", "A0FIREBREAK")
                .put("token", "legacy-verification-token").put("trigger_id", "1337.42.5b1f0e6bd0c8")
                .put("response_url", "https://hooks.slack.invalid/actions/T0STANDIN/1/abc");
        p.putObject("user").put("id", user).put("username", "person").put("team_id", "T0STANDIN");
        p.putObject("team").put("id", "T0STANDIN").put("domain", "firebreak");
        p.putObject("container").put("type", "message").put("message_ts", ts).put("channel_id", channel)
                .put("is_ephemeral", false);
        p.putObject("channel").put("id", channel).put("name", "crisis-alerts");
        p.putObject("message").put("type", "message").put("ts", ts).put("text", "alert");
        ObjectNode a = p.putArray("actions").addObject().put("action_id", actionId).put("block_id", "firebreak_alert_actions")
                .put("value", value).put("type", "button").put("action_ts", "1772442720.123");
        a.putObject("text").put("type", "plain_text").put("text", actionId);
        return p;
    }

    ObjectNode viewSubmission(String callbackId, String user, String metadata, String blockId, String value) {
        ObjectNode p = JSON.createObjectNode().put("type", "view_submission").put("api_app_id", "A0FIREBREAK")
                .put("token", "legacy-verification-token").put("trigger_id", "1337.42.77");
        p.putObject("user").put("id", user).put("username", "person").put("team_id", "T0STANDIN");
        p.putObject("team").put("id", "T0STANDIN").put("domain", "firebreak");
        ObjectNode view = p.putObject("view").put("id", "V0MODAL").put("type", "modal").put("callback_id", callbackId)
                .put("private_metadata", metadata).put("team_id", "T0STANDIN");
        ObjectNode text = view.putObject("state").putObject("values").putObject(blockId).putObject("text")
                .put("type", "plain_text_input");
        if (value == null) {
            text.putNull("value");
        } else {
            text.put("value", value);
        }
        return p;
    }

    static String form(JsonNode payload) {
        return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
    }

    /** A request through the endpoint signed as Slack signs it, {@code skew} seconds away from our clock. */
    Exchange post(String body, long skewSeconds, boolean signed) throws Exception {
        var exchange = new DefaultExchange(new DefaultCamelContext());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String timestamp = String.valueOf(NOW.getEpochSecond() + skewSeconds);
        exchange.getIn().setBody(bytes);
        exchange.getIn().setHeader("Content-Type", "application/x-www-form-urlencoded");
        exchange.getIn().setHeader("X-Slack-Request-Timestamp", timestamp);
        exchange.getIn().setHeader("X-Slack-Signature", signed ? new RequestSignature(SECRET).sign(timestamp, bytes)
                : "v0=" + "0".repeat(64));
        interactions.endpoint().process(exchange);
        return exchange;
    }

    Exchange press(String actionId, String user) throws Exception {
        Exchange e = post(form(blockAction(actionId, user, ALERT)), 0, true);
        assertThat(status(e)).as("acknowledged").isEqualTo(200);
        interactions.awaitWork();
        return e;
    }

    static int status(Exchange e) {
        return e.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    }

    Call lastUpdate() {
        List<Call> updates = slack.calls("chat.update");
        assertThat(updates).isNotEmpty();
        Call u = updates.get(updates.size() - 1);
        assertThat(u.param("channel")).isEqualTo(channel);
        assertThat(u.param("ts")).isEqualTo(ts);
        return u;
    }

    static List<String> buttons(Call update) {
        List<String> ids = new ArrayList<>();
        update.json("blocks").forEach(b -> b.path("elements").forEach(e -> {
            if (e.path("type").asText().equals("button")) {
                ids.add(e.path("action_id").asText());
                assertThat(e.path("value").asText()).isEqualTo(ALERT);
            }
        }));
        return ids;
    }

    Alert current() {
        return book.open().stream().map(Tracked::alert).filter(a -> a.alertId().equals(ALERT)).findFirst().orElse(null);
    }

    // --- the signature, before anything is parsed ---

    @Test
    void unsignedStaleOrFutureRequests_get401_andNothingIsParsedOrDone() throws Exception {
        String body = form(blockAction("firebreak_acknowledge", LEAD, ALERT));
        assertThat(status(post(body, 0, false))).isEqualTo(401);
        assertThat(status(post(body, -301, true))).isEqualTo(401);
        assertThat(status(post(body, 301, true))).isEqualTo(401);
        // not even a payload: still 401, not 400, because nothing is read before the signature holds
        Exchange junk = post("this is not a form {", 0, false);
        assertThat(status(junk)).isEqualTo(401);
        assertThat(junk.getMessage().getBody(String.class)).isEqualTo("invalid request signature");
        interactions.awaitWork();
        assertThat(acted).isEmpty();
        assertThat(slack.calls()).as("not even auth.test: Bolt never saw them").isEmpty();
    }

    @Test
    void theAckComesBeforeTheWork() throws Exception {
        holdActions = new CountDownLatch(1);
        long t0 = System.nanoTime();
        Exchange e = post(form(blockAction("firebreak_acknowledge", LEAD, ALERT)), 0, true);
        assertThat(status(e)).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
        assertThat(acted).as("the action waits until Slack has its answer").isEmpty();
        holdActions.countDown();
        interactions.awaitWork();
        assertThat(acted).hasSize(1);
    }

    // --- each button ---

    @Test
    void acknowledge_recordsWhoAndWhen_andTheMessageSaysSo_withoutTheButton() throws Exception {
        press("firebreak_acknowledge", LEAD);

        assertThat(acted).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertBook.Action.Kind.acknowledge);
            assertThat(a.user()).isEqualTo(LEAD);
            assertThat(a.at()).isEqualTo(NOW);
            assertThat(a.alertId()).isEqualTo(ALERT);
        });
        assertThat(current().handled().acknowledgedBy()).isEqualTo(LEAD);
        Call update = lastUpdate();
        assertThat(update.param("blocks")).contains("Acknowledged by <@U0EXAMPLE1> at <!date^" + NOW.getEpochSecond()
                + "^{date_short_pretty} {time}|09:12 UTC");
        assertThat(buttons(update)).doesNotContain("firebreak_acknowledge")
                .contains("firebreak_escalate", "firebreak_snooze_1h", "firebreak_resolve", "firebreak_open_channel",
                        "firebreak_approve_statement", "firebreak_edit_statement");
        assertThat(slack.calls("chat.postMessage")).as("the thread hears what changed").singleElement()
                .satisfies(r -> assertThat(r.param("thread_ts")).isEqualTo(ts));
    }

    @Test
    void escalate_raisesOneTierByHand_andMovesTheAlertAsAnEscalationWould() throws Exception {
        press("firebreak_escalate", TEAM);

        assertThat(acted).singleElement().satisfies(a -> assertThat(a.kind()).isEqualTo(AlertBook.Action.Kind.escalate));
        assertThat(current().severity()).isEqualTo(Severity.SEV1);
        assertThat(current().handled().escalatedBy()).isEqualTo(TEAM);
        // SEV1 safety routes to its own channel: posted there, the first message points at it
        Call moved = slack.calls("chat.postMessage").stream().filter(c -> c.param("thread_ts") == null).findFirst().orElseThrow();
        assertThat(moved.param("channel")).isEqualTo("#crisis-sev1-safety");
        assertThat(moved.param("blocks")).contains("Escalated by hand by <@U0EXAMPLE2> at <!date^" + NOW.getEpochSecond())
                .contains("SEV1");
        assertThat(buttons(lastUpdate())).as("the old message offers no buttons").isEmpty();
        assertThat(buttons(moved)).as("no escalation above SEV1").doesNotContain("firebreak_escalate").contains("firebreak_acknowledge");
    }

    @Test
    void snooze1hAnd4h_holdUpdatesUntilThen_andTheMessageSaysUntilWhen() throws Exception {
        press("firebreak_snooze_4h", LEAD);

        assertThat(acted).singleElement().satisfies(a -> assertThat(a.snooze()).isEqualTo(Duration.ofHours(4)));
        Instant until = NOW.plus(Duration.ofHours(4));
        assertThat(current().handled().snoozedUntil()).isEqualTo(until);
        Call update = lastUpdate();
        assertThat(update.param("blocks")).contains("Snoozed by <@U0EXAMPLE1> until <!date^" + until.getEpochSecond());
        assertThat(buttons(update)).doesNotContain("firebreak_snooze_1h", "firebreak_snooze_4h");
    }

    @Test
    void snooze1h_isOneHour_asIsTheOldSnoozeButtonOfMessagesPostedBefore() throws Exception {
        press("firebreak_snooze_1h", LEAD);
        assertThat(current().handled().snoozedUntil()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        press("firebreak_snooze", LEAD);
        assertThat(acted).hasSize(2).allSatisfy(a -> assertThat(a.snooze()).isEqualTo(Duration.ofHours(1)));
    }

    @Test
    void resolve_opensAModal_andItsSubmissionResolvesWithTheReason_escaped() throws Exception {
        press("firebreak_resolve", LEAD);

        assertThat(acted).as("nothing happens before the form is sent").isEmpty();
        Call open = single(slack.calls("views.open"));
        assertThat(open.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(open.param("trigger_id")).isEqualTo("1337.42.5b1f0e6bd0c8");
        JsonNode view = open.json("view");
        assertThat(view.path("type").asText()).isEqualTo("modal");
        assertThat(view.path("callback_id").asText()).isEqualTo("firebreak_resolve");
        assertThat(view.path("private_metadata").asText()).isEqualTo(ALERT + "|" + channel);
        JsonNode input = view.path("blocks").get(0);
        assertThat(input.path("block_id").asText()).isEqualTo("reason");
        assertThat(input.path("optional").asBoolean()).isTrue();
        assertThat(input.path("element").path("action_id").asText()).isEqualTo("text");

        Exchange submitted = post(form(viewSubmission("firebreak_resolve", LEAD, ALERT + "|" + channel, "reason",
                "False alarm <!channel> see <http://evil|here>")), 0, true);
        assertThat(status(submitted)).isEqualTo(200);
        interactions.awaitWork();

        assertThat(acted).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertBook.Action.Kind.resolve);
            assertThat(a.text()).isEqualTo("False alarm <!channel> see <http://evil|here>");
        });
        assertThat(current()).as("resolved: no longer open").isNull();
        String blocks = lastUpdate().param("blocks");
        assertThat(blocks).contains("Resolved by <@U0EXAMPLE1> at <!date^" + NOW.getEpochSecond())
                .contains(": False alarm &lt;!channel&gt; see &lt;http://evil|here&gt;").doesNotContain("<!channel>")
                .doesNotContain("\"type\":\"actions\"");
    }

    @Test
    void resolve_withoutAReason_resolves() throws Exception {
        post(form(viewSubmission("firebreak_resolve", LEAD, ALERT + "|" + channel, "reason", null)), 0, true);
        interactions.awaitWork();
        assertThat(acted).singleElement().satisfies(a -> assertThat(a.text()).isNull());
        assertThat(lastUpdate().param("blocks")).contains("Resolved by <@U0EXAMPLE1>");
    }

    @Test
    void approveStatement_storesTheRecommendedText_andTheMessageSaysWhoApprovedIt() throws Exception {
        String recommended = log.find(ALERT).orElseThrow().lastSent().statement().text();
        press("firebreak_approve_statement", LEGAL);

        assertThat(acted).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertBook.Action.Kind.approve_statement);
            assertThat(a.text()).isEqualTo(recommended);
        });
        Alert.Handling h = current().handled();
        assertThat(h.statement()).isEqualTo(recommended);
        assertThat(h.statementEdited()).isFalse();
        Call update = lastUpdate();
        assertThat(update.param("blocks")).contains("Approved holding statement")
                .contains("Approved by <@U0EXAMPLE3> at <!date^" + NOW.getEpochSecond());
        assertThat(buttons(update)).doesNotContain("firebreak_approve_statement").contains("firebreak_edit_statement");
    }

    @Test
    void editStatement_opensTheModalWithTheCurrentText_andTheSubmittedTextReplacesIt() throws Exception {
        String recommended = log.find(ALERT).orElseThrow().lastSent().statement().text();
        press("firebreak_edit_statement", LEAD);

        Call open = single(slack.calls("views.open"));
        JsonNode view = open.json("view");
        assertThat(view.path("callback_id").asText()).isEqualTo("firebreak_edit_statement");
        assertThat(view.path("private_metadata").asText()).isEqualTo(ALERT + "|" + channel);
        JsonNode element = view.path("blocks").get(0).path("element");
        assertThat(element.path("multiline").asBoolean()).isTrue();
        assertThat(element.path("initial_value").asText()).isEqualTo(recommended);
        assertThat(view.path("submit").path("text").asText()).isEqualTo("Approve");

        String edited = "We know about the reports from flight AC417 and are checking with the crew. <!here> Update at 10:00.";
        post(form(viewSubmission("firebreak_edit_statement", LEAD, ALERT + "|" + channel, "statement", edited)), 0, true);
        interactions.awaitWork();

        assertThat(acted).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertBook.Action.Kind.edit_statement);
            assertThat(a.text()).isEqualTo(edited);
        });
        assertThat(current().handled().statement()).isEqualTo(edited);
        assertThat(current().handled().statementEdited()).isTrue();
        JsonNode blocks = lastUpdate().json("blocks");
        // the edited text is shown as written, in a rich_text element Slack does not interpret
        assertThat(blocks.findValuesAsText("text")).contains(edited).doesNotContain(recommended);
        assertThat(blocks.toString()).contains("Edited holding statement")
                .contains("Edited and approved by <@U0EXAMPLE1> at <!date^" + NOW.getEpochSecond());
    }

    @Test
    void anEmptyEditedStatement_isRefusedInTheModal() throws Exception {
        Exchange e = post(form(viewSubmission("firebreak_edit_statement", LEAD, ALERT + "|" + channel, "statement", "  ")),
                0, true);
        assertThat(status(e)).isEqualTo(200);
        JsonNode answer = JSON.readTree(e.getMessage().getBody(String.class));
        assertThat(answer.path("response_action").asText()).isEqualTo("errors");
        assertThat(answer.path("errors").path("statement").asText()).isEqualTo("The statement cannot be empty.");
        interactions.awaitWork();
        assertThat(acted).isEmpty();
    }

    // --- who may press what ---

    @Test
    void someoneWithoutTheRole_isToldWhichRoleIsNeeded_andNothingChanges() throws Exception {
        press("firebreak_resolve", TEAM);
        press("firebreak_acknowledge", NOBODY);

        assertThat(acted).isEmpty();
        assertThat(slack.calls("views.open")).isEmpty();
        assertThat(slack.calls("chat.update")).isEmpty();
        List<Call> told = slack.calls("chat.postEphemeral");
        assertThat(told).hasSize(2);
        assertThat(told.get(0).param("channel")).isEqualTo(channel);
        assertThat(told.get(0).param("user")).isEqualTo(TEAM);
        assertThat(told.get(0).param("text")).isEqualTo("You may not resolve this alert: that needs the role `comms-lead`.");
        assertThat(told.get(1).param("user")).isEqualTo(NOBODY);
        assertThat(told.get(1).param("text"))
                .isEqualTo("You may not acknowledge this alert: that needs the role `comms-team` or `comms-lead`.");
    }

    @Test
    void aUserGroupsMember_hasItsRole_andTheGroupIsAskedOncePerTtl() throws Exception {
        press("firebreak_acknowledge", GROUPIE);
        press("firebreak_open_channel", GROUPIE);

        assertThat(acted).extracting(AlertBook.Action::kind)
                .containsExactly(AlertBook.Action.Kind.acknowledge, AlertBook.Action.Kind.open_channel);
        assertThat(acted).allSatisfy(a -> assertThat(a.user()).isEqualTo(GROUPIE));
        Call asked = single(slack.calls("usergroups.users.list"));
        assertThat(asked.param("usergroup")).isEqualTo("S0EXAMPLE1");
        assertThat(slack.calls("conversations.create")).hasSize(1);
    }

    @Test
    void anActionTheBookRefuses_isToldToThePresser() throws Exception {
        press("firebreak_acknowledge", LEAD);
        slack.forgetCalls();
        press("firebreak_acknowledge", TEAM);
        assertThat(single(slack.calls("chat.postEphemeral")).param("text"))
                .isEqualTo("Not done: already acknowledged by U0EXAMPLE1.");
        assertThat(slack.calls("chat.update")).isEmpty();
    }

    // --- the incident channel ---

    @Test
    void openIncidentChannel_createsItInvitesTheResponders_postsThePermalink_andASecondPressLinksIt() throws Exception {
        press("firebreak_open_channel", TEAM);

        Call create = single(slack.calls("conversations.create"));
        assertThat(create.param("name")).isEqualTo("inc-acme-safety-20260302t0905z");
        assertThat(create.param("is_private")).isEqualTo("0");
        Call invite = single(slack.calls("conversations.invite"));
        String created = invite.param("channel");
        assertThat(created).matches("C\\d{8}").isNotEqualTo(channel);
        assertThat(invite.param("users")).isEqualTo("U0EXAMPLE1,U0EXAMPLE3,U0EXAMPLE2");
        Call link = slack.calls("chat.postMessage").stream().filter(c -> created.equals(c.param("channel"))).findFirst()
                .orElseThrow();
        assertThat(link.param("text")).isEqualTo("Incident channel for alert `acme/safety/20260302T0905Z`, opened by "
                + "<@U0EXAMPLE2>: <https://firebreak-standin.slack.invalid/archives/" + channel + "/p" + ts.replace(".", "")
                + "|the alert message>");
        assertThat(single(slack.calls("chat.postEphemeral")).param("text")).isEqualTo("Incident channel opened: <#" + created + ">.");
        // recorded on the alert with who and when, a version of its own, and the alert message says where it is
        assertThat(acted).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertBook.Action.Kind.open_channel);
            assertThat(a.text()).isEqualTo(created);
        });
        assertThat(current().change()).isEqualTo(Alert.Change.channel);
        assertThat(current().handled().channelBy()).isEqualTo(TEAM);
        assertThat(current().handled().channelAt()).isEqualTo(NOW);
        assertThat(lastUpdate().param("blocks")).contains("Incident channel <#" + created + "> opened by <@U0EXAMPLE2> at <!date^"
                + NOW.getEpochSecond());
        long version = current().version();

        slack.forgetCalls();
        press("firebreak_open_channel", LEAD);
        assertThat(slack.calls("conversations.create")).isEmpty();
        assertThat(single(slack.calls("conversations.invite")).param("users")).isEqualTo(LEAD);
        assertThat(single(slack.calls("chat.postEphemeral")).param("text"))
                .isEqualTo("The incident channel for this alert is <#" + created + ">.");
        assertThat(current().version()).as("opened once: a second press is no new version").isEqualTo(version);
        assertThat(Files.readString(data.resolve("state/incident-channels.jsonl"))).contains(created);
    }

    // --- buttons of other packages ---

    @Test
    void stepDone_goesToTheRegisteredHandler_withWhoAndWhen_afterTheRoleCheck() throws Exception {
        List<Interaction> got = new ArrayList<>();
        interactions.handlers().register("step_done", i -> {
            got.add(i);
            return "Step done: holding statement approved.";
        });
        Exchange e = post(form(blockAction("step_done", LEGAL, "inc-42|holding-statement")), 0, true);
        assertThat(status(e)).isEqualTo(200);
        post(form(blockAction("step_done", NOBODY, "inc-42|legal-review")), 0, true);
        interactions.awaitWork();

        assertThat(got).containsExactly(new Interaction("step_done", "inc-42|holding-statement", LEGAL, NOW, channel, ts));
        List<Call> told = slack.calls("chat.postEphemeral");
        assertThat(told).extracting(c -> c.param("user") + ": " + c.param("text")).containsExactly(
                "U0EXAMPLE3: Step done: holding statement approved.",
                "U0NOBODY1: You may not mark this step done: that needs the role `comms-team` or `comms-lead` or `legal`.");
    }

    @Test
    void aButtonNobodyRegistered_isAcknowledgedAndExplained() throws Exception {
        Exchange e = post(form(blockAction("step_done", LEGAL, "inc-42|x")), 0, true);
        assertThat(status(e)).isEqualTo(200);
        interactions.awaitWork();
        assertThat(single(slack.calls("chat.postEphemeral")).param("text")).isEqualTo("That button is not available on this Firebreak.");
    }

    // --- Socket Mode ---

    @Test
    void socketMode_anEnvelopeFromTheLocalWebSocketIsAcknowledgedByItsId_andActedOn() throws Exception {
        var received = new java.util.concurrent.LinkedBlockingQueue<String>();
        var opened = new CountDownLatch(1);
        int port;
        try (var probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        var sockets = new java.util.concurrent.atomic.AtomicReference<org.java_websocket.WebSocket>();
        var server = new org.java_websocket.server.WebSocketServer(new java.net.InetSocketAddress("127.0.0.1", port)) {
            @Override
            public void onOpen(org.java_websocket.WebSocket conn, org.java_websocket.handshake.ClientHandshake handshake) {
                conn.send("{\"type\":\"hello\",\"num_connections\":1,\"connection_info\":{\"app_id\":\"A0FIREBREAK\"}}");
                sockets.set(conn);
                opened.countDown();
            }

            @Override
            public void onClose(org.java_websocket.WebSocket conn, int code, String reason, boolean remote) { }

            @Override
            public void onMessage(org.java_websocket.WebSocket conn, String message) {
                received.add(message);
            }

            @Override
            public void onError(org.java_websocket.WebSocket conn, Exception ex) { }

            @Override
            public void onStart() { }
        };
        server.setReuseAddr(true);
        server.start();
        slack.socketModeUrl("ws://127.0.0.1:" + port + "/link/?ticket=test");
        SlackInteractions socket = interactions(new SlackAppSettings(TOKEN, null, "xapp-1-A0FIREBREAK-test", slack.apiUrl()));
        try {
            socket.start();
            assertThat(opened.await(10, TimeUnit.SECONDS)).as("connected through apps.connections.open").isTrue();
            Call connect = slack.calls("apps.connections.open").get(0);
            assertThat(connect.authorization()).isEqualTo("Bearer xapp-1-A0FIREBREAK-test");

            ObjectNode envelope = JSON.createObjectNode().put("envelope_id", "4f1d0c5e-socket-mode-test")
                    .put("type", "interactive").put("accepts_response_payload", false).put("retry_attempt", 0);
            envelope.set("payload", blockAction("firebreak_acknowledge", LEAD, ALERT));
            long t0 = System.nanoTime();
            sockets.get().send(envelope.toString());
            String ack = received.poll(3, TimeUnit.SECONDS);
            assertThat(ack).as("acknowledged within Slack's 3 s").isNotNull();
            assertThat(JSON.readTree(ack)).isEqualTo(JSON.createObjectNode().put("envelope_id", "4f1d0c5e-socket-mode-test"));
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
            socket.awaitWork();
            assertThat(acted).singleElement().satisfies(a -> {
                assertThat(a.kind()).isEqualTo(AlertBook.Action.Kind.acknowledge);
                assertThat(a.user()).isEqualTo(LEAD);
            });
            assertThat(lastUpdate().param("blocks")).contains("Acknowledged by <@U0EXAMPLE1>");
            var http = new DefaultExchange(new DefaultCamelContext());
            http.getIn().setBody(form(blockAction("firebreak_acknowledge", LEAD, ALERT)).getBytes(StandardCharsets.UTF_8));
            socket.endpoint().process(http);
            assertThat(status(http)).as("no signing secret: the HTTP route stays off").isEqualTo(404);
        } finally {
            socket.close();
            server.stop(1000);
        }
    }

    static Call single(List<Call> calls) {
        assertThat(calls).hasSize(1);
        return calls.get(0);
    }
}
