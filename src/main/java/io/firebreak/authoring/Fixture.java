package io.firebreak.authoring;

import io.firebreak.alert.Alert;
import io.firebreak.detect.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One rule test file ({@code rules/tests/*.yaml}): input as per-minute series or mention files, and
 * what the alert versions must (or must not) be. Reading it reports every mistake with its line, at once.
 *
 * @param start  the event time minute 0 of every series stands for
 * @param inputs the series ({@link MinuteSeries}) and mention files, in file order
 * @param end    silences without {@code to} last until here; null: the end of the input
 */
record Fixture(Path file, String name, Instant start, List<MinuteSeries> series, List<Path> mentionFiles,
               List<Expectation> expectations, Instant end) {

    /** A Monday: a baseline's hour-of-week shape then starts where a reader expects. */
    static final Instant DEFAULT_START = Instant.parse("2026-03-02T00:00:00Z");
    static final Duration DEFAULT_WITHIN = Duration.ofMinutes(5);

    /** The fixture file has mistakes; each names its line. */
    static final class Invalid extends Exception {
        final List<String> problems;

        Invalid(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }
    }

    private static final Set<String> TOP = Set.of("name", "start", "end", "input", "expect");
    private static final Set<String> SERIES_KEYS = Set.of("series", "from", "repeat", "text", "terms", "followers", "shares",
            "reshares");
    private static final Set<String> ALERT_KEYS = Set.of("alert", "brand", "category", "severity", "status", "change",
            "early", "at", "within");
    private static final Set<String> SILENCE_KEYS = Set.of("silence", "brand", "category", "from", "to");

    static Fixture load(Path file) throws Invalid {
        return load(file, true);
    }

    /** @param expectations false: a recording written as series (a backtest's input), no expect: needed */
    static Fixture load(Path file, boolean needsExpect) throws Invalid {
        List<String> problems = new ArrayList<>();
        Located root;
        try {
            root = Located.read(file);
        } catch (Located.Unreadable e) {
            throw new Invalid(List.of(file + ":" + e.line + ": " + e.getMessage()));
        }
        if (root == null || !root.isMap()) {
            throw new Invalid(List.of(file + ":1: expected a map with name, input and expect"));
        }
        Map<String, Located> top = root.fields();
        unknownKeys(root, TOP, "a fixture", problems);
        String name = top.containsKey("name") ? attempt(problems, () -> top.get("name").text()) : null;
        Instant start = top.containsKey("start")
                ? attempt(problems, () -> located(top.get("start"), () -> Offsets.instant(top.get("start").text(), DEFAULT_START))) : DEFAULT_START;
        Instant startAt = start == null ? DEFAULT_START : start;
        Instant end = top.containsKey("end") ? attempt(problems, () -> located(top.get("end"), () -> Offsets.instant(top.get("end").text(), startAt))) : null;
        List<MinuteSeries> series = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        if (!top.containsKey("input")) {
            problems.add(file + ":" + root.line() + ": no input: give series (acme negative: 2x600 then 30x15) or mentions: FILE");
        } else {
            for (Located item : listOf(top.get("input"), problems)) {
                attempt(problems, () -> input(item, series, files));
            }
        }
        List<Expectation> expectations = new ArrayList<>();
        if (!top.containsKey("expect") && needsExpect) {
            problems.add(file + ":" + root.line() + ": no expect: list alerts (alert: RULE ...) or silences (silence: RULE|any ...)");
        } else if (top.containsKey("expect")) {
            for (Located item : listOf(top.get("expect"), problems)) {
                Expectation e = attempt(problems, () -> expectation(item, startAt, problems));
                if (e != null) {
                    expectations.add(e);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        String shown = name != null ? name : file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return new Fixture(file, shown, startAt, List.copyOf(series), List.copyOf(files), List.copyOf(expectations), end);
    }

    /** The suite's name in reports: the file's name without .yaml. */
    String id() {
        return file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    }

    private static Void input(Located item, List<MinuteSeries> series, List<Path> files) {
        if (item.isScalar()) {
            String text = item.text();
            int colon = text.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(item.where() + ": '" + text + "' is not '<brand> <kind>: <rate>x<minutes> ...'");
            }
            series.add(located(item, () -> MinuteSeries.parse(text.substring(0, colon), text.substring(colon + 1), item.line())));
            return null;
        }
        Map<String, Located> f = item.fields();
        if (f.containsKey("mentions")) {
            if (f.size() > 1) {
                throw new IllegalArgumentException(item.where() + ": a mention file takes no other keys");
            }
            Path p = item.file().toAbsolutePath().getParent().resolve(f.get("mentions").text());
            if (!java.nio.file.Files.isRegularFile(p)) {
                throw new IllegalArgumentException(f.get("mentions").where() + ": no such mention file " + p);
            }
            files.add(p);
            return null;
        }
        if (!f.containsKey("series")) {
            if (f.size() != 1) {
                throw new IllegalArgumentException(item.where() + ": expected one series (acme negative: 2x600), "
                        + "a map with series: and its options, or mentions: FILE");
            }
            Map.Entry<String, Located> e = f.entrySet().iterator().next();
            series.add(located(item, () -> MinuteSeries.parse(e.getKey(), e.getValue().text(), item.line())));
            return null;
        }
        List<String> problems = new ArrayList<>();
        unknownKeys(item, SERIES_KEYS, "a series", problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        String text = f.get("series").text();
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(f.get("series").where() + ": '" + text + "' is not '<brand> <kind>: <rate>x<minutes> ...'");
        }
        MinuteSeries s = located(item, () -> MinuteSeries.parse(text.substring(0, colon), text.substring(colon + 1), item.line()));
        Duration from = f.containsKey("from") ? located(f.get("from"), () -> Offsets.duration(f.get("from").text())) : s.from();
        List<String> terms = f.containsKey("terms") ? f.get("terms").items().stream().map(Located::text).toList() : s.terms();
        if (f.containsKey("repeat")) {
            long times = number(f.get("repeat"));
            if (times < 1) {
                throw new IllegalArgumentException(f.get("repeat").where() + ": repeat must be at least 1");
            }
            s = s.repeated((int) times);
        }
        series.add(s.with(from, f.containsKey("text") ? f.get("text").text() : s.text(), terms,
                f.containsKey("followers") ? number(f.get("followers")) : s.followers(),
                f.containsKey("shares") ? number(f.get("shares")) : s.shares(),
                f.containsKey("reshares") ? bool(f.get("reshares")) : s.reshares()));
        return null;
    }

    private static Expectation expectation(Located item, Instant start, List<String> problems) {
        Map<String, Located> f = item.fields();
        if (f.containsKey("alert")) {
            unknownKeys(item, ALERT_KEYS, "an alert expectation", problems);
            if (!f.containsKey("at")) {
                throw new IllegalArgumentException(item.where() + ": an alert expectation needs at: (when it fires, e.g. 1505m)");
            }
            return new Expectation.AlertExpected(f.get("alert").text(), opt(f, "brand"), opt(f, "category"),
                    f.containsKey("severity") ? enumOf(f.get("severity"), Severity.class) : null,
                    f.containsKey("status") ? enumOf(f.get("status"), Alert.Status.class) : null,
                    f.containsKey("change") ? enumOf(f.get("change"), Alert.Change.class) : null,
                    f.containsKey("early") ? bool(f.get("early")) : null,
                    located(f.get("at"), () -> Offsets.instant(f.get("at").text(), start)),
                    f.containsKey("within") ? located(f.get("within"), () -> Offsets.duration(f.get("within").text()))
                            : DEFAULT_WITHIN, item.line());
        }
        if (f.containsKey("silence")) {
            unknownKeys(item, SILENCE_KEYS, "a silence expectation", problems);
            return new Expectation.SilenceExpected(f.get("silence").text(), opt(f, "brand"), opt(f, "category"),
                    f.containsKey("from") ? located(f.get("from"), () -> Offsets.instant(f.get("from").text(), start)) : start,
                    f.containsKey("to") ? located(f.get("to"), () -> Offsets.instant(f.get("to").text(), start)) : null,
                    item.line());
        }
        throw new IllegalArgumentException(item.where() + ": an expectation starts with alert: RULE or silence: RULE|any");
    }

    private static List<Located> listOf(Located node, List<String> problems) {
        try {
            return node.items();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return List.of();
        }
    }

    private static void unknownKeys(Located map, Set<String> allowed, String what, List<String> problems) {
        map.keyLines().forEach((key, line) -> {
            if (!allowed.contains(key)) {
                problems.add(map.file() + ":" + line + ": unknown key '" + key + "' in " + what + " (known: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        });
    }

    private static String opt(Map<String, Located> f, String key) {
        return f.containsKey(key) ? f.get(key).text() : null;
    }

    private static long number(Located v) {
        return located(v, () -> Long.parseLong(v.text().replace("_", "")));
    }

    private static boolean bool(Located v) {
        String t = v.text().toLowerCase(Locale.ROOT);
        if (!t.equals("true") && !t.equals("false")) {
            throw new IllegalArgumentException(v.where() + ": expected true or false, found '" + v.text() + "'");
        }
        return Boolean.parseBoolean(t);
    }

    private static <E extends Enum<E>> E enumOf(Located v, Class<E> type) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v.text())) {
                return e;
            }
        }
        throw new IllegalArgumentException(v.where() + ": '" + v.text() + "' is not one of "
                + java.util.Arrays.toString(type.getEnumConstants()));
    }

    /** Runs {@code parse}, prefixing a problem without a location with the node's file:line. */
    private static <T> T located(Located where, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where.where() + ": not a whole number: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw new IllegalArgumentException(m != null && m.startsWith(where.file().toString()) ? m : where.where() + ": " + m);
        }
    }

    private static <T> T attempt(List<String> problems, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }
}
