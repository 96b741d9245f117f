package io.firebreak.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.firebreak.config.ConfigException;
import io.firebreak.detect.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The playbooks in {@code config/playbooks/}: one per crisis category of {@code config/categories.yaml}
 * plus {@code default.yaml}. Loading checks every file and every step and names each problem with its file
 * and key, all at once, so a bad deadline fails the start rather than the first SEV1.
 */
public final class Playbooks {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> FILE_KEYS = Set.of("category", "steps");
    private static final Set<String> STEP_KEYS = Set.of("id", "title", "owner", "after", "severities", "within", "every",
            "done-when");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final Map<String, Playbook> byCategory;
    private final Map<String, Map<String, Playbook>> byLanguage;

    public Playbooks(Map<String, Playbook> byCategory) {
        this(byCategory, Map.of());
    }

    /** @param byLanguage for brands whose public reads a language (statement-settings.yaml): its own playbooks */
    public Playbooks(Map<String, Playbook> byCategory, Map<String, Map<String, Playbook>> byLanguage) {
        if (!byCategory.containsKey(Playbook.DEFAULT)) {
            throw new IllegalArgumentException("playbooks: a default playbook is required");
        }
        this.byCategory = Map.copyOf(byCategory);
        this.byLanguage = Map.copyOf(byLanguage);
    }

    /**
     * Steps whose owner is not one of {@code roles} (those of {@code config/roles.yaml}), each named with its
     * file and key: a reminder must name people who exist.
     */
    public List<String> unknownOwners(Path dir, java.util.Collection<String> roles) {
        List<String> problems = new ArrayList<>();
        List<Playbook> every = new ArrayList<>(all().values());
        byLanguage.values().forEach(set -> every.addAll(set.values()));
        for (Playbook p : every) {
            for (int i = 0; i < p.steps().size(); i++) {
                String owner = p.steps().get(i).owner();
                if (!roles.contains(owner)) {
                    problems.add(dir.resolve(p.category() + ".yaml") + ": steps[" + i + "].owner: '" + owner
                            + "' is not a role of roles.yaml " + new java.util.TreeSet<>(roles));
                }
            }
        }
        return problems;
    }

    /** The category's playbook, or the default one. */
    public Playbook forCategory(String category) {
        return byCategory.getOrDefault(category, byCategory.get(Playbook.DEFAULT));
    }

    /**
     * The playbook for a brand whose public reads {@code language}: that language's own for the category, else
     * the shared one for the category, else that language's default, else the shared default. Its name says
     * which ({@code zh/product-quality}).
     */
    public Playbook forCategory(String category, String language) {
        Map<String, Playbook> own = language == null ? Map.of() : byLanguage.getOrDefault(language, Map.of());
        if (own.containsKey(category)) {
            return own.get(category);
        }
        if (byCategory.containsKey(category) || !own.containsKey(Playbook.DEFAULT)) {
            return forCategory(category);
        }
        return own.get(Playbook.DEFAULT);
    }

    public Map<String, Playbook> all() {
        return new TreeMap<>(byCategory);
    }

