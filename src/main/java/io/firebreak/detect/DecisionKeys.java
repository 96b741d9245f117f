package io.firebreak.detect;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;

/**
 * What each key of the {@code decisions:} entry of thresholds.yaml accepts, checked key by key before the
 * entry is read into {@link Decisions}: every unknown key and out-of-range value is named at its own line,
 * so a reload refuses {@code calm.max-z: -1} with a reason instead of quietly using the default.
 */
final class DecisionKeys {

    private enum Kind { NUMBER, WHOLE, BOOLEAN }

    private record Key(Kind kind, DoublePredicate ok, String range) {
        static Key number(DoublePredicate ok, String range) {
            return new Key(Kind.NUMBER, ok, range);
        }

        static Key whole() {
            return new Key(Kind.WHOLE, v -> v > 0, "at least 1");
        }

        static Key bool() {
            return new Key(Kind.BOOLEAN, v -> true, "");
        }
    }

    private static final Key ABOVE_ZERO = Key.number(v -> v > 0, "above 0");
    private static final Key SHARE = Key.number(v -> v > 0 && v < 1, "a share between 0 and 1 (both excluded)");

    /** Group, then key; a key of its own (merge-other) is a group of one, under the name "". */
    private static final Map<String, Map<String, Key>> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("calm", Map.of("max-ratio", ABOVE_ZERO, "max-z", ABOVE_ZERO));
        KEYS.put("early-looks", Map.of("min-negatives", Key.whole(),
                "growth", Key.number(v -> v > 1, "above 1 (each look needs a larger wave)"), "reset-below", SHARE));
        KEYS.put("notable", Map.of("followers", Key.whole(), "shares", Key.whole(), "keywords", Key.bool(),
                "per-minute", Key.whole()));
        KEYS.put("category", Map.of("clear-share",
                Key.number(v -> v > 0 && v <= 1, "a share above 0 and at most 1")));
        KEYS.put("merge-other", Map.of("", Key.bool()));
    }

    private DecisionKeys() {}

    /** Adds a problem for each key of {@code decisions} (the entry's value) that is unknown or out of range. */
    static void check(JsonNode decisions, Path file, List<RuleBook.Problem> problems) {
        YamlLines lines = YamlLines.of(file);
        String top = RuleBook.DECISIONS;
        if (decisions == null || decisions.isNull()) {
            return;
        }
        if (!decisions.isObject()) {
            problems.add(new RuleBook.Problem(file, lines.line(top), top + ": expected a map of decisions (" + known(KEYS) + ")"));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = decisions.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> group = it.next();
            String name = group.getKey();
            Map<String, Key> keys = KEYS.get(name);
            int line = lines.line(top, name);
            if (keys == null) {
                problems.add(new RuleBook.Problem(file, line, top + "." + name + ": unknown key (known: " + known(KEYS) + ")"));
            } else if (keys.containsKey("")) {
                value(group.getValue(), keys.get(""), top + "." + name, file, line, problems);
            } else if (!group.getValue().isObject()) {
                problems.add(new RuleBook.Problem(file, line, top + "." + name + ": expected a map (" + known(keys) + ")"));
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> kv = group.getValue().fields(); kv.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = kv.next();
                    String where = top + "." + name + "." + e.getKey();
                    int at = lines.line(top, name, e.getKey());
                    Key key = keys.get(e.getKey());
                    if (key == null) {
                        problems.add(new RuleBook.Problem(file, at, where + ": unknown key (known: " + known(keys) + ")"));
                    } else {
                        value(e.getValue(), key, where, file, at, problems);
                    }
                }
            }
        }
    }

    private static void value(JsonNode v, Key key, String where, Path file, int line, List<RuleBook.Problem> problems) {
        String found = v.isValueNode() ? v.asText() : "a map or list";
        String wrong = switch (key.kind()) {
            case BOOLEAN -> v.isBoolean() ? null : "expected true or false, found '" + found + "'";
            case WHOLE -> v.isIntegralNumber() ? null : "expected a whole number, found '" + found + "'";
            case NUMBER -> v.isNumber() ? null : "expected a number, found '" + found + "'";
        };
        if (wrong == null && key.kind() != Kind.BOOLEAN && !key.ok().test(v.asDouble())) {
            wrong = "must be " + key.range() + ", found " + found;
        }
        if (wrong != null) {
            problems.add(new RuleBook.Problem(file, line, where + ": " + wrong));
        }
    }

    private static String known(Map<String, ?> keys) {
        return String.join(", ", new java.util.TreeSet<>(keys.keySet()));
    }
}
