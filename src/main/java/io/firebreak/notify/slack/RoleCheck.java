package io.firebreak.notify.slack;

import java.util.List;
import java.util.stream.Collectors;

/** Whether a Slack user may do something, by {@link Roles}; a refusal says which role is needed. */
public final class RoleCheck {

    private final Roles roles;
    private final GroupMembers groups;

    public RoleCheck(Roles roles, GroupMembers groups) {
        this.roles = roles;
        this.groups = groups;
    }

    /** Null when {@code user} may do {@code p}; otherwise the sentence to tell them. */
    public String refusal(String user, Permission p) {
        List<Roles.Role> allowed = roles.allowed(p);
        for (Roles.Role role : allowed) {
            if (role.users().contains(user)) {
                return null;
            }
        }
        for (Roles.Role role : allowed) {
            for (String group : role.groups()) {
                if (groups.contains(group, user)) {
                    return null;
                }
            }
        }
        String what = switch (p) {
            case acknowledge, escalate, snooze, resolve -> p.name() + " this alert";
            case approve_statement -> "approve this statement";
            case edit_statement -> "edit this statement";
            case open_channel -> "open an incident channel";
            case step_done -> "mark this step done";
        };
        if (allowed.isEmpty()) {
            return "Nobody may " + what + " from Slack: no role has `" + p + "` in config/roles.yaml.";
        }
        return "You may not " + what + ": that needs the role "
                + allowed.stream().map(r -> "`" + r.name() + "`").collect(Collectors.joining(" or ")) + ".";
    }

    public List<String> responders() {
        return roles.responders();
    }
}
