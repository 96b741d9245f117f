package io.firebreak.notify.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.firebreak.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may press what in Slack ({@code config/roles.yaml}): roles made of Slack user ids and user groups,
 * the roles allowed each {@link Permission}, and the responders invited to an incident channel. A
 * permission no role is given is refused to everyone: nothing is open by default.
 *
 * <pre>
 * roles:
 *   comms-lead: {users: [U012ABCDEF], groups: [S0123ABCD]}
 * permissions:
 *   acknowledge: [comms-lead]
 * responders: [U012ABCDEF]
 * </pre>
 */
public record Roles(Map<String, Role> roles, Map<Permission, List<String>> permissions, List<String> responders) {

    /** One role: people named by Slack user id, and Slack user groups whose members belong to it. */
    public record Role(String name, Set<String> users, Set<String> groups) {
        public Role {
            users = Set.copyOf(users);
            groups = Set.copyOf(groups);
        }
    }

    /** No file: nobody may do anything from Slack. */
    public static final Roles NONE = new Roles(Map.of(), Map.of(), List.of());

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern USER = Pattern.compile("[UW][A-Z0-9]{2,20}");
    private static final Pattern GROUP = Pattern.compile("S[A-Z0-9]{2,20}");
    private static final Pattern ROLE_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,40}");
    private static final Set<String> TOP_KEYS = Set.of("roles", "permissions", "responders");
    private static final Set<String> ROLE_KEYS = Set.of("users", "groups");

    public Roles {
        roles = Map.copyOf(roles);
        Map<Permission, List<String>> copy = new EnumMap<>(Permission.class);
        permissions.forEach((p, r) -> copy.put(p, List.copyOf(r)));
        permissions = copy;
        responders = List.copyOf(responders);
    }

    /** The roles allowed to do {@code p}, in the file's order; empty: nobody. */
    /** Ids still the shipped examples' ({@code U0EXAMPLE1}): no one in a real workspace has them. */
    public java.util.SortedSet<String> placeholders() {
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        for (Role r : roles.values()) {
            r.users().stream().filter(id -> id.contains("EXAMPLE")).forEach(out::add);
            r.groups().stream().filter(id -> id.contains("EXAMPLE")).forEach(out::add);
        }
        responders.stream().filter(id -> id.contains("EXAMPLE")).forEach(out::add);
        return out;
    }

    public Optional<Role> role(String name) {
        return Optional.ofNullable(roles.get(name));
    }

    public List<Role> allowed(Permission p) {
        return permissions.getOrDefault(p, List.of()).stream().map(roles::get).toList();
    }

    /** Reads and checks the file; a missing file is {@link #NONE}. */
    public static Roles load(Path file) {
        String name = "config/" + file.getFileName();
        if (!Files.exists(file)) {
            return NONE;
        }
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return NONE;
        }
        if (!root.isObject()) {
            throw new ConfigException(name + ": expected a mapping with roles, permissions, responders");
        }
        List<String> problems = new ArrayList<>();
        unknownKeys(root, TOP_KEYS, name, problems);
        Map<String, Role> roles = new LinkedHashMap<>();
        JsonNode rolesNode = root.path("roles");
        if (!rolesNode.isMissingNode() && !rolesNode.isObject()) {
            problems.add(name + ": roles: expected a mapping of role name to {users, groups}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = rolesNode.fields(); it.hasNext(); ) {
            var e = it.next();
            String where = name + ": roles." + e.getKey();
            if (!ROLE_NAME.matcher(e.getKey()).matches()) {
                problems.add(where + ": a role name is lower case letters, digits, '-' or '_'");
            }
            if (!e.getValue().isObject()) {
                problems.add(where + ": expected {users: [U...], groups: [S...]}");
                continue;
            }
            unknownKeys(e.getValue(), ROLE_KEYS, where, problems);
            List<String> users = ids(e.getValue().path("users"), USER, where + ".users", "a Slack user id (U...)", problems);
            List<String> groups = ids(e.getValue().path("groups"), GROUP, where + ".groups", "a Slack user group id (S...)",
                    problems);
            if (users.isEmpty() && groups.isEmpty()) {
                problems.add(where + ": names no users and no groups");
            }
            roles.put(e.getKey(), new Role(e.getKey(), Set.copyOf(users), Set.copyOf(groups)));
        }
        Map<Permission, List<String>> permissions = new EnumMap<>(Permission.class);
        JsonNode permsNode = root.path("permissions");
        if (!permsNode.isMissingNode() && !permsNode.isObject()) {
            problems.add(name + ": permissions: expected a mapping of permission to roles");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = permsNode.fields(); it.hasNext(); ) {
            var e = it.next();
            String where = name + ": permissions." + e.getKey();
            Permission p;
            try {
                p = Permission.valueOf(e.getKey());
            } catch (IllegalArgumentException unknown) {
                problems.add(where + ": unknown permission; allowed " + List.of(Permission.values()));
                continue;
            }
            List<String> allowed = new ArrayList<>();
            JsonNode list = e.getValue();
            if (!list.isArray()) {
                problems.add(where + ": expected a list of role names");
                continue;
            }
            for (JsonNode r : list) {
                if (!roles.containsKey(r.asText())) {
                    problems.add(where + ": no role '" + r.asText() + "' under roles");
                } else {
                    allowed.add(r.asText());
                }
            }
            permissions.put(p, allowed);
        }
        List<String> responders = ids(root.path("responders"), USER, name + ": responders", "a Slack user id (U...)", problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(String.join("\n  ", problems));
        }
        return new Roles(roles, permissions, responders);
    }

    private static List<String> ids(JsonNode list, Pattern pattern, String where, String what, List<String> problems) {
        List<String> out = new ArrayList<>();
        if (list.isMissingNode() || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            problems.add(where + ": expected a list");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            String id = list.get(i).asText();
            if (!pattern.matcher(id).matches()) {
                problems.add(where + "[" + i + "]: '" + id + "' is not " + what);
            } else {
                out.add(id);
            }
        }
        return out;
    }

    private static void unknownKeys(JsonNode node, Set<String> allowed, String where, List<String> problems) {
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!allowed.contains(key)) {
                problems.add(where + ": unknown key '" + key + "'; allowed " + allowed);
            }
        }
    }
}