    /**
     * Loads {@code dir/*.yaml}; every category of {@code categoriesFile} must have its file. A folder named by
     * a language ({@code dir/zh/}) holds the playbooks of brands whose public reads it, for any categories.
     *
     * @throws ConfigException naming every problem found, one per line
     */
    public static Playbooks load(Path dir, Path categoriesFile) {
        List<String> problems = new ArrayList<>();
        Map<String, Playbook> playbooks = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(dir + ": the playbooks folder is missing (one <category>.yaml per crisis category "
                    + "and a default.yaml)");
        }
        Map<String, Map<String, Playbook>> byLanguage = new TreeMap<>();
        // categories whose file is there but wrong: its own problems say so, "has no playbook" would mislead
        Set<String> invalid = new HashSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                if (Files.isDirectory(file)) {
                    byLanguage.put(file.getFileName().toString(), languageSet(file, problems));
                } else if (file.getFileName().toString().endsWith(".yaml")) {
                    Playbook p = parse(file, problems);
                    if (p != null) {
                        playbooks.put(p.category(), p);
                    } else {
                        invalid.add(file.getFileName().toString().replaceFirst("\\.yaml$", ""));
                    }
                }
            }
        } catch (IOException e) {
            throw new ConfigException(dir + ": cannot read: " + e.getMessage());
        }
        Set<String> categories = categories(categoriesFile, problems);
        byLanguage.forEach((language, set) -> set.values().forEach(p -> {
            String category = p.category().substring(language.length() + 1);
            if (!category.equals(Playbook.DEFAULT) && !categories.isEmpty() && !categories.contains(category)) {
                problems.add(dir.resolve(p.category() + ".yaml") + ": category: '" + category + "' is not a category of "
                        + categoriesFile.getFileName() + " " + categories);
            }
        }));
        for (String category : categories) {
            if (!playbooks.containsKey(category) && !invalid.contains(category)) {
                problems.add(dir.resolve(category + ".yaml") + ": missing: category '" + category + "' of "
                        + categoriesFile.getFileName() + " has no playbook");
            }
        }
        for (String category : playbooks.keySet()) {
            if (!category.equals(Playbook.DEFAULT) && !categories.isEmpty() && !categories.contains(category)) {
                problems.add(dir.resolve(category + ".yaml") + ": category: '" + category + "' is not a category of "
                        + categoriesFile.getFileName() + " " + categories);
            }
        }
        if (!playbooks.containsKey(Playbook.DEFAULT) && problems.stream().noneMatch(p -> p.contains("default.yaml"))) {
            problems.add(dir.resolve("default.yaml") + ": missing: the default playbook (for 'other' and any category "
                    + "without its own) is required");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(String.join("\n  ", problems));
        }
        return new Playbooks(playbooks, byLanguage);
    }

    /** One language's playbooks, each named by its language and category ({@code zh/safety}). */
    private static Map<String, Playbook> languageSet(Path folder, List<String> problems) throws IOException {
        String language = folder.getFileName().toString();
        if (!language.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            problems.add(folder + ": a folder of playbooks is named by a language tag (zh, pt-BR), not '" + language + "'");
        }
        Map<String, Playbook> set = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                Playbook p = parse(file, problems);
                if (p != null) {
                    set.put(p.category(), new Playbook(language + "/" + p.category(), p.steps()));
                }
            }
        }
        return set;
    }

    private static Playbook parse(Path file, List<String> problems) {
        String name = file.toString();
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            problems.add(name + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
            return null;
        }
        if (root == null || !root.isObject()) {
            problems.add(name + ": expected keys category and steps");
            return null;
        }
        int before = problems.size();
        unknownKeys(root, FILE_KEYS, name, "", problems);
        String category = root.path("category").asText("");
        String expected = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        if (category.isBlank()) {
            problems.add(name + ": category: required");
        } else if (!category.equals(expected)) {
            problems.add(name + ": category: '" + category + "' must live in " + category + ".yaml");
        }
        JsonNode stepsNode = root.get("steps");
        List<Playbook.Step> steps = new ArrayList<>();
        if (stepsNode == null || !stepsNode.isArray() || stepsNode.isEmpty()) {
            problems.add(name + ": steps: required, a list of at least one step");
        } else {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < stepsNode.size(); i++) {
                Playbook.Step step = step(stepsNode.get(i), name, "steps[" + i + "]", problems);
                if (step != null && !ids.add(step.id())) {
                    problems.add(name + ": steps[" + i + "].id: '" + step.id() + "' is used twice");
                }
                steps.add(step);
            }
        }
        return problems.size() == before ? new Playbook(category, steps) : null;
    }

    private static Playbook.Step step(JsonNode node, String file, String where, List<String> problems) {
        if (node == null || !node.isObject()) {
            problems.add(file + ": " + where + ": expected a step with id, title, owner, after and within");
            return null;
        }
        int before = problems.size();
        unknownKeys(node, STEP_KEYS, file, where + ".", problems);
        String id = required(node, "id", file, where, problems);
        if (id != null && !ID.matcher(id).matches()) {
            problems.add(file + ": " + where + ".id: '" + id + "' must be lower-case letters, digits and '-'");
        }
        String title = required(node, "title", file, where, problems);
        String owner = required(node, "owner", file, where, problems);
        if (owner != null && !ID.matcher(owner).matches()) {
            problems.add(file + ": " + where + ".owner: '" + owner + "' is not a role name (lower-case letters, digits, '-')");
        }
        Playbook.Anchor after = null;
        String afterText = required(node, "after", file, where, problems);
        if (afterText != null) {
            try {
                after = Playbook.Anchor.valueOf(afterText);
            } catch (IllegalArgumentException e) {
                problems.add(file + ": " + where + ".after: '" + afterText + "' is not one of detected, acknowledged, resolved");
            }
        }
        List<Severity> severities = new ArrayList<>();
        JsonNode sev = node.get("severities");
        if (sev != null) {
            if (!sev.isArray()) {
                problems.add(file + ": " + where + ".severities: expected a list such as [SEV1]");
            } else {
                for (JsonNode s : sev) {
                    try {
                        severities.add(Severity.valueOf(s.asText()));
                    } catch (IllegalArgumentException e) {
                        problems.add(file + ": " + where + ".severities: '" + s.asText() + "' is not SEV1, SEV2 or SEV3");
                    }
                }
            }
        }
        Duration within = duration(node, "within", true, file, where, problems);
        Duration every = duration(node, "every", false, file, where, problems);
        String doneWhen = node.hasNonNull("done-when") ? node.get("done-when").asText() : null;
        if (doneWhen != null && !doneWhen.equals(Playbook.Step.STATEMENT)) {
            problems.add(file + ": " + where + ".done-when: '" + doneWhen + "' is not 'statement' (leave it out: done by hand)");
        }
        if (after == Playbook.Anchor.resolved && every != null) {
            problems.add(file + ": " + where + ".every: a step after 'resolved' cannot repeat (the incident is over)");
        }
        return problems.size() == before ? new Playbook.Step(id, title, owner, after, severities, within, every, doneWhen) : null;
    }

    private static String required(JsonNode node, String key, String file, String where, List<String> problems) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
            problems.add(file + ": " + where + "." + key + ": required");
            return null;
        }
        return v.asText().strip();
    }

    private static Duration duration(JsonNode node, String key, boolean required, String file, String where,
                                     List<String> problems) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                problems.add(file + ": " + where + "." + key + ": required, an ISO-8601 duration such as PT15M");
            }
            return null;
        }
        try {
            Duration d = Duration.parse(v.asText());
            if (d.isNegative() || d.isZero()) {
                problems.add(file + ": " + where + "." + key + ": must be positive, not " + v.asText());
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            problems.add(file + ": " + where + "." + key + ": '" + v.asText() + "' is not an ISO-8601 duration such as PT15M");
            return null;
        }
    }

    private static void unknownKeys(JsonNode node, Set<String> known, String file, String where, List<String> problems) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                problems.add(file + ": " + where + key + ": unknown key (known: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
        }
    }

    /** The category ids of {@code categories.yaml}; "other" is covered by the default playbook. */
    private static Set<String> categories(Path file, List<String> problems) {
        Set<String> ids = new LinkedHashSet<>();
        if (!Files.exists(file)) {
            return ids;
        }
        try {
            for (JsonNode c : YAML.readTree(file.toFile()).path("categories")) {
                String id = c.path("id").asText("");
                if (!id.isBlank() && !id.equals("other")) {
                    ids.add(id);
                }
            }
        } catch (IOException e) {
            problems.add(file + ": cannot read the categories: " + e.getMessage());
        }
        return ids;
    }
}
