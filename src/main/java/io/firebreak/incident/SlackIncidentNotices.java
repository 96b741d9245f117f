package io.firebreak.incident;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import io.firebreak.notify.Delivery;
import io.firebreak.notify.DeliveryLog;
import io.firebreak.notify.SlackText;
import com.slack.api.model.Message;
import java.util.Map;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Incident notices as replies in the alert's Slack thread (the message the alert is followed in now, as
 * the delivery log records it), through the same Slack Web API client as the alerts. The checklist
 * has one Done button per step: {@code action_id} {@value IncidentNotices#STEP_DONE_ACTION}, value
 * {@code <incidentId>|<stepId>}. Only reads the delivery log: the alert's messages stay the notifier's. Each
 * notice is posted at most once (it carries its id in message metadata; see {@link #alreadyInThread}).
 */
public final class SlackIncidentNotices implements IncidentNotices, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SlackIncidentNotices.class);
    /** The metadata event type of every incident notice; its payload's {@code key} is the timeline entry id. */
    static final String METADATA_TYPE = "firebreak_incident_notice";
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Slack slack;
    private final MethodsClient methods;
    private final String token;
    private final DeliveryLog deliveries;

    /** @param apiUrl Web API base URL ({@code SLACK_API_URL}, a stand-in's in tests); null for slack.com */
    public SlackIncidentNotices(String token, String apiUrl, DeliveryLog deliveries) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("Slack token is empty");
        }
        SlackConfig config = new SlackConfig();
        if (apiUrl != null && !apiUrl.isBlank()) {
            config.setMethodsEndpointUrlPrefix(apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
        }
        config.setStatsEnabled(false);
        config.setPrettyResponseLoggingEnabled(false);
        config.setHttpClientCallTimeoutMillis(10_000);
        this.slack = Slack.getInstance(config);
        this.methods = slack.methods(token);
        this.token = token;
        this.deliveries = deliveries;
    }

    @Override
    public boolean post(Notice n) {
        Delivery.Thread thread = deliveries.find(n.alertId()).map(Delivery::home).orElse(null);
        if (thread == null) {
            return false; // the alert's first message is not out yet
        }
        String text = text(n);
        try {
            if (alreadyInThread(thread, n.entryId())) {
                return true; // an earlier try got through, its answer was lost
            }
            Message.Metadata metadata = new Message.Metadata(METADATA_TYPE, Map.of("key", n.entryId()));
            ChatPostMessageResponse r = methods.chatPostMessage(q -> q.channel(thread.channel()).threadTs(thread.ts())
                    .text(text).blocksAsString(blocks(n)).metadata(metadata).unfurlLinks(false).unfurlMedia(false));
            if (!r.isOk()) {
                throw new IllegalStateException("chat.postMessage: " + r.getError());
            }
            return true;
        } catch (IOException | SlackApiException e) {
            // not chained: the SDK's exception may describe the request, and the token must not travel
            throw new IllegalStateException("chat.postMessage: " + e.getClass().getSimpleName() + ": "
                    + String.valueOf(e.getMessage()).replace(token, "[token]"));
        }
    }

    /**
     * Whether the thread holds the notice already: each notice carries its timeline entry's id in message
     * metadata, and the thread is searched for it before posting, so a post whose answer was lost (a
     * timeout, a restart) is not made twice. Notices are few; one look per notice is cheap. When Slack
     * will not say (scope {@code channels:history} missing), it is posted.
     */
    private boolean alreadyInThread(Delivery.Thread thread, String key) throws IOException, SlackApiException {
        String cursor = null;
        for (int page = 0; page < 20; page++) {
            String from = cursor;
            var r = methods.conversationsReplies(q -> q.channel(thread.channel()).ts(thread.ts()).includeAllMetadata(true)
                    .limit(200).cursor(from));
            if (!r.isOk()) {
                LOG.warn("cannot look for notice '{}' in the thread ({}); posting it", key, r.getError());
                return false;
            }
            for (Message m : r.getMessages()) {
                if (m.getMetadata() != null && METADATA_TYPE.equals(m.getMetadata().getEventType())
                        && m.getMetadata().getEventPayload() != null && key.equals(m.getMetadata().getEventPayload().get("key"))) {
                    return true;
                }
            }
            cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
            if (cursor == null || cursor.isEmpty()) {
                return false;
            }
        }
        return false;
    }

    /** The notification text (what a phone shows): the first line, with the owner's mention. */
    static String text(Notice n) {
        String first = n.text().lines().findFirst().orElse("");
        return SlackText.mrkdwn(first, 300) + (n.mention() == null ? "" : " " + n.mention());
    }

    /** Block Kit: the notice, then for a checklist one section per step with its Done button. */
    static String blocks(Notice n) {
        ArrayNode blocks = JSON.createArrayNode();
        String head = n.buttons().isEmpty() ? n.text() : n.text().lines().findFirst().orElse("");
        String icon = n.buttons().isEmpty() ? (n.mention() != null ? ":alarm_clock: " : ":white_check_mark: ")
                : ":clipboard: ";
        section(blocks, icon + "*" + SlackText.mrkdwn(head, 500) + "*" + (n.mention() == null ? "" : " " + n.mention()));
        for (StepButton b : n.buttons()) {
            ObjectNode s = section(blocks, "*" + SlackText.mrkdwn(b.title(), 200) + "*\n" + b.mention()
                    + (b.dueAt() == null ? "" : " · due " + HHMM.format(b.dueAt())));
            s.put("block_id", "step-" + b.stepId());
            ObjectNode button = s.putObject("accessory").put("type", "button").put("action_id", STEP_DONE_ACTION)
                    .put("value", n.incidentId() + "|" + b.stepId());
            button.putObject("text").put("type", "plain_text").put("text", "Done");
        }
        return blocks.toString();
    }

    private static ObjectNode section(ArrayNode blocks, String mrkdwn) {
        ObjectNode s = blocks.addObject().put("type", "section");
        s.putObject("text").put("type", "mrkdwn").put("text", mrkdwn);
        return s;
    }

    @Override
    public void close() throws Exception {
        slack.close();
    }

    @Override
    public String toString() {
        return "SlackIncidentNotices[" + slack.getConfig().getMethodsEndpointUrlPrefix() + "]";
    }
}
