package io.firebreak.statement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.firebreak.alert.Alert;
import io.firebreak.detect.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes the recommended holding statement for an alert from the templates in
 * {@code config/statements/} (one file per category) and {@code config/statement-settings.yaml}.
 * Loading validates everything, so a bad template fails at start with file and key, not mid-crisis.
 */
public final class HoldingStatements {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> VARIANT_KEYS = Set.of("default", "SEV1", "SEV2", "SEV3");
    private static final int MAX_TERMS = 3;
    private static final int MAX_TERM_LENGTH = 40;

    private final Map<String, CategoryStatements> categories;
    private final StatementSettings settings;
    private final DateTimeFormatter timeFormat;

    public HoldingStatements(Map<String, CategoryStatements> categories, StatementSettings settings) {
        if (!categories.containsKey("other")) {
            throw new StatementConfigException("statements: other.yaml is required (used for unknown categories)");
        }
        this.categories = Map.copyOf(categories);
        this.settings = settings;
        this.timeFormat = DateTimeFormatter.ofPattern("HH:mm z 'on' d MMM", Locale.ENGLISH).withZone(settings.zone());
    }

    /** Loads {@code statementsDir/*.yaml} and the settings file. */
    public static HoldingStatements load(Path statementsDir, Path settingsFile) {
        Map<String, CategoryStatements> categories = new TreeMap<>();
        try (Stream<Path> files = Files.list(statementsDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                CategoryStatements parsed = parseCategory(file);
                categories.put(parsed.category(), parsed);
            }
        } catch (IOException e) {
            throw new StatementConfigException(statementsDir + ": cannot read: " + e.getMessage(), e);
        }
        return new HoldingStatements(categories, parseSettings(settingsFile));
    }

    public Map<String, CategoryStatements> categories() {
        return categories;
    }

    /** The brand as the public knows it (settings' display_name, else the brand id). */
    public String displayName(String brand) {
        return settings.displayName(brand);
    }

    /** The recommended statement for this alert; {@code now} picks the next update slot still ahead. */
    public HoldingStatement write(Alert alert, Instant now) {
        CategoryStatements category = categories.getOrDefault(alert.category(), categories.get("other"));
        String variant = category.variantFor(alert.severity());
        String key = category.keyFor(variant, alert.severity());
        Template template = category.variants().get(variant).get(key);
        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        values.put(Placeholder.BRAND, plain(settings.displayName(alert.brand())));
        values.put(Placeholder.ISSUE, issue(alert, category));
        values.put(Placeholder.HELP, plain(settings.help(alert.brand())));
        values.put(Placeholder.NEXT_UPDATE, timeFormat.format(nextUpdate(alert, now)));
        String id = category.category() + "/" + variant + "/" + key;
        return new HoldingStatement(id, template.fill(values), category.checklist());
    }

    /** The first slot of fired + k * interval that is after {@code now} (k >= 1). */
    Instant nextUpdate(Alert alert, Instant now) {
        Duration every = settings.updateEvery(alert.severity());
        Instant next = alert.firedAt().plus(every);
        if (next.isAfter(now)) {
            return next;
        }
        long behind = Duration.between(alert.firedAt(), now).toMillis() / every.toMillis();
        return alert.firedAt().plus(every.multipliedBy(behind + 1));
    }

    /**
     * A one-line summary from the spike's top terms. Terms come from what the public wrote, so only
     * letters, digits, spaces, hyphens and apostrophes survive: a statement is posted publicly by a
     * human and must not carry links, mentions or markup someone planted.
     */
    private static String issue(Alert alert, CategoryStatements category) {
        List<String> terms = new ArrayList<>();
        for (String raw : alert.evidence() == null ? List.<String>of() : alert.evidence().topTerms()) {
            String term = raw.replaceAll("[^\\p{L}\\p{N}' -]", " ").replaceAll("\\s+", " ").trim();
            if (term.length() > MAX_TERM_LENGTH) {
                term = term.substring(0, MAX_TERM_LENGTH).trim();
            }
            if (!term.isEmpty() && !terms.contains(term.toLowerCase(Locale.ROOT))) {
                terms.add(term.toLowerCase(Locale.ROOT));
            }
            if (terms.size() == MAX_TERMS) {
                break;
            }
        }
        return switch (terms.size()) {
            case 0 -> category.issueFallback();
            case 1 -> terms.get(0);
            default -> String.join(", ", terms.subList(0, terms.size() - 1)) + " and " + terms.get(terms.size() - 1);
        };
    }

    private static String plain(String value) {
        return value.replaceAll("[\\p{Cntrl}{}<>`*_~|]", " ").replaceAll("\\s+", " ").trim();
    }

