package io.firebreak.notify.slack;

import java.time.Instant;

/**
 * A button pressed in Slack, as a registered {@link InteractionHandler} gets it.
 *
 * @param actionId  the button's {@code action_id} (e.g. {@code step_done})
 * @param value     the button's {@code value} as Slack sent it (e.g. {@code <incidentId>|<stepId>}): check it
 * @param user      the Slack user id of who pressed it
 * @param at        when, on Firebreak's clock
 * @param channel   the channel id of the message the button is in (null outside a message)
 * @param messageTs the message's ts (null outside a message)
 */
public record Interaction(String actionId, String value, String user, Instant at, String channel, String messageTs) {}
