package io.firebreak.incident;

/**
 * How a role is named in a notice: in Slack its user group or users ({@code <!subteam^S123>}), from
 * {@code config/roles.yaml}, injected where the service is wired; by default {@code @role}.
 */
@FunctionalInterface
public interface RoleMentions {

    RoleMentions PLAIN = role -> "@" + role;

    /** The text that names {@code role}'s people: Slack markup, not escaped again by the notice. */
    String mention(String role);
}
