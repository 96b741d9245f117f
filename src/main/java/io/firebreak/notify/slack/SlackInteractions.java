package io.firebreak.notify.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.view.ViewState;
import com.slack.api.socket_mode.SocketModeClient;
import io.firebreak.alert.Alert;
import io.firebreak.alert.AlertBook;
import io.firebreak.alert.AlertBook.Action.Kind;
import io.firebreak.notify.Delivery;
import io.firebreak.notify.DeliveryLog;
import io.firebreak.notify.SlackMessage;
import io.firebreak.notify.SlackText;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert message's buttons and modals, answered through Bolt for Java. Every press is acknowledged at
 * once (Slack wants an answer within 3 seconds); the work (the role check, which may ask Slack for a user
 * group's members, the action on the alert, modals, channels, ephemeral answers) runs after, on an
 * executor of its own. An action on an alert goes through {@link AlertActions} into the alert book like
 * any other change: it becomes a version, and the delivery that follows updates the message in place, so
 * nothing here edits the alert message itself.
 *
 * <p>Requests come in two ways: over HTTP ({@link #endpoint()}, the Camel route {@code POST /slack/actions},
 * signature checked by {@link RequestSignature} before Bolt parses anything), or through Socket Mode when an
 * app-level token is set ({@link #start()} opens it, with the Java-WebSocket backend).
 */
public final class SlackInteractions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SlackInteractions.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where people's actions go: the alert book, through the brand's partition. */
    @FunctionalInterface
    public interface AlertActions {
        AlertBook.Acted act(AlertBook.Action action);
    }

    static final String RESOLVE_VIEW = "firebreak_resolve";
    static final String EDIT_VIEW = "firebreak_edit_statement";
    /** How long the members of a user group are trusted before they are asked again. */
    static final Duration GROUP_TTL = Duration.ofMinutes(5);
    private static final int STATEMENT_CHARS = 2800;
    private static final int REASON_CHARS = 500;
    private static final Pattern CHANNEL_NAME_UNSAFE = Pattern.compile("[^a-z0-9_-]+");

    private final SlackAppSettings settings;
    private final AlertActions actions;
    private final DeliveryLog deliveries;
    private final RoleCheck roles;
    private final IncidentChannels channels;
    private final Clock clock;
    private final InteractionHandlers handlers = new InteractionHandlers();
    private final App app;
    private final MethodsClient methods;
    private final ExecutorService work;
    private final SlackActionsEndpoint endpoint;
    private final AtomicInteger inFlight = new AtomicInteger();
    private SocketModeApp socketMode;

    /**
     * @param groups how user groups' members are found; null: {@code usergroups.users.list} with a 5-minute cache
     */
    public SlackInteractions(SlackAppSettings settings, AlertActions actions, DeliveryLog deliveries, Roles roles,
                             GroupMembers groups, IncidentChannels channels, Clock clock) {
        this.settings = settings;
        this.actions = actions;
        this.deliveries = deliveries;
        this.channels = channels;
        this.clock = clock;
        SlackConfig slackConfig = new SlackConfig();
        if (settings.apiUrl() != null) {
            String url = settings.apiUrl();
            slackConfig.setMethodsEndpointUrlPrefix(url.endsWith("/") ? url : url + "/");
        }
        slackConfig.setStatsEnabled(false);
        slackConfig.setPrettyResponseLoggingEnabled(false);
        slackConfig.setHttpClientCallTimeoutMillis(10_000);
        AppConfig config = AppConfig.builder()
                .slack(Slack.getInstance(slackConfig))
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret())
                // the signature is checked before Bolt sees the request, stricter than Bolt would (RequestSignature)
                .requestVerificationEnabled(false)
                .build();
        this.app = new App(config);
        this.methods = app.client();
        this.roles = new RoleCheck(roles, groups != null ? groups
                : new GroupMembers(GroupMembers.slack(methods), clock, GROUP_TTL));
        AtomicInteger n = new AtomicInteger();
        this.work = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "slack-interactions-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.endpoint = settings.signingSecret() == null ? SlackActionsEndpoint.disabled("SLACK_SIGNING_SECRET is not set")
                : new SlackActionsEndpoint(this, new RequestSignature(settings.signingSecret()), clock);
        register();
    }

    /** Who may do what, for the handlers of other packages' buttons (a playbook step's owner role). */
    public RoleCheck roles() {
        return roles;
    }

    /** Buttons other packages answer ({@code step_done}): register before or after start, both work. */
    public InteractionHandlers handlers() {
        return handlers;
    }

    /** The processor behind {@code POST /slack/actions}. */
    public SlackActionsEndpoint endpoint() {
        return endpoint;
    }

    /** Starts Bolt and, with an app-level token, the Socket Mode connection. */
    public SlackInteractions start() {
        app.start();
        if (settings.socketMode()) {
            try {
                socketMode = new SocketModeApp(settings.appToken(), app, SocketModeClient.Backend.JavaWebSocket);
                socketMode.startAsync();
                LOG.info("Slack interactivity: Socket Mode connected");
            } catch (Exception e) {
                // the service runs on without Socket Mode rather than not at all; the cause is named, the token never
                LOG.error("Slack Socket Mode did not start, buttons will not answer: {}{}", e.getClass().getSimpleName(),
                        e.getMessage() == null ? "" : ": " + e.getMessage().replace(settings.appToken(), "[token]"));
            }
        }
        LOG.info("Slack interactivity on: {}", settings);
        return this;
    }

    /** One request as Bolt takes it (parsed from HTTP after the signature check, or from a Socket Mode envelope). */
    public Response run(Request<?> request) throws Exception {
        return app.run(request);
    }

    App app() {
        return app;
    }

    /** Waits until the work queued so far is done (tests). */
    void awaitWork() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    /** Work after the acknowledgement. */
    private void submit(Runnable task) {
        inFlight.incrementAndGet();
        try {
            work.execute(() -> {
                try {
                    task.run();
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            inFlight.decrementAndGet();
            LOG.warn("Slack interaction arrived while stopping; not done");
        }
    }

    @Override
    public void close() {
        if (socketMode != null) {
            try {
                socketMode.close();
            } catch (Exception e) {
                LOG.warn("closing Socket Mode: {}", e.getClass().getSimpleName());
            }
        }
        work.shutdown();
        try {
            if (!work.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Slack interactions still busy after 10 s; stopping them");
                work.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        app.stop();
        channels.close();
    }

    private void register() {
        simple(SlackMessage.ACKNOWLEDGE, Permission.acknowledge, Kind.acknowledge, null);
        simple(SlackMessage.ESCALATE, Permission.escalate, Kind.escalate, null);
        simple(SlackMessage.SNOOZE_1H, Permission.snooze, Kind.snooze, Duration.ofHours(1));
        simple(SlackMessage.SNOOZE_4H, Permission.snooze, Kind.snooze, Duration.ofHours(4));
        // messages posted before the snooze buttons had durations are still in Slack with this one
        simple("firebreak_snooze", Permission.snooze, Kind.snooze, Duration.ofHours(1));
        app.blockAction(SlackMessage.APPROVE_STATEMENT, (req, ctx) -> {
            Press p = Press.of(req.getPayload(), clock);
            later(p, Permission.approve_statement, () -> {
                String text = currentStatement(p.value());
                if (text == null) {
                    tell(p, "There is no holding statement to approve yet.");
                    return;
                }
                act(p, new AlertBook.Action(p.value(), Kind.approve_statement, p.user(), p.at(), null, text, null));
            });
            return ctx.ack();
        });
        app.blockAction(SlackMessage.RESOLVE, (req, ctx) -> {
            Press p = Press.of(req.getPayload(), clock);
            modal(p, Permission.resolve, () -> openView(p, resolveView(p)));
            return ctx.ack();
        });
        app.blockAction(SlackMessage.EDIT_STATEMENT, (req, ctx) -> {
            Press p = Press.of(req.getPayload(), clock);
            modal(p, Permission.edit_statement, () -> openView(p, editView(p, currentStatement(p.value()))));
            return ctx.ack();
        });
        app.blockAction(SlackMessage.OPEN_CHANNEL, (req, ctx) -> {
            Press p = Press.of(req.getPayload(), clock);
            later(p, Permission.open_channel, () -> openChannel(p));
            return ctx.ack();
        });
        app.viewSubmission(RESOLVE_VIEW, (req, ctx) -> {
            var payload = req.getPayload();
            Press p = Press.fromView(payload.getUser().getId(), payload.getView().getPrivateMetadata(), clock);
            String reason = input(payload.getView().getState(), "reason");
            later(p, Permission.resolve, () -> act(p, new AlertBook.Action(p.value(), Kind.resolve, p.user(), p.at(), null,
                    reason == null ? null : SlackText.lines(reason, REASON_CHARS), null)));
            return ctx.ack();
        });
        app.viewSubmission(EDIT_VIEW, (req, ctx) -> {
            var payload = req.getPayload();
            Press p = Press.fromView(payload.getUser().getId(), payload.getView().getPrivateMetadata(), clock);
            String text = input(payload.getView().getState(), "statement");
            if (text == null || text.isBlank()) {
                return ctx.ackWithErrors(Map.of("statement", "The statement cannot be empty."));
            }
            String cleaned = SlackText.lines(text, STATEMENT_CHARS);
            later(p, Permission.edit_statement, () -> act(p, new AlertBook.Action(p.value(), Kind.edit_statement, p.user(),
                    p.at(), null, cleaned, null)));
            return ctx.ack();
        });
        // every other button: a handler another package registered (step_done), looked up at press time
        app.blockAction(Pattern.compile("^(?!firebreak_).+"), (req, ctx) -> {
            Press p = Press.of(req.getPayload(), clock);
            var registered = handlers.find(p.actionId());
            if (registered.isEmpty()) {
                LOG.info("Slack button '{}' pressed by {}: no handler registered", p.actionId(), p.user());
                submit(() -> tell(p, "That button is not available on this Firebreak."));
                return ctx.ack();
            }
            later(p, registered.get().needs(), () -> {
                String reply = registered.get().handler().handle(new Interaction(p.actionId(), p.value(), p.user(), p.at(),
                        p.channel(), p.messageTs()));
                if (reply != null) {
                    tell(p, reply);
                }
            });
            return ctx.ack();
        });
    }

    /** A button that is one action on the alert, nothing to ask first. */
    private void simple(String actionId, Permission needs, Kind kind, Duration snooze) {
        app.blockAction(actionId, (req, ctx) -> {
            Press p = Press.of(req.getPayload(), clock);
            later(p, needs, () -> act(p, new AlertBook.Action(p.value(), kind, p.user(), p.at(), null, null, snooze)));
            return ctx.ack();
        });
    }

    /** What to do once Slack has its answer: the role check first; a refusal is told to the presser only. */
    private void later(Press p, Permission needs, Work then) {
        checked(p, needs, false, then);
    }

    /**
     * A button that opens a modal: {@code views.open} must come within 3 seconds of the press, so no call to Slack
     * comes before it. The role check here uses only what is known (user ids, group members already fetched);
     * the submission is checked in full.
     */
    private void modal(Press p, Permission needs, Work open) {
        checked(p, needs, true, open);
    }

    private void checked(Press p, Permission needs, boolean withoutSlack, Work then) {
        submit(() -> {
            try {
                String refusal = withoutSlack ? roles.knownRefusal(p.user(), needs) : roles.refusal(p.user(), needs);
                if (refusal != null) {
                    LOG.info("Slack: {} may not {} ({})", p.user(), needs, p.value());
                    tell(p, refusal);
                    return;
                }
                then.run();
            } catch (Exception e) {
                LOG.warn("Slack button '{}' by {} failed: {}", p.actionId(), p.user(), e.toString());
                tell(p, "That did not work (" + e.getClass().getSimpleName() + "); try again in a moment.");
            }
        });
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private void act(Press p, AlertBook.Action action) {
        AlertBook.Acted acted = actions.act(action);
        if (acted.refusal() != null) {
            // the refusal may quote the button's value: escaped, it cannot ping or link
            tell(p, "Not done: " + SlackText.mrkdwn(acted.refusal(), 300) + ".");
        } else {
            LOG.info("alert {}: {} by {}", action.alertId(), action.kind(), action.user());
        }
    }

    /** The statement people see now: the one a person approved or edited, else the recommended one. */
    private String currentStatement(String alertId) {
        Alert shown = deliveries.find(alertId).map(Delivery::lastSent).orElse(null);
        if (shown == null) {
            return null;
        }
        if (shown.handled().statement() != null) {
            return shown.handled().statement();
        }
        return shown.statement() == null ? null : shown.statement().text();
    }

    private void openView(Press p, ObjectNode view) throws IOException, SlackApiException {
        var r = methods.viewsOpen(q -> q.triggerId(p.triggerId()).viewAsString(view.toString()));
        if (!r.isOk()) {
            LOG.warn("views.open for {}: {}", p.value(), r.getError());
            tell(p, "The form did not open (" + r.getError() + "); press the button again.");
        }
    }

    ObjectNode resolveView(Press p) {
        ObjectNode element = JSON.createObjectNode().put("type", "plain_text_input").put("action_id", "text")
                .put("max_length", REASON_CHARS);
        element.set("placeholder", plain("Why it is over (optional)"));
        ObjectNode input = JSON.createObjectNode().put("type", "input").put("block_id", "reason").put("optional", true);
        input.set("label", plain("Reason"));
        input.set("element", element);
        return view(RESOLVE_VIEW, "Resolve alert", "Resolve", p, input);
    }

    ObjectNode editView(Press p, String current) {
        ObjectNode element = JSON.createObjectNode().put("type", "plain_text_input").put("action_id", "text")
                .put("multiline", true).put("max_length", STATEMENT_CHARS);
        if (current != null && !current.isBlank()) {
            element.put("initial_value", SlackText.lines(current, STATEMENT_CHARS));
        }
        ObjectNode input = JSON.createObjectNode().put("type", "input").put("block_id", "statement");
        input.set("label", plain("Holding statement"));
        input.set("element", element);
        input.set("hint", plain("What you submit is stored as the approved statement and shown in the alert."));
        return view(EDIT_VIEW, "Edit statement", "Approve", p, input);
    }

    private static ObjectNode view(String callbackId, String title, String submit, Press p, ObjectNode input) {
        ObjectNode view = JSON.createObjectNode().put("type", "modal").put("callback_id", callbackId)
                // the alert and the channel to answer in come back with the submission
                .put("private_metadata", p.value() + "|" + (p.channel() == null ? "" : p.channel()));
        view.set("title", plain(title));
        view.set("submit", plain(submit));
        view.set("close", plain("Cancel"));
        view.putArray("blocks").add(input);
        return view;
    }

    /**
     * Opens (or links) the alert's incident channel: {@code conversations.create}, the responders from
     * {@code config/roles.yaml} and the presser invited, the alert message's permalink posted there. The
     * channel id is kept, so a second press links the one already open.
     */
    private void openChannel(Press p) throws IOException, SlackApiException {
        String alertId = p.value();
        var existing = channels.find(alertId);
        if (existing.isPresent()) {
            invite(existing.get(), List.of(p.user()));
            // recorded already, unless the service stopped between keeping the channel and recording it
            actions.act(new AlertBook.Action(alertId, Kind.open_channel, p.user(), p.at(), null, existing.get(), null));
            tell(p, "The incident channel for this alert is <#" + existing.get() + ">.");
            return;
        }
        String base = channelName(alertId);
        String id = null;
        for (int attempt = 1; attempt <= 5 && id == null; attempt++) {
            String name = attempt == 1 ? base : base + "-" + attempt;
            var r = methods.conversationsCreate(q -> q.name(name).isPrivate(false));
            if (r.isOk()) {
                id = r.getChannel().getId();
            } else if (!"name_taken".equals(r.getError())) {
                tell(p, "The incident channel was not created (" + r.getError() + ").");
                return;
            }
        }
        if (id == null) {
            tell(p, "The incident channel was not created: the names " + base + "… are all taken.");
            return;
        }
        channels.save(alertId, id);
        Set<String> people = new LinkedHashSet<>(roles.responders());
        people.add(p.user());
        invite(id, new ArrayList<>(people));
        String link = permalink(alertId);
        String channelId = id;
        methods.chatPostMessage(q -> q.channel(channelId).unfurlLinks(false).linkNames(false)
                .text("Incident channel for alert `" + SlackText.code(alertId) + "`, opened by " + SlackText.user(p.user())
                        + (link == null ? "." : ": <" + link + "|the alert message>")));
        // a version of the alert of its own: the message says where the channel is, and the incident's timeline has it
        act(p, new AlertBook.Action(alertId, Kind.open_channel, p.user(), p.at(), null, id, null));
        tell(p, "Incident channel opened: <#" + id + ">.");
    }

    private void invite(String channel, List<String> users) throws IOException, SlackApiException {
        var r = methods.conversationsInvite(q -> q.channel(channel).users(users));
        if (!r.isOk() && !"already_in_channel".equals(r.getError())) {
            LOG.warn("conversations.invite to {}: {}", channel, r.getError());
        }
    }

    private String permalink(String alertId) throws IOException, SlackApiException {
        Delivery.Thread home = deliveries.find(alertId).map(Delivery::home).orElse(null);
        if (home == null) {
            return null;
        }
        var r = methods.chatGetPermalink(q -> q.channel(home.channel()).messageTs(home.ts()));
        return r.isOk() ? SlackText.safeUrl(r.getPermalink()) : null;
    }

    /** {@code inc-acme-safety-20260302t0905z}: Slack's rules (lower case, digits, '-', '_', at most 80). */
    static String channelName(String alertId) {
        String name = "inc-" + CHANNEL_NAME_UNSAFE.matcher(alertId.toLowerCase(Locale.ROOT)).replaceAll("-");
        name = name.replaceAll("-{2,}", "-").replaceAll("-$", "");
        return name.length() > 74 ? name.substring(0, 74) : name;
    }

    /** A line only the presser sees. */
    private void tell(Press p, String text) {
        if (p.channel() == null || p.channel().isEmpty()) {
            LOG.info("Slack: nowhere to tell {}: {}", p.user(), text);
            return;
        }
        try {
            var r = methods.chatPostEphemeral(q -> q.channel(p.channel()).user(p.user()).text(text));
            if (!r.isOk()) {
                LOG.warn("chat.postEphemeral to {}: {}", p.user(), r.getError());
            }
        } catch (IOException | SlackApiException e) {
            LOG.warn("chat.postEphemeral to {}: {}", p.user(), e.getClass().getSimpleName());
        }
    }

    private static String input(ViewState state, String blockId) {
        if (state == null || state.getValues() == null) {
            return null;
        }
        Map<String, ViewState.Value> block = state.getValues().get(blockId);
        ViewState.Value v = block == null ? null : block.get("text");
        return v == null ? null : v.getValue();
    }

    private static ObjectNode plain(String text) {
        return JSON.createObjectNode().put("type", "plain_text").put("text", text);
    }

    /** One press, as the work after the acknowledgement needs it. */
    record Press(String actionId, String value, String user, java.time.Instant at, String channel, String messageTs,
                 String triggerId) {

        static Press of(BlockActionPayload payload, Clock clock) {
            var action = payload.getActions().get(0);
            String channel = payload.getChannel() != null ? payload.getChannel().getId()
                    : payload.getContainer() == null ? null : payload.getContainer().getChannelId();
            String ts = payload.getContainer() == null ? null : payload.getContainer().getMessageTs();
            return new Press(action.getActionId(), action.getValue(), payload.getUser().getId(), clock.instant(), channel, ts,
                    payload.getTriggerId());
        }

        /** A modal's submission: the alert and the channel came back in its private metadata. */
        static Press fromView(String user, String metadata, Clock clock) {
            String m = metadata == null ? "" : metadata;
            int bar = m.lastIndexOf('|');
            String alertId = bar < 0 ? m : m.substring(0, bar);
            String channel = bar < 0 ? null : m.substring(bar + 1);
            return new Press("view_submission", alertId, user, clock.instant(), channel == null || channel.isEmpty() ? null : channel, null, null);
        }
    }
}
