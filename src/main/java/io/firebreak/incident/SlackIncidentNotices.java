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
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Incident notices as replies in the alert's Slack thread (the message the alert is followed in now, as
 * the delivery log records it), through the same Slack Web API client as the alerts. The checklist
 * has one Done button per step: {@code action_id} {@value IncidentNotices#STEP_DONE_ACTION}, value
 * {@code <incidentId>|<stepId>}. Only reads the delivery log: the alert's messages stay the notifier's.
 */
public final class SlackIncidentNotices implements IncidentNotices, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
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
            ChatPostMessageResponse r = methods.chatPostMessage(q -> q.channel(thread.channel()).threadTs(thread.ts())
                    .text(text).blocksAsString(blocks(n)).unfurlLinks(false).unfurlMedia(false));
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
