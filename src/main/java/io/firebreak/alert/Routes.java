package io.firebreak.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.firebreak.detect.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Which Slack channel an alert goes to ({@code config/routing.yaml}): the first route whose brand,
 * severity and category lists all match wins (an absent list matches anything), else the default.
 * The dispatcher asks with the highest severity an alert has reached, so an escalation moves it and a
 * de-escalation does not move it back.
 */
public final class Routes {

    /** One routing rule; empty sets match anything. */
    public record Route(Set<String> brands, Set<Severity> severities, Set<String> categories, String channel) {
        public Route {
            brands = Set.copyOf(brands);
            severities = Set.copyOf(severities);
            categories = Set.copyOf(categories);
        }

        boolean matches(String brand, String category, Severity severity) {
            return (brands.isEmpty() || brands.contains(brand))
                    && (severities.isEmpty() || severities.contains(severity))
                    && (categories.isEmpty() || categories.contains(category));
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> ROUTE_KEYS = Set.of("brand", "severity", "category", "channel");
    private static final String REPEAT_MOVED = "repeat_interval_minutes: an open alert is now refreshed by its own "
            + "lifecycle; set update-every in config/alerts.yaml instead";

    private final List<Route> routes;
    private final String defaultChannel;

    public Routes(List<Route> routes, String defaultChannel) {
        this.routes = List.copyOf(routes);
        this.defaultChannel = defaultChannel;
    }

    public static Routes load(Path file) {
        String name = file.getFileName().toString();
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot read: " + e.getMessage(), e);
        }
        // every route is checked, so a file with two mistakes is fixed in one pass, not two restarts
        List<String> problems = new ArrayList<>();
        if (root == null || !root.hasNonNull("default_channel")) {
            problems.add(name + ": default_channel is missing");
        }
        if (root != null && root.has("repeat_interval_minutes")) {
            problems.add(name + ": " + REPEAT_MOVED);
        }
        List<Route> routes = new ArrayList<>();
        JsonNode list = root == null ? MissingNode.getInstance() : root.path("routes");
        for (int i = 0; i < list.size(); i++) {
            Route route = route(list.get(i), name + ": routes[" + i + "]", problems);
            if (route != null) {
                routes.add(route);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return new Routes(routes, root.get("default_channel").asText());
    }

    /** One route, or null with its problems added. */
    private static Route route(JsonNode r, String where, List<String> problems) {
        int before = problems.size();
        for (Iterator<String> keys = r.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (key.equals("repeat_interval_minutes")) {
                problems.add(where + ": " + REPEAT_MOVED);
            } else if (!ROUTE_KEYS.contains(key)) {
                problems.add(where + ": unknown key '" + key + "'; allowed " + ROUTE_KEYS);
            }
        }
        if (!r.hasNonNull("channel")) {
            problems.add(where + ": channel is missing");
        }
        Set<Severity> severities = new HashSet<>();
        for (String s : strings(r.get("severity"))) {
            try {
                severities.add(Severity.valueOf(s));
            } catch (IllegalArgumentException e) {
                problems.add(where + ".severity: '" + s + "' is not SEV1, SEV2 or SEV3");
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new Route(Set.copyOf(strings(r.get("brand"))), severities, Set.copyOf(strings(r.get("category"))),
                r.get("channel").asText());
    }

    /** The routes in file order (the first that matches wins). */
    public List<Route> routes() {
        return routes;
    }

    public String channelFor(Alert alert) {
        return channelFor(alert.brand(), alert.category(), alert.severity());
    }

    public String channelFor(String brand, String category, Severity severity) {
        return routes.stream().filter(r -> r.matches(brand, category, severity)).map(Route::channel).findFirst()
                .orElse(defaultChannel);
    }

    /** A single value or a list. */
    private static List<String> strings(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else {
            out.add(node.asText());
        }
        return out;
    }
}
