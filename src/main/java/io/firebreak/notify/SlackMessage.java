package io.firebreak.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firebreak.alert.Alert;
import io.firebreak.alert.Alert.Status;
import io.firebreak.detect.Evidence;
import io.firebreak.alert.AlertChange;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Block Kit message for one alert: header, numbers, top terms, top posts, the holding statement
 * in a code block to copy, the checklist and action buttons whose value is the alert id. Every piece
 * of public text goes through {@link SlackText}.
 *
 * @param text   the notification fallback (push notifications, screen readers)
 * @param blocks the blocks as a JSON array
 */
public record SlackMessage(String text, ArrayNode blocks) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int POST_CHARS = 280;
    private static final int MAX_POSTS = 5;
    private static final int MAX_TERMS = 10;
    /** Slack refuses a section over 3000 characters; a refused message would be a lost alert. */
    static final int SECTION_CHARS = 3000;
    private static final int STATEMENT_CHARS = 2800;

    /** Action ids the interaction handler (a later issue) will dispatch on. */
    static final List<Action> ACTIONS = List.of(
            new Action("firebreak_acknowledge", "Acknowledge", null),
            new Action("firebreak_escalate", "Escalate", "danger"),
            new Action("firebreak_snooze", "Snooze", null),
            new Action("firebreak_resolve", "Resolve", "primary"));

    /** A button; {@code style} null is Slack's default look. */
    record Action(String id, String label, String style) {}

    public String blocksJson() {
        return blocks.toString();
    }

    public static SlackMessage of(Notification n) {
        return of(n, null, true);
    }

    /** The message in a channel the alert has moved on from: its current state, where it is followed now, no buttons. */
    public static SlackMessage followedElsewhere(Notification n, String channel) {
        return of(n, "Now followed in " + SlackText.inline(channel, 80), false);
    }

    /** The first message in the channel an escalation routed the alert to, linking where it started. */
    public static SlackMessage movedHere(Notification n, String fromChannel, String link) {
        String from = SlackText.inline(fromChannel, 80);
        return of(n, "Escalated here from " + from + (link == null ? "" : ": " + SlackText.link(link, "original thread")), true);
    }

    private static SlackMessage of(Notification n, String placement, boolean withButtons) {
        Alert a = n.alert();
        Evidence e = a.evidence();
        String brand = SlackText.inline(n.brandName(), 80);
        ArrayNode blocks = JSON.createArrayNode();

        blocks.add(header(headline(a, n.brandName())));
        ArrayNode fields = JSON.createArrayNode();
        fields.add(mrkdwn("*Status*\n" + a.status()));
        fields.add(mrkdwn("*Rule*\n" + SlackText.inline(a.rule(), 80)));
        if (e != null) {
            fields.add(mrkdwn("*Mentions (" + SlackText.inline(e.window(), 20) + ")*\n"
                    + e.count() + " vs baseline " + Figures.decimal(e.baseline())));
            fields.add(mrkdwn("*Ratio to baseline*\n" + Figures.ratio(e.ratio())));
            fields.add(mrkdwn("*Negative share*\n" + Figures.percent(e.negativeShare()) + " (" + e.negativeCount() + ")"));
            fields.add(mrkdwn("*Reach*\n" + Figures.count(e.reach())));
        }
        blocks.add(JSON.createObjectNode().put("type", "section").set("fields", fields));

        if (e != null && !e.topTerms().isEmpty()) {
            blocks.add(section("*Top terms:* " + e.topTerms().stream().limit(MAX_TERMS)
                    .map(t -> SlackText.inline(t, 40)).collect(Collectors.joining(", "))));
        }
        if (!n.topPosts().isEmpty()) {
            StringBuilder posts = new StringBuilder("*Top posts*");
            for (TopPost p : n.topPosts().subList(0, Math.min(MAX_POSTS, n.topPosts().size()))) {
                String line = "\n• " + post(p);
                // whole lines only: a cut inside <url|label> or &amp; would show broken syntax
                if (posts.length() + line.length() > SECTION_CHARS) {
                    break;
                }
                posts.append(line);
            }
            blocks.add(section(posts.toString()));
        }
        if (a.statement() != null && a.statement().text() != null) {
            String statement = a.statement().text();
            if (statement.length() > STATEMENT_CHARS) {
                statement = statement.substring(0, STATEMENT_CHARS);
            }
            blocks.add(section("*Recommended holding statement* (`" + SlackText.code(a.statement().template())
                    + "`): check the facts, then copy and post\n```" + SlackText.code(statement) + "```"));
        }
        if (n.checklist() != null) {
            blocks.add(section("*Do*\n" + bullets(n.checklist().dos()) + "\n*Don't*\n" + bullets(n.checklist().donts())));
        }
        if (a.status() != Status.resolved && withButtons) {
            ArrayNode buttons = JSON.createArrayNode();
            for (Action action : ACTIONS) {
                ObjectNode button = JSON.createObjectNode().put("type", "button").put("action_id", action.id());
                button.set("text", plain(action.label()));
                button.put("value", a.alertId());
                if (action.style() != null) {
                    button.put("style", action.style());
                }
                buttons.add(button);
            }
            blocks.add(JSON.createObjectNode().put("type", "actions").put("block_id", "firebreak_alert_actions")
                    .set("elements", buttons));
        }
        ArrayNode context = JSON.createArrayNode();
        context.add(mrkdwn(contextLine(a)));
        if (placement != null) {
            context.add(mrkdwn(placement));
        }
        blocks.add(JSON.createObjectNode().put("type", "context").set("elements", context));

        String fallback = a.severity() + " " + SlackText.inline(a.category(), 40) + " alert for " + brand
                + (a.status() == Status.resolved ? " (resolved)" : "")
                + (e == null ? "" : ": " + e.count() + " mentions vs baseline " + Figures.decimal(e.baseline())
                        + " (" + Figures.ratio(e.ratio()) + ")");
        return new SlackMessage(fallback, blocks);
    }

    /** The thread reply saying what changed since the last delivered version. */
    public static String threadReply(AlertChange change) {
        return "*Update:* " + String.join("; ", change.lines().stream().map(l -> SlackText.inline(l, 200)).toList());
    }

    static String headline(Alert a, String brandName) {
        String icon = switch (a.severity()) {
            case SEV1 -> "🔴";
            case SEV2 -> "🟠";
            case SEV3 -> "🟡";
        };
        String prefix = a.change() == Alert.Change.withdrawn ? "↩️ WITHDRAWN · "
                : switch (a.status()) {
                    case resolved -> "✅ RESOLVED · ";
                    case escalated -> icon + " ESCALATED · ";
                    case firing -> icon + " ";
                };
        String early = a.provisional() && a.open() ? " · early warning" : "";
        // plain_text never renders mrkdwn or pings; only length needs care (150 max)
        return SlackText.oneLine(prefix + a.severity() + " · " + brandName + " · " + a.category() + early, 150);
    }

    private static String post(TopPost p) {
        String who = p.authorHandle() == null || p.authorHandle().isBlank()
                ? "post" : "@" + SlackText.inline(p.authorHandle().replaceFirst("^@+", ""), 60);
        return SlackText.link(p.url(), who) + " (" + Figures.counted(p.followers(), "follower") + ", "
                + Figures.counted(p.shares(), "share") + "): “" + SlackText.inline(p.text(), POST_CHARS) + "”";
    }

    private static String contextLine(Alert a) {
        StringBuilder s = new StringBuilder("Alert `").append(SlackText.code(a.alertId())).append("` · fired ")
                .append(date(a.firedAt()));
        if (a.updatedAt() != null) {
            s.append(" · updated ").append(date(a.updatedAt()));
        }
        if (a.resolvedAt() != null) {
            s.append(" · resolved ").append(date(a.resolvedAt()));
        }
        return s.toString();
    }

    /** Slack shows {@code <!date>} in each reader's own time zone; the fallback is UTC. */
    private static String date(java.time.Instant t) {
        return "<!date^" + t.getEpochSecond() + "^{date_short_pretty} {time}|" + Figures.time(t) + ">";
    }

    /** At most four items of 300 characters per list, so do + don't stay inside one section. */
    private static String bullets(List<String> items) {
        return items.stream().limit(4).map(i -> "• " + SlackText.inline(i, 300)).collect(Collectors.joining("\n"));
    }

    private static ObjectNode header(String text) {
        return JSON.createObjectNode().put("type", "header").set("text", plain(text));
    }

    private static ObjectNode section(String mrkdwn) {
        return JSON.createObjectNode().put("type", "section").set("text", mrkdwn(mrkdwn));
    }

    private static ObjectNode mrkdwn(String text) {
        return JSON.createObjectNode().put("type", "mrkdwn").put("text", text);
    }

    private static JsonNode plain(String text) {
        return JSON.createObjectNode().put("type", "plain_text").put("text", text).put("emoji", true);
    }
}
