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
 * to copy, the checklist and action buttons whose value is the alert id.
 *
 * <p>Public text (handles, quotes, terms) and the statement that embeds public words go into
 * {@code rich_text} blocks as {@code text} elements, which Slack shows as written: no mrkdwn, no
 * mentions, no links; each carries {@code style.unlink} so no client turns a bare URL into a link.
 * A post's URL becomes a {@code link} element only once {@link SlackText#safeUrl} accepted it.
 * Firebreak's own labels and figures stay in mrkdwn.
 *
 * @param text   the notification fallback (push notifications, screen readers); Slack interprets it,
 *               so it holds no public text
 * @param blocks the blocks as a JSON array
 */
public record SlackMessage(String text, ArrayNode blocks) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int POST_CHARS = 280;
    private static final int HANDLE_CHARS = 60;
    private static final int TERM_CHARS = 40;
    private static final int MAX_POSTS = 5;
    private static final int MAX_TERMS = 10;
    /** Slack refuses a section over 3000 characters; a refused message would be a lost alert. */
    static final int SECTION_CHARS = 3000;
    /**
     * Slack documents no character limit for a rich_text block, but refuses a message whose blocks
     * are too long in total ({@code msg_blocks_too_long}); each rich_text block keeps to the section
     * budget so the whole message stays well under that.
     */
    static final int RICH_TEXT_CHARS = SECTION_CHARS;
    private static final int STATEMENT_CHARS = 2800;

    /** The buttons' action ids: what {@code io.firebreak.notify.slack.SlackInteractions} dispatches on. */
    public static final String ACKNOWLEDGE = "firebreak_acknowledge";
    public static final String ESCALATE = "firebreak_escalate";
    public static final String SNOOZE_1H = "firebreak_snooze_1h";
    public static final String SNOOZE_4H = "firebreak_snooze_4h";
    public static final String RESOLVE = "firebreak_resolve";
    public static final String APPROVE_STATEMENT = "firebreak_approve_statement";
    public static final String EDIT_STATEMENT = "firebreak_edit_statement";
    public static final String OPEN_CHANNEL = "firebreak_open_channel";

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
        return of(n, "Now followed in " + SlackText.mrkdwn(channel, 80), false);
    }

    /** The first message in the channel an escalation routed the alert to, linking where it started. */
    public static SlackMessage movedHere(Notification n, String fromChannel, String link) {
        String from = SlackText.mrkdwn(fromChannel, 80);
        String url = SlackText.safeUrl(link);
        return of(n, "Escalated here from " + from + (url == null ? "" : ": <" + url + "|original thread>"), true);
    }

    private static SlackMessage of(Notification n, String placement, boolean withButtons) {
        Alert a = n.alert();
        Evidence e = a.evidence();
        ArrayNode blocks = JSON.createArrayNode();

        blocks.add(header(headline(a, n.brandName())));
        ArrayNode fields = JSON.createArrayNode();
        fields.add(mrkdwn("*Status*\n" + a.status()));
        fields.add(mrkdwn("*Rule*\n" + SlackText.mrkdwn(a.rule(), 80)));
        if (e != null) {
            fields.add(mrkdwn("*Mentions (" + SlackText.mrkdwn(e.window(), 20) + ")*\n"
                    + e.count() + " vs baseline " + Figures.decimal(e.baseline())));
            fields.add(mrkdwn("*Ratio to baseline*\n" + Figures.ratio(e.ratio())));
            fields.add(mrkdwn("*Negative share*\n" + Figures.percent(e.negativeShare()) + " (" + e.negativeCount() + ")"));
            fields.add(mrkdwn("*Reach*\n" + Figures.count(e.reach())));
        }
        blocks.add(JSON.createObjectNode().put("type", "section").set("fields", fields));

        if (e != null) {
            String terms = e.topTerms().stream().limit(MAX_TERMS).map(t -> SlackText.line(t, TERM_CHARS))
                    .filter(t -> !t.isEmpty()).collect(Collectors.joining(", "));
            if (!terms.isEmpty()) {
                blocks.add(richText(section(bold("Top terms"), text(": "), publicText(terms))));
            }
        }
        if (!n.topPosts().isEmpty()) {
            blocks.add(topPosts(n.topPosts()));
        }
        Alert.Handling h = a.handled();
        boolean approved = h.statement() != null && !h.statement().isBlank();
        String statementText = approved ? h.statement() : a.statement() == null ? null : a.statement().text();
        if (statementText != null) {
            String statement = SlackText.lines(statementText, STATEMENT_CHARS);
            if (!statement.isEmpty()) {
                String template = a.statement() == null ? "" : SlackText.line(a.statement().template(), 80);
                ObjectNode label;
                if (approved) {
                    label = section(bold(h.statementEdited() ? "Edited holding statement" : "Approved holding statement"),
                            text(": ready to post"));
                } else if (template.isEmpty()) {
                    label = section(bold("Recommended holding statement"), text(": check the facts, then copy and post"));
                } else {
                    label = section(bold("Recommended holding statement"), text(" ("), code(template),
                            text("): check the facts, then copy and post"));
                }
                blocks.add(richText(label, preformatted(publicText(statement))));
                if (approved) {
                    blocks.add(context((h.statementEdited() ? "Edited and approved by " : "Approved by ")
                            + SlackText.user(h.statementBy()) + (h.statementAt() == null ? "" : " at " + date(h.statementAt()))));
                }
                if (a.status() != Status.resolved && withButtons) {
                    List<Action> statementActions = approved
                            ? List.of(new Action(EDIT_STATEMENT, "Edit statement", null))
                            : List.of(new Action(APPROVE_STATEMENT, "Approve statement", "primary"),
                                    new Action(EDIT_STATEMENT, "Edit statement", null));
                    blocks.add(actions("firebreak_statement_actions", statementActions, a.alertId()));
                }
            }
        }
        if (n.checklist() != null) {
            blocks.add(mrkdwnSection("*Do*\n" + bullets(n.checklist().dos()) + "\n*Don't*\n" + bullets(n.checklist().donts())));
        }
        String handling = handlingLines(a);
        if (!handling.isEmpty()) {
            blocks.add(mrkdwnSection(handling));
        }
        if (a.status() != Status.resolved && withButtons) {
            blocks.add(actions("firebreak_alert_actions", alertActions(a), a.alertId()));
        }
        ArrayNode context = JSON.createArrayNode();
        context.add(mrkdwn(contextLine(a)));
        if (placement != null) {
            context.add(mrkdwn(placement));
        }
        blocks.add(JSON.createObjectNode().put("type", "context").set("elements", context));

        String fallback = a.severity() + " " + SlackText.mrkdwn(a.category(), 40) + " alert for "
                + SlackText.mrkdwn(n.brandName(), 80)
                + (a.status() == Status.resolved ? " (resolved)" : "")
                + (e == null ? "" : ": " + e.count() + " mentions vs baseline " + Figures.decimal(e.baseline())
                        + " (" + Figures.ratio(e.ratio()) + ")");
        return new SlackMessage(fallback, blocks);
    }

    /**
     * The buttons an open alert offers now: no Acknowledge once acknowledged, no Escalate at SEV1, no Snooze
     * while a snooze runs (as of the version's time).
     */
    static List<Action> alertActions(Alert a) {
        Alert.Handling h = a.handled();
        List<Action> out = new java.util.ArrayList<>();
        if (h.acknowledgedBy() == null) {
            out.add(new Action(ACKNOWLEDGE, "Acknowledge", "primary"));
        }
        if (a.severity() != io.firebreak.detect.Severity.SEV1) {
            out.add(new Action(ESCALATE, "Escalate", "danger"));
        }
        if (a.updatedAt() == null || !h.snoozedAt(a.updatedAt())) {
            out.add(new Action(SNOOZE_1H, "Snooze 1 h", null));
            out.add(new Action(SNOOZE_4H, "Snooze 4 h", null));
        }
        out.add(new Action(RESOLVE, "Resolve", null));
        out.add(new Action(OPEN_CHANNEL, "Open incident channel", null));
        return out;
    }

    /** Who did what with the alert, each with when; people appear as Slack mentions, their words escaped. */
    static String handlingLines(Alert a) {
        Alert.Handling h = a.handled();
        List<String> lines = new java.util.ArrayList<>();
        if (h.acknowledgedBy() != null) {
            lines.add("Acknowledged by " + SlackText.user(h.acknowledgedBy())
                    + (h.acknowledgedAt() == null ? "" : " at " + date(h.acknowledgedAt())));
        }
        if (h.escalatedBy() != null) {
            lines.add("Escalated by hand by " + SlackText.user(h.escalatedBy())
                    + (h.escalatedAt() == null ? "" : " at " + date(h.escalatedAt())));
        }
        if (h.channel() != null) {
            lines.add("Incident channel " + SlackText.channel(h.channel()) + " opened by " + SlackText.user(h.channelBy())
                    + (h.channelAt() == null ? "" : " at " + date(h.channelAt())));
        }
        if (h.snoozedUntil() != null && a.open()) {
            lines.add("Snoozed by " + SlackText.user(h.snoozedBy()) + " until " + date(h.snoozedUntil())
                    + ": updates held back unless the wave grows a tier");
        }
        if (h.resolvedBy() != null) {
            lines.add("Resolved by " + SlackText.user(h.resolvedBy())
                    + (a.resolvedAt() == null ? "" : " at " + date(a.resolvedAt()))
                    + (h.reason() == null || h.reason().isBlank() ? "" : ": " + SlackText.mrkdwn(h.reason(), 500)));
        }
        return String.join("\n", lines);
    }

    private static ObjectNode actions(String blockId, List<Action> actions, String alertId) {
        ArrayNode buttons = JSON.createArrayNode();
        for (Action action : actions) {
            ObjectNode button = JSON.createObjectNode().put("type", "button").put("action_id", action.id());
            button.set("text", plain(action.label()));
            button.put("value", alertId);
            if (action.style() != null) {
                button.put("style", action.style());
            }
            buttons.add(button);
        }
        return JSON.createObjectNode().put("type", "actions").put("block_id", blockId).set("elements", buttons);
    }

    private static ObjectNode context(String mrkdwnText) {
        ArrayNode elements = JSON.createArrayNode();
        elements.add(mrkdwn(mrkdwnText));
        return JSON.createObjectNode().put("type", "context").set("elements", elements);
    }

    /** The thread reply saying what changed since the last delivered version (Firebreak's own words). */
    public static String threadReply(AlertChange change) {
        return "*Update:* " + String.join("; ", change.lines().stream().map(l -> SlackText.mrkdwn(l, 200)).toList());
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

    /**
     * One rich_text block: per post a line with the author (linked when the URL is safe) and the
     * figures, then the post itself as a quote. Whole posts only, so the block stays in its budget.
     */
    private static ObjectNode topPosts(List<TopPost> posts) {
        ArrayNode elements = JSON.createArrayNode();
        elements.add(section(bold("Top posts")));
        int chars = "Top posts".length();
        for (TopPost p : posts.subList(0, Math.min(MAX_POSTS, posts.size()))) {
            String handle = SlackText.line(SlackText.clean(p.authorHandle()).replaceFirst("^\\s*@+", ""), HANDLE_CHARS);
            String url = SlackText.safeUrl(p.url());
            ObjectNode who;
            if (url != null) {
                who = link(url, handle.isEmpty() ? "post" : "@" + handle);
            } else {
                who = handle.isEmpty() ? text("post") : publicText("@" + handle);
            }
            String figures = " · " + Figures.counted(p.followers(), "follower") + ", " + Figures.counted(p.shares(), "share");
            String quote = SlackText.lines(p.text(), POST_CHARS);
            ObjectNode said = quote.isEmpty() ? text("(no text)") : publicText(quote);
            int size = who.path("text").asText().length() + figures.length() + said.path("text").asText().length();
            if (chars + size > RICH_TEXT_CHARS) {
                break;
            }
            chars += size;
            elements.add(section(who, text(figures)));
            elements.add(quote(said));
        }
        return JSON.createObjectNode().put("type", "rich_text").set("elements", elements);
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
        return items.stream().limit(4).map(i -> "• " + SlackText.mrkdwn(i, 300)).collect(Collectors.joining("\n"));
    }

    private static ObjectNode header(String text) {
        return JSON.createObjectNode().put("type", "header").set("text", plain(text));
    }

    private static ObjectNode mrkdwnSection(String mrkdwn) {
        return JSON.createObjectNode().put("type", "section").set("text", mrkdwn(mrkdwn));
    }

    private static ObjectNode mrkdwn(String text) {
        return JSON.createObjectNode().put("type", "mrkdwn").put("text", text);
    }

    private static JsonNode plain(String text) {
        return JSON.createObjectNode().put("type", "plain_text").put("text", text).put("emoji", true);
    }

    private static ObjectNode richText(ObjectNode... elements) {
        return JSON.createObjectNode().put("type", "rich_text").set("elements", array(elements));
    }

    private static ObjectNode section(ObjectNode... elements) {
        return container("rich_text_section", elements);
    }

    private static ObjectNode quote(ObjectNode... elements) {
        return container("rich_text_quote", elements);
    }

    private static ObjectNode preformatted(ObjectNode... elements) {
        return container("rich_text_preformatted", elements);
    }

    private static ObjectNode container(String type, ObjectNode... elements) {
        return JSON.createObjectNode().put("type", type).set("elements", array(elements));
    }

    private static ArrayNode array(ObjectNode... elements) {
        ArrayNode array = JSON.createArrayNode();
        for (ObjectNode element : elements) {
            array.add(element);
        }
        return array;
    }

    /** Firebreak's own words in a rich_text block. */
    private static ObjectNode text(String text) {
        return JSON.createObjectNode().put("type", "text").put("text", text);
    }

    private static ObjectNode bold(String text) {
        ObjectNode node = text(text);
        node.putObject("style").put("bold", true);
        return node;
    }

    private static ObjectNode code(String text) {
        ObjectNode node = text(text);
        node.putObject("style").put("code", true);
        return node;
    }

    /** Words the public wrote, shown as written; {@code unlink} keeps a URL among them plain text. */
    private static ObjectNode publicText(String text) {
        ObjectNode node = text(text);
        node.putObject("style").put("unlink", true);
        return node;
    }

    /** A link to a URL {@link SlackText#safeUrl} accepted; its label is shown as written. */
    private static ObjectNode link(String safeUrl, String label) {
        return JSON.createObjectNode().put("type", "link").put("url", safeUrl).put("text", label);
    }
}
