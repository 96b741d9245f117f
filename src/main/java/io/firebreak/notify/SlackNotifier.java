package io.firebreak.notify;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.response.chat.ChatGetPermalinkResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import io.firebreak.alert.AlertChange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import com.slack.api.model.ConversationType;
import com.slack.api.model.Message;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack messages for an alert through the Web API ({@code com.slack.api} MethodsClient). The first
 * delivery posts in the routed channel and records the message at once; later deliveries update it in
 * place and reply in its thread with what changed. When an escalation routes the alert to another
 * channel, it is posted there too, linking the original thread, and the original message says where
 * it went; the end of the alert is told in every channel it was in. Failures come back typed
 * (retryable or permanent), never carrying the token.
 */
public final class SlackNotifier implements Notifier, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SlackNotifier.class);

    /** Slack error codes that a later retry can get past; every other error needs a person. */
    private static final Set<String> RETRYABLE_ERRORS =
            Set.of("ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout");

    private static final String MESSAGE_GONE = "message_not_found";
    /** The metadata event type of every message Firebreak posts; its payload's {@code key} names the message. */
    static final String METADATA_TYPE = "firebreak_message";
    /** A Web API call that takes longer has failed: Slack answers in well under a second when it is well. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final Slack slack;
    private final MethodsClient methods;
    private final String token;
    private final DeliveryLog log;
    private final Path chartsDir;
    private final ExecutorService charts = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "slack-charts");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param apiUrl    Web API base URL ({@code SLACK_API_URL}), e.g. the stand-in's; null for slack.com
     * @param log       where each alert's messages are recorded (the dispatcher's delivery log)
     * @param chartsDir where chart PNGs are kept (also when upload is not possible); null to skip charts
     */
    public SlackNotifier(String token, String apiUrl, DeliveryLog log, Path chartsDir) {
        this(token, apiUrl, log, chartsDir, CALL_TIMEOUT);
    }

    /** @param timeout how long one Web API call may take before it counts as failed (and is retried) */
    public SlackNotifier(String token, String apiUrl, DeliveryLog log, Path chartsDir, Duration timeout) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("Slack token is empty");
        }
        SlackConfig config = new SlackConfig();
        if (apiUrl != null && !apiUrl.isBlank()) {
            // the SDK appends the method name directly to this prefix
            config.setMethodsEndpointUrlPrefix(apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
        }
        config.setStatsEnabled(false);
        config.setHttpClientCallTimeoutMillis((int) timeout.toMillis());
        config.setHttpClientReadTimeoutMillis((int) timeout.toMillis());
        config.setPrettyResponseLoggingEnabled(false);
        this.slack = Slack.getInstance(config);
        this.methods = slack.methods(token);
        this.token = token;
        this.log = log;
        this.chartsDir = chartsDir;
    }

    @Override
    public void deliver(Notification n, AlertChange change) throws NotifyFailure {
        String alertId = n.alert().alertId();
        long version = n.alert().version();
        Delivery d = log.find(alertId).orElse(Delivery.none(alertId));
        Delivery.Thread here = d.threadFor(n.channel());
        if (here != null) {
            if (update(here, SlackMessage.of(n))) {
                reply(alertId, version, here, SlackMessage.threadReply(change));
                if (!n.alert().open()) {
                    // it ended: every channel it was in hears so, not only the one it moved to
                    for (Delivery.Thread other : d.threads()) {
                        if (other != here && update(other, SlackMessage.followedElsewhere(n, n.channel()))) {
                            reply(alertId, version, other, SlackMessage.threadReply(change));
                        }
                    }
                }
                return;
            }
            // someone deleted the message: the alert is still live, so it gets a new one instead of being lost
            LOG.warn("alert {}: its Slack message in {} is gone ({}); posting a new one", alertId, here.route(), MESSAGE_GONE);
            d = d.withoutThread(here.route());
            log.save(d);
        }
        Delivery.Thread previous = d.home();
        String link = previous == null ? null : permalink(previous);
        SlackMessage message = previous == null ? SlackMessage.of(n) : SlackMessage.movedHere(n, previous.route(), link);
        // its key names the alert and the channel: a post whose answer was lost is found again, not made twice
        String key = alertId + " in " + n.channel();
        Delivery.Thread thread = postOnce(alertId, key, n.channel(), null, r -> r.channel(n.channel())
                .text(message.text()).blocksAsString(message.blocksJson()));
        // recorded before anything else: from here on a retry updates this message, it never posts a second
        log.save(log.find(alertId).orElse(d).withThread(thread).sent(key));
        // the chart is rendered and uploaded beside the delivery, so the next alert does not wait for it
        charts.execute(() -> attachChart(n, thread.channel(), thread.ts()));
        for (Delivery.Thread old : d.threads()) {
            // the old channel learns where the alert went; its message stops offering buttons there
            if (update(old, SlackMessage.followedElsewhere(n, n.channel()))) {
                reply(alertId, version, old, SlackMessage.threadReply(change) + "\nNow followed in "
                        + SlackText.mrkdwn(n.channel(), 80) + ".");
            }
        }
    }

    /** Updates a message in place (doing it twice does no harm); false when it no longer exists. */
    private boolean update(Delivery.Thread t, SlackMessage message) throws NotifyFailure {
        ChatUpdateResponse updated = call("chat.update", Set.of(MESSAGE_GONE), () -> methods.chatUpdate(r -> r
                .channel(t.channel()).ts(t.ts()).text(message.text())
                .blocksAsString(message.blocksJson()).linkNames(false)));
        return updated.isOk();
    }

    /** The thread reply of one version, sent once per thread. */
    private void reply(String alertId, long version, Delivery.Thread t, String text) throws NotifyFailure {
        String key = alertId + " v" + version + " in " + t.ts();
        postOnce(alertId, key, t.route(), t, r -> r.channel(t.channel()).threadTs(t.ts()).text(text));
        log.save(log.find(alertId).orElse(Delivery.none(alertId)).sent(key));
    }

    /**
     * Posts a message at most once. The message carries its key in Slack message metadata, and the key is
     * recorded as being sent before the call: if an earlier try ended without a clear answer (a timeout, a
     * dropped connection, a crash), the channel's history (or the thread's replies) is searched for the key
     * first, and the message found is taken instead of posting another.
     *
     * @param thread the thread the message replies in, or null for a top-level message in {@code route}
     */
    private Delivery.Thread postOnce(String alertId, String key, String route, Delivery.Thread thread,
                                     java.util.function.UnaryOperator<ChatPostMessageRequest.ChatPostMessageRequestBuilder> request)
            throws NotifyFailure {
        Delivery d = log.find(alertId).orElse(Delivery.none(alertId));
        Instant since = d.sending().get(key);
        if (since != null) {
            Delivery.Thread found = lookUp(key, route, thread, since);
            if (found != null) {
                LOG.info("alert {}: '{}' was already in Slack (an earlier try's answer was lost); not posted again", alertId, key);
                return found;
            }
        } else {
            log.save(d.sending(key, Instant.now()));
        }
        Message.Metadata metadata = new Message.Metadata(METADATA_TYPE, Map.of("key", key));
        ChatPostMessageResponse posted = call("chat.postMessage", Set.of(), () -> methods.chatPostMessage(r ->
                request.apply(r).metadata(metadata).unfurlLinks(false).unfurlMedia(false).linkNames(false)));
        return new Delivery.Thread(route, posted.getChannel(), posted.getTs());
    }

    /** The message carrying {@code key}, posted since {@code since}, or null (also when Slack will not say). */
    private Delivery.Thread lookUp(String key, String route, Delivery.Thread thread, Instant since) {
        String oldest = String.valueOf(since.minusSeconds(60).getEpochSecond());
        try {
            List<Message> messages;
            String channel;
            if (thread != null) {
                channel = thread.channel();
                var r = methods.conversationsReplies(q -> q.channel(thread.channel()).ts(thread.ts()).oldest(oldest)
                        .includeAllMetadata(true).limit(200));
                messages = r.isOk() ? r.getMessages() : null;
            } else {
                channel = channelId(route);
                if (channel == null) {
                    return null;
                }
                var r = methods.conversationsHistory(q -> q.channel(channel).oldest(oldest).includeAllMetadata(true).limit(200));
                messages = r.isOk() ? r.getMessages() : null;
            }
            if (messages == null) {
                LOG.warn("cannot look for '{}' in Slack (scopes channels:history, channels:read needed); it may be posted twice", key);
                return null;
            }
            for (Message m : messages) {
                if (m.getMetadata() != null && METADATA_TYPE.equals(m.getMetadata().getEventType())
                        && m.getMetadata().getEventPayload() != null && key.equals(m.getMetadata().getEventPayload().get("key"))) {
                    return new Delivery.Thread(route, channel, m.getTs());
                }
            }
            return null;
        } catch (IOException | SlackApiException e) {
            LOG.warn("looking for '{}' in Slack failed ({}); it may be posted twice", key, e.getClass().getSimpleName());
            return null;
        }
    }

    /** A channel's id from its configured name ({@code #crisis-alerts}), or the id itself. */
    private String channelId(String route) throws IOException, SlackApiException {
        if (route.matches("[CGD][A-Z0-9]{8,}")) {
            return route;
        }
        String name = route.startsWith("#") ? route.substring(1) : route;
        String cursor = null;
        do {
            String page = cursor;
            var r = methods.conversationsList(q -> q.cursor(page).limit(200).excludeArchived(true)
                    .types(List.of(ConversationType.PUBLIC_CHANNEL, ConversationType.PRIVATE_CHANNEL)));
            if (!r.isOk()) {
                return null;
            }
            for (var c : r.getChannels()) {
                if (name.equals(c.getName())) {
                    return c.getId();
                }
            }
            cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
        } while (cursor != null && !cursor.isEmpty());
        return null;
    }

    /** A link to a message, or null when Slack will not give one (the move is still announced). */
    private String permalink(Delivery.Thread t) {
        try {
            ChatGetPermalinkResponse r = methods.chatGetPermalink(p -> p.channel(t.channel()).messageTs(t.ts()));
            return r.isOk() ? r.getPermalink() : null;
        } catch (IOException | SlackApiException e) {
            LOG.info("no permalink for the message in {}: {}", t.route(), e.getClass().getSimpleName());
            return null;
        }
    }

    @Override
    public void close() throws Exception {
        charts.shutdown();
        if (!charts.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("charts still uploading after 30 s; their PNGs stay in {}", chartsDir);
        }
        slack.close();
    }

    /** Waits for charts being rendered or uploaded (tests). */
    void awaitCharts() throws InterruptedException {
        var done = new java.util.concurrent.CountDownLatch(1);
        charts.execute(done::countDown);
        done.await(30, TimeUnit.SECONDS);
    }

    @Override
    public String toString() {
        return "SlackNotifier[" + slack.getConfig().getMethodsEndpointUrlPrefix() + "]";
    }

    /** A Web API call that may throw the SDK's exceptions. */
    private interface SlackCall<T extends SlackApiTextResponse> {
        T run() throws IOException, SlackApiException;
    }

    /** Runs a call; a Slack error in {@code tolerated} comes back as the (not ok) response instead of a failure. */
    private <T extends SlackApiTextResponse> T call(String method, Set<String> tolerated, SlackCall<T> call)
            throws NotifyFailure {
        T response;
        try {
            response = call.run();
        } catch (SlackApiException e) {
            int status = e.getResponse().code();
            if (status == 429) {
                Duration wait = retryAfter(e.getResponse().header("Retry-After"));
                throw new NotifyFailure.Retryable(method + ": rate limited (HTTP 429, Retry-After " + wait + ")", wait, null);
            }
            if (status >= 500 || status == 408) {
                throw new NotifyFailure.Retryable(method + ": HTTP " + status, null, null);
            }
            throw new NotifyFailure.Permanent(method + ": HTTP " + status, null);
        } catch (IOException e) {
            // exceptions are not chained: the SDK's may describe the request, and the token must not travel
            throw new NotifyFailure.Retryable(method + ": " + e.getClass().getSimpleName() + ": " + redact(e.getMessage()), null, null);
        }
        if (!response.isOk() && !tolerated.contains(response.getError())) {
            String error = response.getError();
            if (RETRYABLE_ERRORS.contains(error)) {
                throw new NotifyFailure.Retryable(method + ": " + error, null, null);
            }
            throw new NotifyFailure.Permanent(method + ": " + error, null);
        }
        return response;
    }

    /**
     * Renders the chart, keeps it under the data directory and uploads it into the alert's thread.
     * Best effort: the alert itself is already delivered, so a failed chart is logged, not retried;
     * an endpoint without files.* (some stand-ins) is reported once per alert and the PNG stays on disk.
     */
    private void attachChart(Notification n, String channel, String ts) {
        if (chartsDir == null) {
            return;
        }
        String alertId = n.alert().alertId();
        byte[] png;
        Path file = chartsDir.resolve(alertId.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
        try {
            png = AlertChart.png(n);
            Files.createDirectories(chartsDir);
            Files.write(file, png);
        } catch (IOException | RuntimeException | InternalError | LinkageError e) {
            LOG.warn("alert {}: chart not rendered: {}", alertId, redact(e.getMessage()));
            return;
        }
        try {
            FilesUploadV2Response uploaded = methods.filesUploadV2(r -> r
                    .channel(channel).threadTs(ts).fileData(png)
                    .filename("firebreak-" + file.getFileName()).title("Mentions vs baseline"));
            if (!uploaded.isOk()) {
                LOG.warn("alert {}: chart not uploaded ({}); PNG kept at {}", alertId, uploaded.getError(), file);
            }
        } catch (SlackFilesUploadV2Exception e) {
            // the SDK wraps the first step's refusal (e.g. unknown_method on a stand-in without files.*)
            String error = e.getGetURLResponses() == null ? null : e.getGetURLResponses().stream()
                    .filter(r -> !r.isOk()).map(r -> r.getError()).findFirst().orElse(null);
            LOG.warn("alert {}: chart not uploaded ({}); PNG kept at {}", alertId,
                    error != null ? error : e.getClass().getSimpleName(), file);
        } catch (IOException | SlackApiException e) {
            LOG.warn("alert {}: chart not uploaded ({}); PNG kept at {}", alertId, e.getClass().getSimpleName(), file);
        }
    }

    private String redact(String text) {
        return text == null ? "" : text.replace(token, "[token]");
    }

    private static Duration retryAfter(String header) {
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(header == null ? "" : header.trim())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }
}
