package io.firebreak.notify.slack;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Buttons other packages answer, by {@code action_id}. The incident package registers its playbook
 * step button at wiring time:
 * <pre>
 * interactions.handlers().register("step_done", i -> incidents.stepDone(i.value(), i.user(), i.at()));
 * </pre>
 * Each handler is guarded by a {@link Permission}: {@code step_done} by the permission of that name.
 * A press whose action id nobody registered is acknowledged and the person told it is not available.
 */
public final class InteractionHandlers {

    private static final Pattern ACTION_ID = Pattern.compile("[a-z][a-z0-9_]{0,60}");

    /** A handler and the permission a person needs for it. */
    record Registered(Permission needs, InteractionHandler handler) {}

    private final Map<String, Registered> handlers = new ConcurrentHashMap<>();

    /** Registers {@code handler} for an action id that is also a permission's name ({@code step_done}). */
    public void register(String actionId, InteractionHandler handler) {
        Permission p;
        try {
            p = Permission.valueOf(actionId);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("no permission is named '" + actionId
                    + "': register it with the permission it needs", e);
        }
        register(actionId, p, handler);
    }

    public void register(String actionId, Permission needs, InteractionHandler handler) {
        if (!ACTION_ID.matcher(actionId).matches() || actionId.startsWith("firebreak_")) {
            throw new IllegalArgumentException("action id '" + actionId + "': lower case, digits and '_', not firebreak_*"
                    + " (those are the alert message's own)");
        }
        if (handlers.putIfAbsent(actionId, new Registered(needs, handler)) != null) {
            throw new IllegalStateException("action id '" + actionId + "' already has a handler");
        }
    }

    Optional<Registered> find(String actionId) {
        return Optional.ofNullable(handlers.get(actionId));
    }
}
