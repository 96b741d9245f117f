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
        String what = p.name().replace('_', ' ');
        if (allowed.isEmpty()) {
            return "Nobody may " + what + " from Slack: no role has it in config/roles.yaml.";
        }
        return "You may not " + what + " this alert: that needs the role "
                + allowed.stream().map(r -> "`" + r.name() + "`").collect(Collectors.joining(" or ")) + ".";
    }

    public List<String> responders() {
        return roles.responders();
    }
}
