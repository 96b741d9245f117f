package io.firebreak.authoring;

import io.firebreak.alert.Lifecycle;
import io.firebreak.alert.Routes;
import io.firebreak.alert.Silences;
import io.firebreak.config.Home;
import io.firebreak.detect.DetectionSettings;
import io.firebreak.detect.RuleBook;
import io.firebreak.detect.Span;
import io.firebreak.detect.Thresholds;
import io.firebreak.enrich.BrandMatcher;
import io.firebreak.enrich.CategoryClassifier;
import io.firebreak.ingest.ExportMapping;
import io.firebreak.statement.HoldingStatements;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code firebreak rules lint}: every rule and config file checked, every problem with {@code file:line},
 * all at once. The rules are compiled (the KIE builder's messages keep their lines); thresholds and the
 * record-backed settings ({@code detection.yaml}, {@code alerts.yaml}) are checked key by key against
 * their records, so each unknown key or bad value is named, not only the first; rules and thresholds
 * are checked against each other; every other file goes through the loader the service uses at start
 * (the one {@code Configuration.load} calls), and the line is found from the YAML path in its message.
 */
public final class Lint {

    /** One problem; {@code line} 0 when no line can be named. */
    public record Problem(Path file, int line, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + message;
        }
    }

    private static final Pattern NEAR_LINE = Pattern.compile("\\(near line (\\d+)\\)");
    private static final Pattern YAML_PATH = Pattern.compile("^([A-Za-z_][\\w-]*(?:\\[\\d+])?(?:\\.[\\w-]+(?:\\[\\d+])?)*)");
    private static final Pattern RULE_NAME = Pattern.compile("^\\s*rule\\s+\"([^\":]+)");
    private static final Pattern READS = Pattern.compile("\\$t\\.(\\w+)");
    private static final Pattern READS_RULE = Pattern.compile("Thresholds\\(\\s*rule\\s*==\\s*\"([^\"]+)\"");

    private final Home home;
    private final Path rulesDir;
    private final Path thresholdsFile;

    public Lint(Home home, Path rulesDir, Path thresholdsFile) {
        this.home = home;
        this.rulesDir = rulesDir;
        this.thresholdsFile = thresholdsFile;
    }

    /** Every problem found, by file and line. */
    public List<Problem> run() {
        List<Problem> problems = new ArrayList<>();
        rules(problems);
        crossCheck(drlFiles(), thresholds(problems), problems);
        record Schema(Path file, Class<? extends Record> type) {}
        for (Schema s : List.of(new Schema(home.config("detection.yaml"), DetectionSettings.class),
                new Schema(home.config("alerts.yaml"), Lifecycle.class))) {
            if (Files.exists(s.file) && recordSchema(s.file, s.type, problems)) {
                loader(problems, s.file, () -> KebabLoad.load(s.file, s.type));
            }
        }
        loader(problems, home.config("categories.yaml"), () -> CategoryClassifier.load(home.config("categories.yaml")));
        loader(problems, home.config("brands.yaml"), () -> BrandMatcher.load(home.config("brands.yaml")));
        loader(problems, home.config("routing.yaml"), () -> Routes.load(home.config("routing.yaml")));
        loader(problems, home.config("silences.yaml"), () -> Silences.load(home.config("silences.yaml")));
        statements(problems);
        for (String exports : List.of("csv", "json")) {
            if (Files.isDirectory(home.config(exports))) {
                loader(problems, home.config(exports), () -> ExportMapping.loadAll(home.config(exports)));
            }
        }
        playbooks(problems);
        new References(home).check().forEach(m -> problems.add(locate(home.config(), m)));
        fixtures(problems);
        problems.sort(Comparator.comparing((Problem p) -> p.file().toString()).thenComparingInt(Problem::line));
        return problems;
    }

    /**
     * Compiles the DRL on its own (thresholds are checked below, key by key), so a mistake in the
     * thresholds does not hide the compiler's messages.
     */
    private RuleBook rules(List<Problem> problems) {
        Path none = null;
        try {
            none = Files.createTempFile("firebreak-lint", ".yaml");
            Files.writeString(none, "{}\n");
            try (QuietKie quiet = new QuietKie()) {
                return RuleBook.compile(rulesDir, none);
            }
        } catch (RuleBook.InvalidRules e) {
            e.problems().forEach(p -> problems.add(new Problem(p.file(), p.line(), p.message())));
            return null;
        } catch (IOException e) {
            problems.add(new Problem(rulesDir, 0, "cannot compile: " + e.getMessage()));
            return null;
        } finally {
            if (none != null) {
                none.toFile().delete();
            }
        }
    }

    /** One rule id's entry in thresholds.yaml: its line and the keys it sets. */
    private record Entry(int line, Set<String> keys) {}

    /** thresholds.yaml against {@link Thresholds}: returns each rule id's entry. */
    private Map<String, Entry> thresholds(List<Problem> problems) {
        Map<String, Entry> lines = new LinkedHashMap<>();
        Located root = readYaml(thresholdsFile, problems);
        if (root == null) {
            return lines;
        }
        if (!root.isMap()) {
            problems.add(new Problem(thresholdsFile, root.line(), "expected a map from rule id to thresholds"));
            return lines;
        }
        Map<String, Integer> keyLines = root.keyLines();
        Map<String, Class<?>> fields = components(Thresholds.class);
        fields.remove("rule");
        root.fields().forEach((rule, entry) -> {
            if (rule.equals(RuleBook.DECISIONS)) {
                // checked as a whole by the reader the engine uses (it names the key at fault)
                RuleBook.checkThresholds(thresholdsFile).stream().filter(p -> p.message().startsWith(RuleBook.DECISIONS))
                        .forEach(p -> problems.add(new Problem(thresholdsFile, p.line(), p.message())));
                return;
            }
            lines.put(rule, new Entry(keyLines.get(rule), entry.isMap() ? entry.keyLines().keySet() : Set.of()));
            if (!entry.isMap()) {
                problems.add(new Problem(thresholdsFile, entry.line(), "rule '" + rule + "': expected a map of thresholds"));
                return;
            }
            Map<String, Integer> entryLines = entry.keyLines();
            entry.fields().forEach((key, value) -> {
                int line = entryLines.get(key);
                Class<?> type = fields.get(key);
                if (type == null) {
                    problems.add(new Problem(thresholdsFile, line, rule + "." + key + ": unknown threshold (known: "
                            + String.join(", ", new TreeSet<>(fields.keySet())) + ")"));
                } else if (key.equals("span")) {
                    checkSpan(value, rule, line, problems);
                } else if (type == String.class) {
                    if (!value.isScalar() || !value.text().matches("both|either")) {
                        problems.add(new Problem(thresholdsFile, line, rule + "." + key + ": expected both or either"));
                    }
                } else if (type == Thresholds.Step.class) {
                    checkStep(value, rule + "." + key, problems);
                } else {
                    checkNumber(value, rule + "." + key, type, problems);
                }
            });
            Map<String, Located> f = entry.fields();
            Double c2 = stepValue(f.get("sev2"), "count"), c1 = stepValue(f.get("sev1"), "count");
            Double m2 = stepValue(f.get("sev2"), "measure"), m1 = stepValue(f.get("sev1"), "measure");
            if (c1 != null && c2 != null && m1 != null && m2 != null && (c1 < c2 || m1 < m2)) {
                problems.add(new Problem(thresholdsFile, entryLines.get("sev1"), rule
                        + ".sev1: below sev2 (a SEV1 step must need at least the SEV2 count and measure)"));
            }
        });
        return lines;
    }

    private void checkSpan(Located value, String rule, int line, List<Problem> problems) {
        try {
            Span.of(value.isScalar() ? value.text() : "");
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(thresholdsFile, line, rule + ".span: " + e.getMessage()));
        }
    }

    private void checkStep(Located value, String where, List<Problem> problems) {
        if (!value.isMap()) {
            problems.add(new Problem(thresholdsFile, value.line(), where + ": expected {count: N, measure: X}"));
            return;
        }
        Map<String, Integer> lines = value.keyLines();
        value.fields().forEach((k, v) -> {
            if (!k.equals("count") && !k.equals("measure")) {
                problems.add(new Problem(thresholdsFile, lines.get(k), where + "." + k + ": unknown key (a step has count and measure)"));
            } else {
                checkNumber(v, where + "." + k, k.equals("count") ? long.class : double.class, problems);
            }
        });
        for (String k : List.of("count", "measure")) {
            if (!lines.containsKey(k)) {
                problems.add(new Problem(thresholdsFile, value.line(), where + ": " + k + " is missing"));
            }
        }
    }

    private void checkNumber(Located value, String where, Class<?> type, List<Problem> problems) {
        String text = value.isScalar() ? value.text() : null;
        try {
            double d = type == long.class || type == int.class ? Long.parseLong(text) : Double.parseDouble(text);
            if (d < 0) {
                problems.add(new Problem(thresholdsFile, value.line(), where + ": must not be negative"));
            }
        } catch (NumberFormatException | NullPointerException e) {
            problems.add(new Problem(thresholdsFile, value.line(), where + ": expected "
                    + (type == long.class || type == int.class ? "a whole number" : "a number") + ", found '"
                    + (text == null ? "a map or list" : text) + "'"));
        }
    }

    private static Double stepValue(Located step, String key) {
        if (step == null || !step.isMap() || !step.fields().containsKey(key)) {
            return null;
        }
        try {
            return Double.parseDouble(step.fields().get(key).text());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Rules and thresholds against each other: an entry no rule reads is a typo, a rule without an entry
     * never fires, and a threshold a rule reads but the entry does not set is silently 0.
     */
    private void crossCheck(List<Path> drls, Map<String, Entry> entries, List<Problem> problems) {
        // ids from the text, as the engine names them: this runs even when a file does not compile
        Set<String> ids = new TreeSet<>();
        for (Path drl : drls) {
            try {
                for (String line : Files.readAllLines(drl)) {
                    Matcher name = RULE_NAME.matcher(line);
                    if (name.find()) {
                        ids.add(name.group(1).strip());
                    }
                }
            } catch (IOException e) {
                problems.add(new Problem(drl, 0, "cannot read: " + e.getMessage()));
            }
        }
        entries.forEach((rule, entry) -> {
            if (!ids.contains(rule)) {
                problems.add(new Problem(thresholdsFile, entry.line(), "'" + rule + "': no rule in " + rulesDir
                        + " has this id (rule ids: " + String.join(", ", ids) + ")"));
            }
        });
        Map<String, Class<?>> fields = components(Thresholds.class);
        for (Path drl : drls) {
            List<String> text;
            try {
                text = Files.readAllLines(drl);
            } catch (IOException e) {
                continue;
            }
            String current = null;
            for (int i = 0; i < text.size(); i++) {
                String line = text.get(i);
                Matcher name = RULE_NAME.matcher(line);
                if (name.find()) {
                    current = name.group(1).strip();
                }
                Matcher reads = READS_RULE.matcher(line);
                if (reads.find() && !entries.containsKey(reads.group(1))) {
                    problems.add(new Problem(drl, i + 1, "reads Thresholds( rule == \"" + reads.group(1) + "\" ) but "
                            + thresholdsFile + " has no entry '" + reads.group(1) + "': the rule can never fire"));
                }
                Entry entry = current == null ? null : entries.get(current);
                Matcher m = READS.matcher(line);
                while (entry != null && m.find()) {
                    String kebab = kebab(m.group(1));
                    if (fields.containsKey(kebab) && !kebab.equals("rule") && !entry.keys().contains(kebab)) {
                        problems.add(new Problem(drl, i + 1, "reads $t." + m.group(1) + " but " + thresholdsFile
                                + " sets no " + kebab + " for " + current + " (it would be 0)"));
                    }
                }
            }
        }
    }

    /**
     * A kebab-case settings file against its record: each unknown key and each value of the wrong kind,
     * with its line. Returns true when it found nothing (then the real loader runs, for what only it checks).
     */
    private boolean recordSchema(Path file, Class<? extends Record> type, List<Problem> problems) {
        int before = problems.size();
        Located root = readYaml(file, problems);
        if (root == null) {
            return problems.size() == before;
        }
        if (!root.isMap()) {
            problems.add(new Problem(file, root.line(), "expected a map of settings"));
            return false;
        }
        Map<String, Class<?>> fields = components(type);
        Map<String, Integer> lines = root.keyLines();
        root.fields().forEach((key, value) -> {
            Class<?> t = fields.get(key);
            int line = lines.get(key);
            if (t == null) {
                problems.add(new Problem(file, line, "unknown key '" + key + "' (known: "
                        + String.join(", ", new TreeSet<>(fields.keySet())) + ")"));
            } else if (t == Duration.class) {
                try {
                    Duration.parse(value.text());
                } catch (DateTimeParseException | IllegalArgumentException e) {
                    problems.add(new Problem(file, line, key + ": expected an ISO-8601 duration such as PT5M, found '"
                            + (value.isScalar() ? value.text() : "a map or list") + "'"));
                }
            } else if (t == int.class || t == long.class || t == double.class) {
                String text = value.isScalar() ? value.text() : null;
                try {
                    double d = t == double.class ? Double.parseDouble(text) : Long.parseLong(text);
                    if (d < 0) {
                        problems.add(new Problem(file, line, key + ": must not be negative"));
                    }
                } catch (NumberFormatException | NullPointerException e) {
                    problems.add(new Problem(file, line, key + ": expected " + (t == double.class ? "a number" : "a whole number")
                            + ", found '" + (text == null ? "a map or list" : text) + "'"));
                }
            } else if (t == boolean.class && !(value.isScalar() && value.text().matches("true|false"))) {
                problems.add(new Problem(file, line, key + ": expected true or false"));
            } else if (Map.class.isAssignableFrom(t) && !value.isMap()) {
                problems.add(new Problem(file, line, key + ": expected a map"));
            } else if (List.class.isAssignableFrom(t) && !value.isList()) {
                problems.add(new Problem(file, line, key + ": expected a list"));
            }
        });
        return problems.size() == before;
    }

    /** Each statement file on its own (with other.yaml beside it), so one bad file does not hide the next. */
    private void statements(List<Problem> problems) {
        Path dir = home.config("statements");
        Path settings = home.config("statement-settings.yaml");
        if (!Files.isDirectory(dir)) {
            problems.add(new Problem(dir, 0, "the holding statements folder is missing"));
            return;
        }
        List<Path> files = yamlFiles(dir);
        Path other = dir.resolve("other.yaml");
        for (Path f : files) {
            Path scratch = null;
            try {
                scratch = Files.createTempDirectory("firebreak-lint");
                Files.copy(f, scratch.resolve(f.getFileName()));
                copyLanguageSets(dir, scratch);
                if (Files.exists(other) && !f.equals(other)) {
                    Files.copy(other, scratch.resolve("other.yaml"));
                }
                Path in = scratch;
                loader(problems, f, () -> HoldingStatements.load(in, settings));
            } catch (IOException e) {
                problems.add(new Problem(f, 0, "cannot read: " + e.getMessage()));
            } finally {
                deleteQuietly(scratch);
            }
        }
        if (!Files.exists(other)) {
            problems.add(new Problem(other, 0, "other.yaml is required (used for unknown categories)"));
        }
    }

    /** The statement sets of other languages (statements/zh/ ...), which a brand's language may require, as they are. */
    private static void copyLanguageSets(Path dir, Path scratch) throws IOException {
        try (var subdirs = Files.list(dir)) {
            for (Path sub : subdirs.filter(Files::isDirectory).toList()) {
                Path target = Files.createDirectories(scratch.resolve(sub.getFileName().toString()));
                for (Path f : yamlFiles(sub)) {
                    Files.copy(f, target.resolve(f.getFileName()));
                }
            }
        }
    }

    /**
     * config/playbooks/*.yaml, when the folder exists: each must parse as a map, then all of them through the
     * loader the service starts with (steps, roles, deadlines, a playbook per category). A file that does not
     * parse is reported once, with the line the parser stopped at, not again by the loader.
     */
    private void playbooks(List<Problem> problems) {
        Path dir = home.config("playbooks");
        if (!Files.isDirectory(dir)) {
            return;
        }
        Set<Path> unparsed = new java.util.HashSet<>();
        for (Path f : yamlTree(dir)) {
            int before = problems.size();
            Located root = readYaml(f, problems);
            if (root != null && !root.isMap()) {
                problems.add(new Problem(f, root.line(), "a playbook is a map (category, steps ...)"));
            }
            if (problems.size() > before) {
                unparsed.add(f);
            }
        }
        List<Problem> loaded = new ArrayList<>();
        loader(loaded, dir, () -> io.firebreak.incident.Playbooks.load(dir, home.config("categories.yaml")));
        loaded.stream().filter(p -> !unparsed.contains(p.file())).forEach(problems::add);
    }

    /** The rule test fixtures next to the rules: a fixture that cannot be read is a problem too. */
    private void fixtures(List<Problem> problems) {
        Path dir = rulesDir.resolve("tests");
        if (!Files.isDirectory(dir)) {
            return;
        }
        for (Path f : yamlFiles(dir)) {
            try {
                Fixture.load(f);
            } catch (Fixture.Invalid e) {
                for (String p : e.problems) {
                    problems.add(located(f, p));
                }
            }
        }
    }

    /**
     * Runs a loader; each of its problems (a loader that checks every entry names one per line) becomes one
     * with the line its YAML path (or Jackson's location) points at.
     */
    private void loader(List<Problem> problems, Path file, Runnable load) {
        try {
            load.run();
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            message.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> problems.add(locate(file, l)));
        }
    }

    Problem locate(Path file, String message) {
        // the loaders name the file by its path or its name; either way it leads the message
        String rest = message;
        Path target = file;
        for (Path candidate : Files.isDirectory(file) ? yamlTree(file) : List.of(file)) {
            for (String prefix : List.of(candidate.toString(), candidate.toAbsolutePath().toString(),
                    candidate.getFileName().toString())) {
                if (message.startsWith(prefix)) {
                    target = candidate;
                    rest = message.substring(prefix.length());
                    break;
                }
            }
            if (target != file) {
                break;
            }
        }
        Matcher near = NEAR_LINE.matcher(rest);
        int line = 0;
        if (near.find()) {
            line = Integer.parseInt(near.group(1));
            rest = rest.substring(0, near.start()) + rest.substring(near.end());
        }
        rest = rest.replaceFirst("^\\s*:\\s*", "");
        Matcher path = YAML_PATH.matcher(rest);
        if (path.find() && !Files.isDirectory(target)) {
            int at = lineOfPath(target, path.group(1));
            line = at > 0 ? at : line;
        }
        return new Problem(target, line, rest.isBlank() ? message : rest);
    }

    /** The line a YAML path ({@code routes[2].severity}) starts on; 0 when it does not lead anywhere. */
    static int lineOfPath(Path file, String path) {
        Located node;
        try {
            node = Located.read(file);
        } catch (Located.Unreadable e) {
            return e.line;
        }
        int line = 0;
        for (String part : path.split("\\.")) {
            Matcher m = Pattern.compile("([\\w-]+)((?:\\[\\d+])*)").matcher(part);
            if (node == null || !m.matches() || !node.isMap()) {
                return line;
            }
            Map<String, Located> f = node.fields();
            String key = m.group(1);
            if (!f.containsKey(key) && f.containsKey(key.replace('_', '-'))) {
                key = key.replace('_', '-');
            }
            if (!f.containsKey(key)) {
                return line;
            }
            line = node.keyLines().get(key);
            node = f.get(key);
            Matcher idx = Pattern.compile("\\[(\\d+)]").matcher(m.group(2));
            while (idx.find()) {
                int i = Integer.parseInt(idx.group(1));
                if (!node.isList() || i >= node.items().size()) {
                    return line;
                }
                node = node.items().get(i);
                line = node.line();
            }
        }
        return line;
    }

    private static Problem located(Path file, String message) {
        Matcher m = Pattern.compile("^(.*?):(\\d+): (.*)$", Pattern.DOTALL).matcher(message);
        return m.matches() ? new Problem(Path.of(m.group(1)), Integer.parseInt(m.group(2)), m.group(3))
                : new Problem(file, 0, message);
    }

    private static Located readYaml(Path file, List<Problem> problems) {
        if (!Files.exists(file)) {
            problems.add(new Problem(file, 0, "file not found"));
            return null;
        }
        try {
            return Located.read(file);
        } catch (Located.Unreadable e) {
            problems.add(new Problem(file, e.line, e.getMessage()));
            return null;
        }
    }

    /** A record's components by their kebab-case keys, with their types. */
    static Map<String, Class<?>> components(Class<? extends Record> type) {
        Map<String, Class<?>> out = new LinkedHashMap<>();
        for (RecordComponent c : type.getRecordComponents()) {
            out.put(kebab(c.getName()), c.getType());
        }
        return out;
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private List<Path> drlFiles() {
        try (Stream<Path> s = Files.list(rulesDir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The YAML files of {@code dir} and its sub-folders (config/playbooks/zh/ ...). */
    private static List<Path> yamlTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }

    /** The kebab-case loader of a settings record, as the service calls it. */
    private static final class KebabLoad {
        static void load(Path file, Class<? extends Record> type) {
            if (type == DetectionSettings.class) {
                DetectionSettings.load(file);
            } else if (type == Lifecycle.class) {
                Lifecycle.load(file);
            }
        }
    }
}
