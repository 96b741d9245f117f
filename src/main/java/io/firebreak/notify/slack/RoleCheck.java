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
        return refusal(user, p, false);
    }

    /**
     * The refusal as far as it is known without asking Slack: null also when only a call to Slack could tell
     * (a user group whose members are not known yet). For a button that opens a modal: its trigger expires
     * 3 seconds after the press, so the full check waits for the modal's submission.
     */
    public String knownRefusal(String user, Permission p) {
        return refusal(user, p, true);
    }

    private String refusal(String user, Permission p, boolean withoutSlack) {
        List<Roles.Role> allowed = roles.allowed(p);
        for (Roles.Role role : allowed) {
            if (role.users().contains(user)) {
                return null;
            }
        }
        for (Roles.Role role : allowed) {
            for (String group : role.groups()) {
                Boolean known = withoutSlack ? groups.knownToContain(group, user) : (Boolean) groups.contains(group, user);
                if (known == null || known) {
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
            case step_done_any -> "mark a step of another role done";
        };
        if (allowed.isEmpty()) {
            return "Nobody may " + what + " from Slack: no role has `" + p + "` in config/roles.yaml.";
        }
        return "You may not " + what + ": that needs the role "
                + allowed.stream().map(r -> "`" + r.name() + "`").collect(Collectors.joining(" or ")) + ".";
    }

    /**
     * Null when {@code user} may mark done a playbook step that role {@code owner} owns: a member of that role,
     * or of a role with {@code step_done_any} (the comms lead, who may close what others could not); otherwise
     * the sentence to tell them.
     */
    public String stepRefusal(String user, String owner) {
        Roles.Role role = owner == null ? null : roles.role(owner).orElse(null);
        if (role != null && (role.users().contains(user) || role.groups().stream().anyMatch(g -> groups.contains(g, user)))) {
            return null;
        }
        if (refusal(user, Permission.step_done_any) == null) {
            return null;
        }
        List<Roles.Role> any = roles.allowed(Permission.step_done_any);
        return "You may not mark this step done: it is `" + owner + "`'s" + (any.isEmpty() ? "" : " (or "
                + any.stream().map(r -> "`" + r.name() + "`").collect(Collectors.joining(" or ")) + "'s, who may mark any step)")
                + ".";
    }

    public List<String> responders() {
        return roles.responders();
    }
}