    private static CategoryStatements parseCategory(Path file) {
        String name = file.getFileName().toString();
        JsonNode root = readYaml(file);
        String category = text(root, "category", name);
        String expectedName = category + ".yaml";
        if (!expectedName.equals(name)) {
            throw new StatementConfigException(name + ": category '" + category + "' must live in " + expectedName);
        }
        JsonNode variantsNode = object(root, "variants", name);
        Map<String, Map<String, Template>> variants = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = variantsNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> variant = it.next();
            String path = "variants." + variant.getKey();
            if (!variant.getValue().isObject()) {
                throw new StatementConfigException(name + ": " + path + " must map default/SEV1/SEV2/SEV3 to text");
            }
            Map<String, Template> texts = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> t = variant.getValue().fields(); t.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = t.next();
                String where = name + ": " + path + "." + entry.getKey();
                if (!VARIANT_KEYS.contains(entry.getKey())) {
                    throw new StatementConfigException(where + ": key must be one of " + VARIANT_KEYS);
                }
                if (!entry.getValue().isTextual() || entry.getValue().asText().isBlank()) {
                    throw new StatementConfigException(where + ": must be non-empty text");
                }
                texts.put(entry.getKey(), Template.parse(entry.getValue().asText().strip(), where));
            }
            if (!texts.containsKey(CategoryStatements.DEFAULT)) {
                throw new StatementConfigException(name + ": " + path + ".default is missing");
            }
            variants.put(variant.getKey(), texts);
        }
        if (variants.size() < 2) {
            throw new StatementConfigException(name + ": variants needs at least two variants");
        }
        Map<String, String> recommend = new LinkedHashMap<>();
        JsonNode recommendNode = root.path("recommend");
        for (Iterator<Map.Entry<String, JsonNode>> it = recommendNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String where = name + ": recommend." + entry.getKey();
            if (!VARIANT_KEYS.contains(entry.getKey())) {
                throw new StatementConfigException(where + ": key must be one of " + VARIANT_KEYS);
            }
            if (!variants.containsKey(entry.getValue().asText())) {
                throw new StatementConfigException(where + ": no variant named '" + entry.getValue().asText() + "'");
            }
            recommend.put(entry.getKey(), entry.getValue().asText());
        }
        if (!recommend.containsKey(CategoryStatements.DEFAULT) && !variants.containsKey("holding")) {
            throw new StatementConfigException(name + ": recommend.default is missing and there is no 'holding' variant");
        }
        JsonNode checklistNode = object(root, "checklist", name);
        Checklist checklist = new Checklist(
                strings(checklistNode, "do", name + ": checklist"), strings(checklistNode, "dont", name + ": checklist"));
        return new CategoryStatements(category, text(root, "issue_fallback", name), variants, recommend, checklist);
    }

    private static StatementSettings parseSettings(Path file) {
        String name = file.getFileName().toString();
        JsonNode root = readYaml(file);
        ZoneId zone;
        try {
            zone = ZoneId.of(text(root, "time_zone", name));
        } catch (java.time.DateTimeException e) {
            throw new StatementConfigException(name + ": time_zone: " + e.getMessage(), e);
        }
        Map<Severity, Duration> every = new EnumMap<>(Severity.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = object(root, "update_every_minutes", name).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String where = name + ": update_every_minutes." + entry.getKey();
            Severity severity;
            try {
                severity = Severity.valueOf(entry.getKey());
            } catch (IllegalArgumentException e) {
                throw new StatementConfigException(where + ": not a severity (SEV1, SEV2, SEV3)");
            }
            if (!entry.getValue().canConvertToInt() || entry.getValue().asInt() <= 0) {
                throw new StatementConfigException(where + ": must be a positive number of minutes");
            }
            every.put(severity, Duration.ofMinutes(entry.getValue().asInt()));
        }
        Map<String, StatementSettings.BrandContact> brands = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("brands").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode b = entry.getValue();
            brands.put(entry.getKey(), new StatementSettings.BrandContact(
                    b.hasNonNull("display_name") ? b.get("display_name").asText() : null,
                    b.hasNonNull("help") ? b.get("help").asText() : null));
        }
        return new StatementSettings(zone, every, text(root, "default_help", name), brands);
    }

    private static JsonNode readYaml(Path file) {
        try {
            JsonNode root = YAML.readTree(file.toFile());
            if (root == null || !root.isObject()) {
                throw new StatementConfigException(file.getFileName() + ": must be a YAML mapping");
            }
            return root;
        } catch (IOException e) {
            throw new StatementConfigException(file.getFileName() + ": cannot parse: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new StatementConfigException(where + ": " + key + " is missing or not text");
        }
        return value.asText().strip();
    }

    private static JsonNode object(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || !value.isObject()) {
            throw new StatementConfigException(where + ": " + key + " is missing or not a mapping");
        }
        return value;
    }

    private static List<String> strings(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || !value.isArray() || value.isEmpty()) {
            throw new StatementConfigException(where + "." + key + " must be a non-empty list");
        }
        List<String> out = new ArrayList<>();
        value.forEach(v -> out.add(v.asText()));
        return out;
    }
}
