package io.firebreak.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.firebreak.alert.Alert.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which Slack channel an alert goes to ({@code config/routing.yaml}): the first route whose brand,
 * severity and category lists all match wins (an absent list matches anything), else the default.
 * Like Alertmanager's repeat_interval, a route may set how long an unchanged open alert waits
 * before it is sent again. Not an {@link AlertStage}: the Alert v1 record has no channel, so the
 * dispatcher asks per alert.
 */
public final class Routes {

    /** One routing rule; empty sets match anything; {@code repeatInterval} null uses the default. */
    public record Route(Set<String> brands, Set<Severity> severities, Set<String> categories, String channel,
            Duration repeatInterval) {
        public Route {
            brands = Set.copyOf(brands);
            severities = Set.copyOf(severities);
            categories = Set.copyOf(categories);
        }

        boolean matches(Alert alert) {
            return (brands.isEmpty() || brands.contains(alert.brand()))
                    && (severities.isEmpty() || severities.contains(alert.severity()))
                    && (categories.isEmpty() || categories.contains(alert.category()));
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> ROUTE_KEYS =
            Set.of("brand", "severity", "category", "channel", "repeat_interval_minutes");
    private static final Duration DEFAULT_REPEAT = Duration.ofHours(1);

    private final List<Route> routes;
    private final String defaultChannel;
    private final Duration defaultRepeat;

    public Routes(List<Route> routes, String defaultChannel, Duration defaultRepeat) {
        this.routes = List.copyOf(routes);
        this.defaultChannel = defaultChannel;
        this.defaultRepeat = defaultRepeat;
    }

    public static Routes load(Path file) {
        String name = file.getFileName().toString();
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.hasNonNull("default_channel")) {
            throw new IllegalArgumentException(name + ": default_channel is missing");
        }
        List<Route> routes = new ArrayList<>();
        JsonNode list = root.path("routes");
        for (int i = 0; i < list.size(); i++) {
            JsonNode r = list.get(i);
            String where = name + ": routes[" + i + "]";
            for (Iterator<String> keys = r.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!ROUTE_KEYS.contains(key)) {
                    throw new IllegalArgumentException(where + ": unknown key '" + key + "'; allowed " + ROUTE_KEYS);
                }
            }
            if (!r.hasNonNull("channel")) {
                throw new IllegalArgumentException(where + ": channel is missing");
            }
            Set<Severity> severities = new java.util.HashSet<>();
            for (String s : strings(r.get("severity"))) {
                try {
                    severities.add(Severity.valueOf(s));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ".severity: '" + s + "' is not SEV1, SEV2 or SEV3");
                }
            }
            routes.add(new Route(Set.copyOf(strings(r.get("brand"))), severities,
                    Set.copyOf(strings(r.get("category"))), r.get("channel").asText(),
                    r.has("repeat_interval_minutes") ? minutes(r.get("repeat_interval_minutes"), where) : null));
        }
        Duration repeat = root.has("repeat_interval_minutes")
                ? minutes(root.get("repeat_interval_minutes"), name) : DEFAULT_REPEAT;
        return new Routes(routes, root.get("default_channel").asText(), repeat);
    }

    public String channelFor(Alert alert) {
        return routes.stream().filter(r -> r.matches(alert)).map(Route::channel).findFirst().orElse(defaultChannel);
    }

    /** How long an unchanged open alert waits before it is sent again (the matching route's, else the default). */
    public Duration repeatIntervalFor(Alert alert) {
        return routes.stream().filter(r -> r.matches(alert)).findFirst()
                .map(Route::repeatInterval).filter(Objects::nonNull).orElse(defaultRepeat);
    }

    private static Duration minutes(JsonNode node, String where) {
        if (!node.canConvertToInt() || node.asInt() <= 0) {
            throw new IllegalArgumentException(where + ".repeat_interval_minutes: must be a positive number of minutes");
        }
        return Duration.ofMinutes(node.asInt());
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
