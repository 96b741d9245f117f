package io.firebreak.statement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.firebreak.alert.Alert;
import io.firebreak.enrich.ChineseText;
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
 * Statements for a public that reads another language live in {@code config/statements/<language>/}
 * (the same categories, each fitting that language's post limit); the brand's {@code language} picks the set.
 * Loading validates everything, so a bad template fails at start with file and key, not mid-crisis.
 */
public final class HoldingStatements {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> VARIANT_KEYS = Set.of("default", "SEV1", "SEV2", "SEV3");
    private static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ofPattern("HH:mm z 'on' d MMM", Locale.ENGLISH);
    /** The brand name assumed for brands without a display name, when checking that statements fit. */
    private static final String LONG_BRAND = "x".repeat(24);
    /** Next-update times per statement language; a language not here writes them the default way. */
    private static final Map<String, DateTimeFormatter> TIME_FORMATS = Map.of(
            "zh", DateTimeFormatter.ofPattern("M月d日 HH:mm（zzzz）", Locale.SIMPLIFIED_CHINESE));
    /** The brand name assumed in a language set for brands without a display name: twelve characters. */
    private static final Map<String, String> LONG_BRANDS = Map.of("zh", "品".repeat(12));

    private final Map<String, CategoryStatements> categories;
    private final Map<String, Map<String, CategoryStatements>> byLanguage;
    private final StatementSettings settings;

    public HoldingStatements(Map<String, CategoryStatements> categories, StatementSettings settings) {
        this(categories, Map.of(), settings);
    }

    /**
     * @param categories the default language's statements by category
     * @param byLanguage the statements of other languages, each set covering the same categories
     */
    public HoldingStatements(Map<String, CategoryStatements> categories, Map<String, Map<String, CategoryStatements>> byLanguage,
                             StatementSettings settings) {
        if (!categories.containsKey("other")) {
            throw new StatementConfigException("statements: other.yaml is required (used for unknown categories)");
        }
        for (var language : byLanguage.entrySet()) {
            var missing = new java.util.TreeSet<>(categories.keySet());
            missing.removeAll(language.getValue().keySet());
            if (!missing.isEmpty()) {
                throw new StatementConfigException("statements/" + language.getKey() + ": no statements for " + missing
                        + " (every category needs one in every language, or a brand's public would get the wrong language)");
            }
        }
        this.categories = Map.copyOf(categories);
        this.byLanguage = Map.copyOf(byLanguage);
        this.settings = settings;
        checkEveryStatementFits();
        for (var brand : settings.brands().entrySet()) {
            String language = settings.language(brand.getKey());
            if (!language.equals(StatementSettings.DEFAULT_LANGUAGE) && !byLanguage.containsKey(language)) {
                throw new StatementConfigException("statement-settings.yaml: brands." + brand.getKey() + ".language: no statements in '"
                        + language + "' (config/statements/" + language + "/); languages with statements: "
                        + new java.util.TreeSet<>(byLanguage.keySet()));
            }
        }
    }

    /**
     * Every variant, filled with the category's own wording for the issue, every configured brand's name and
     * help, and the longest time, must fit one post: the summary of a real wave is then cut to the room left.
     */
    private void checkEveryStatementFits() {
        // each brand is checked against the set its public reads
        List<String> brands = new ArrayList<>(settings.brands().keySet().stream()
                .filter(b -> !byLanguage.containsKey(settings.language(b))).sorted().toList());
        brands.add(null);
        List<String> problems = new ArrayList<>();
        checkFits(categories, brands, LONG_BRAND, TIME_FORMAT, settings.maxPostChars(), "max_post_chars", problems);
        for (var language : byLanguage.entrySet()) {
            List<String> readers = new ArrayList<>(settings.brands().keySet().stream()
                    .filter(b -> settings.language(b).equals(language.getKey())).sorted().toList());
            readers.add(null);
            checkFits(language.getValue(), readers, LONG_BRANDS.getOrDefault(language.getKey(), LONG_BRAND),
                    timeFormat(language.getKey()), settings.maxPostChars(language.getKey()),
                    "max_post_chars_by_language." + language.getKey(), problems);
        }
        if (!problems.isEmpty()) {
            throw new StatementConfigException(String.join("\n", problems));
        }
    }

    private void checkFits(Map<String, CategoryStatements> set, List<String> brands, String longBrand, DateTimeFormatter timeFormat,
                           int maxChars, String limitKey, List<String> problems) {
        for (CategoryStatements c : set.values()) {
            for (Map<String, Template> texts : c.variants().values()) {
                for (Template t : texts.values()) {
                    for (String brand : brands) {
                        String name = brand == null ? longBrand : plain(settings.displayName(brand));
                        String help = plain(brand == null ? settings.defaultHelp() : settings.help(brand));
                        String precaution = plain(brand == null ? settings.defaultPrecaution() : settings.precaution(brand));
                        String time = longestTime(timeFormat, brand == null ? settings.zone() : settings.zone(brand));
                        int length = t.fill(values(name, c.issueFallback(), help, precaution, time)).length();
                        if (length > maxChars) {
                            problems.add(t.where() + ": " + length + " characters with "
                                    + (brand == null ? "a " + longBrand.length() + "-character brand name" : "brand '" + brand + "'")
                                    + " and the issue_fallback; a post takes at most " + maxChars
                                    + " (" + limitKey + " in statement-settings.yaml)");
                            break;
                        }
                    }
                }
            }
        }
    }

    private static DateTimeFormatter timeFormat(String language) {
        return TIME_FORMATS.getOrDefault(language, TIME_FORMAT);
    }

    /** The longest next-update time written in this zone (a two-digit day, winter or summer time's name). */
    private static String longestTime(DateTimeFormatter format, ZoneId zone) {
        String winter = format.withZone(zone).format(java.time.LocalDateTime.of(2026, 12, 30, 23, 59).atZone(zone));
        String summer = format.withZone(zone).format(java.time.LocalDateTime.of(2026, 7, 30, 23, 59).atZone(zone));
        return winter.length() >= summer.length() ? winter : summer;
    }

    private static Map<Placeholder, String> values(String brand, String issue, String help, String precaution,
                                                   String nextUpdate) {
        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        values.put(Placeholder.BRAND, brand);
        values.put(Placeholder.ISSUE, issue);
        values.put(Placeholder.HELP, help);
        values.put(Placeholder.PRECAUTION, precaution);
        values.put(Placeholder.NEXT_UPDATE, nextUpdate);
        return values;
    }

    /** Loads {@code statementsDir/*.yaml} and the settings file. */
    public static HoldingStatements load(Path statementsDir, Path settingsFile) {
        Map<String, CategoryStatements> categories = readSet(statementsDir);
        Map<String, Map<String, CategoryStatements>> byLanguage = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(statementsDir)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                String language = dir.getFileName().toString();
                if (!language.matches("[a-z]{2,3}")) {
                    throw new StatementConfigException(statementsDir.getFileName() + "/" + language
                            + ": a folder of statements is named by its language (ISO 639-1, e.g. zh)");
                }
                byLanguage.put(language, readSet(dir));
            }
        } catch (IOException e) {
            throw new StatementConfigException(statementsDir + ": cannot read: " + e.getMessage(), e);
        }
        return new HoldingStatements(categories, byLanguage, parseSettings(settingsFile));
    }

    private static Map<String, CategoryStatements> readSet(Path dir) {
        Map<String, CategoryStatements> set = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                CategoryStatements parsed = attempt(problems, () -> parseCategory(file));
                if (parsed != null) {
                    set.put(parsed.category(), parsed);
                }
            }
        } catch (IOException e) {
            throw new StatementConfigException(dir + ": cannot read: " + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            throw new StatementConfigException(String.join("\n", problems));
        }
        return set;
    }

    /** The languages with a statement set of their own, besides the default. */
    public Map<String, Map<String, CategoryStatements>> byLanguage() {
        return byLanguage;
    }

    public Map<String, CategoryStatements> categories() {
        return categories;
    }

    /** The brand as the public knows it (settings' display_name, else the brand id). */
    public String displayName(String brand) {
        return settings.displayName(brand);
    }

    /** The recommended statement for this alert with no posts to summarise: the issue is the category's wording. */
    public HoldingStatement write(Alert alert, Instant now) {
        return write(alert, List.of(), now);
    }

    /** The language the brand's public reads (statement-settings.yaml), which also picks its playbooks. */
    public String language(String brand) {
        return settings.language(brand);
    }

    /**
     * The recommended statement for this alert. The issue is the phrase the wave's posts keep repeating
     * ({@link IssuePhrase}), cut to the room the template leaves in one post, else the category's wording;
     * the next update is the first slot ahead of both {@code now} and the alert's own last update, in the
     * brand's time zone.
     *
     * @param posts the wave's posts, most shared first (hostile text: only words survive into the statement)
     */
    public HoldingStatement write(Alert alert, List<String> posts, Instant now) {
        String language = settings.language(alert.brand());
        Map<String, CategoryStatements> set = byLanguage.getOrDefault(language, categories);
        boolean translated = set != categories;
        CategoryStatements category = set.getOrDefault(alert.category(), set.get("other"));
        String variant = category.variantFor(alert.severity());
        String key = category.keyFor(variant, alert.severity());
        Template template = category.variants().get(variant).get(key);
        String brand = plain(settings.displayName(alert.brand()));
        String help = plain(settings.help(alert.brand()));
        String precaution = plain(settings.precaution(alert.brand()));
        String next = timeFormat(language).withZone(settings.zone(alert.brand())).format(nextUpdate(alert, now));
        int room = settings.maxPostChars(language) - template.fill(values(brand, "", help, precaution, next)).length();
        // a brand without a display name is known by its id: the two may be the same
        String issue = IssuePhrase.of(posts, terms(alert), Set.copyOf(List.of(alert.brand(), brand)), room);
        // the phrase is in the posts' language: it goes into a statement written in the same one (Chinese
        // posts for a Chinese set, others for the default set), else the category's own words are used
        boolean chinese = "zh".equals(language);
        if (issue != null && (ChineseText.hasHan(issue) != chinese || translated && !chinese)) {
            issue = null;
        }
        String text = template.fill(values(brand, issue == null ? category.issueFallback() : issue, help, precaution, next));
        String id = (translated ? language + "/" : "") + category.category() + "/" + variant + "/" + key;
        return new HoldingStatement(id, text, category.checklist());
    }

    private static List<String> terms(Alert alert) {
        return alert.evidence() == null ? List.of() : alert.evidence().topTerms();
    }

    /**
     * The first slot of fired + k * interval (k >= 1) after both {@code now} and the alert's last update: a
     * statement never promises an update at a time already gone, also when the alert's event time runs
     * ahead of the clock that writes it (a backtest, a source in another zone).
     */
    Instant nextUpdate(Alert alert, Instant now) {
        Duration every = settings.updateEvery(alert.severity());
        Instant after = alert.updatedAt() != null && alert.updatedAt().isAfter(now) ? alert.updatedAt() : now;
        Instant next = alert.firedAt().plus(every);
        if (next.isAfter(after)) {
            return next;
        }
        long behind = Duration.between(alert.firedAt(), after).toMillis() / every.toMillis();
        return alert.firedAt().plus(every.multipliedBy(behind + 1));
    }

    private static String plain(String value) {
        return value.replaceAll("[\\p{Cntrl}{}<>`*_~|]", " ").replaceAll("\\s+", " ").trim();
    }

    /**
     * One statement file; every variant, recommendation and list is checked, so a file with two mistakes
     * is fixed in one pass (the exception names each problem on a line of its own).
     */
    private static CategoryStatements parseCategory(Path file) {
        String name = file.getFileName().toString();
        JsonNode root = readYaml(file);
        List<String> problems = new ArrayList<>();
        String category = attempt(problems, () -> text(root, "category", name));
        if (category != null && !(category + ".yaml").equals(name)) {
            problems.add(name + ": category '" + category + "' must live in " + category + ".yaml");
        }
        Map<String, Map<String, Template>> variants = new LinkedHashMap<>();
        JsonNode variantsNode = attempt(problems, () -> object(root, "variants", name));
        if (variantsNode != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = variantsNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> variant = it.next();
                Map<String, Template> texts = attempt(problems, () -> variant(name, variant.getKey(), variant.getValue()));
                variants.put(variant.getKey(), texts);
            }
            if (variants.size() < 2) {
                problems.add(name + ": variants needs at least two variants");
            }
        }
        Map<String, String> recommend = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("recommend").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String where = name + ": recommend." + entry.getKey();
            if (!VARIANT_KEYS.contains(entry.getKey())) {
                problems.add(where + ": key must be one of " + VARIANT_KEYS);
            } else if (variantsNode != null && !variants.containsKey(entry.getValue().asText())) {
                problems.add(where + ": no variant named '" + entry.getValue().asText() + "'");
            }
            recommend.put(entry.getKey(), entry.getValue().asText());
        }
        if (variantsNode != null && !recommend.containsKey(CategoryStatements.DEFAULT) && !variants.containsKey("holding")) {
            problems.add(name + ": recommend.default is missing and there is no 'holding' variant");
        }
        Checklist checklist = attempt(problems, () -> {
            JsonNode checklistNode = object(root, "checklist", name);
            return new Checklist(strings(checklistNode, "do", name + ": checklist"), strings(checklistNode, "dont", name + ": checklist"));
        });
        String fallback = attempt(problems, () -> text(root, "issue_fallback", name));
        if (!problems.isEmpty()) {
            throw new StatementConfigException(String.join("\n", problems));
        }
        return new CategoryStatements(category, fallback, variants, recommend, checklist);
    }

    /** One variant's texts by severity. */
    private static Map<String, Template> variant(String name, String key, JsonNode node) {
        String path = "variants." + key;
        if (!node.isObject()) {
            throw new StatementConfigException(name + ": " + path + " must map default/SEV1/SEV2/SEV3 to text");
        }
        Map<String, Template> texts = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> t = node.fields(); t.hasNext(); ) {
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
        return texts;
    }

    /** The value, or null with the problem noted. */
    private static <T> T attempt(List<String> problems, java.util.function.Supplier<T> part) {
        try {
            return part.get();
        } catch (StatementConfigException e) {
            problems.add(e.getMessage());
            return null;
        }
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
            ZoneId brandZone = null;
            if (b.hasNonNull("time_zone")) {
                try {
                    brandZone = ZoneId.of(b.get("time_zone").asText());
                } catch (java.time.DateTimeException e) {
                    throw new StatementConfigException(name + ": brands." + entry.getKey() + ".time_zone: " + e.getMessage(), e);
                }
            }
            String language = null;
            if (b.hasNonNull("language")) {
                language = b.get("language").asText().strip();
                if (!language.matches("[a-z]{2,3}")) {
                    throw new StatementConfigException(name + ": brands." + entry.getKey() + ".language: '" + language
                            + "' is not a language code (ISO 639-1, e.g. en, zh)");
                }
            }
            brands.put(entry.getKey(), new StatementSettings.BrandContact(
                    b.hasNonNull("display_name") ? b.get("display_name").asText() : null,
                    b.hasNonNull("help") ? b.get("help").asText() : null, brandZone, language,
                    b.hasNonNull("precaution") ? b.get("precaution").asText() : null));
        }
        int maxChars = StatementSettings.X_POST_CHARS;
        if (root.has("max_post_chars")) {
            if (!root.get("max_post_chars").canConvertToInt() || root.get("max_post_chars").asInt() < 100) {
                throw new StatementConfigException(name + ": max_post_chars must be a number of characters, at least 100");
            }
            maxChars = root.get("max_post_chars").asInt();
        }
        Map<String, Integer> byLanguage = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("max_post_chars_by_language").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().canConvertToInt() || entry.getValue().asInt() < 50) {
                throw new StatementConfigException(name + ": max_post_chars_by_language." + entry.getKey()
                        + " must be a number of characters, at least 50");
            }
            byLanguage.put(entry.getKey(), entry.getValue().asInt());
        }
        return new StatementSettings(zone, every, text(root, "default_help", name), brands, maxChars, byLanguage,
                root.hasNonNull("default_precaution") ? root.get("default_precaution").asText() : null);
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
