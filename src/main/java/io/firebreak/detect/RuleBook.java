package io.firebreak.detect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.conf.EventProcessingOption;
import org.kie.api.io.ResourceType;
import org.kie.internal.io.ResourceFactory;

/**
 * The rules of {@code rules/*.drl} compiled at run time, with the thresholds they read and the
 * {@link Decisions} around them (the {@code decisions:} entry of the thresholds file). Compiling either
 * succeeds whole or reports every problem with file and line; it never half-loads.
 */
public record RuleBook(KieBase kieBase, List<Thresholds> thresholds, List<Path> files, Decisions decisions) {

    /** The key of thresholds.yaml that holds {@link Decisions}, not a rule id. */
    public static final String DECISIONS = "decisions";

    public RuleBook {
        decisions = decisions != null ? decisions : Decisions.DEFAULTS;
    }

    public RuleBook(KieBase kieBase, List<Thresholds> thresholds, List<Path> files) {
        this(kieBase, thresholds, files, Decisions.DEFAULTS);
    }

    /**
     * The same compiled rules with thresholds and decisions from {@code tree} (the thresholds file as a
     * tree, changed): a sweep swaps these without compiling again, as they are facts and settings.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public RuleBook withThresholds(ObjectNode tree, Path file) {
        List<Problem> problems = new ArrayList<>();
        Read read = fromTree(tree, file, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).message());
        }
        return new RuleBook(kieBase, read.thresholds, files, read.decisions);
    }

    private static final AtomicLong COMPILATIONS = new AtomicLong();

    /** One thing wrong in a rule or threshold file. {@code line} is 0 when the compiler gave none. */
    public record Problem(Path file, int line, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + message;
        }
    }

    /** Compiling failed; nothing of the new files is in use. */
    public static final class InvalidRules extends Exception {
        private final List<Problem> problems;

        InvalidRules(List<Problem> problems) {
            super(problems.size() + " problem(s) in rules: " + problems);
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    public static RuleBook compile(Path rulesDir, Path thresholdsFile) throws InvalidRules {
        List<Problem> problems = new ArrayList<>();
        Read read = readThresholds(thresholdsFile, problems);
        List<Path> files = drlFiles(rulesDir, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRules(problems);
        }
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        // an id of its own per compilation: the KIE repository is JVM-wide, and two engines (or a reload
        // racing a test) must not build each other's rules
        ReleaseId id = ks.newReleaseId("io.firebreak", "rules", "1.0." + COMPILATIONS.incrementAndGet());
        kfs.generateAndWritePomXML(id);
        for (Path f : files) {
            try {
                kfs.write(ResourceFactory.newByteArrayResource(Files.readAllBytes(f))
                        .setSourcePath("rules/" + f.getFileName())
                        .setResourceType(ResourceType.DRL));
            } catch (IOException e) {
                problems.add(new Problem(f, 0, "cannot read: " + e.getMessage()));
            }
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            Path file = m.getPath() == null ? rulesDir : rulesDir.resolve(Path.of(m.getPath()).getFileName());
            // the parser adds a "null Package" echo after each syntax error: it names no line and says nothing new
            if (m.getLine() == 0 && m.getText().contains("null Package")) {
                continue;
            }
            problems.add(new Problem(file, m.getLine(), m.getText().strip()));
        }
        if (!problems.isEmpty()) {
            ks.getRepository().removeKieModule(id);
            throw new InvalidRules(problems);
        }
        KieBaseConfiguration conf = ks.newKieBaseConfiguration();
        conf.setOption(EventProcessingOption.STREAM);
        KieBase base = ks.newKieContainer(id).newKieBase(conf);
        ks.getRepository().removeKieModule(id); // the KieBase is built; keeping the module would leak one per reload
        return new RuleBook(base, read.thresholds, files, read.decisions);
    }

    private static List<Path> drlFiles(Path rulesDir, List<Problem> problems) {
        try (Stream<Path> s = Files.list(rulesDir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted().toList();
        } catch (IOException e) {
            problems.add(new Problem(rulesDir, 0, "cannot list rules: " + e.getMessage()));
            return List.of();
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private record Read(List<Thresholds> thresholds, Decisions decisions) {}

    /** Every rule's thresholds and the decisions in the thresholds file, without compiling anything. */
    public static List<Problem> checkThresholds(Path file) {
        List<Problem> problems = new ArrayList<>();
        readThresholds(file, problems);
        return problems;
    }

    private static Read readThresholds(Path file, List<Problem> problems) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            problems.add(new Problem(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), e.getOriginalMessage()));
            return new Read(List.of(), Decisions.DEFAULTS);
        } catch (IOException e) {
            problems.add(new Problem(file, 0, "cannot read: " + e.getMessage()));
            return new Read(List.of(), Decisions.DEFAULTS);
        }
        if (root == null || !root.isObject()) {
            problems.add(new Problem(file, 0, "expected a map from rule id to thresholds"));
            return new Read(List.of(), Decisions.DEFAULTS);
        }
        return fromTree((ObjectNode) root, file, problems);
    }

    private static Read fromTree(ObjectNode root, Path file, List<Problem> problems) {
        List<Thresholds> out = new ArrayList<>();
        Decisions decisions = Decisions.DEFAULTS;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals(DECISIONS)) {
                int before = problems.size();
                DecisionKeys.check(e.getValue(), file, problems);
                if (problems.size() > before) {
                    continue;
                }
                try {
                    Decisions d = YAML.treeToValue(e.getValue(), Decisions.class);
                    decisions = d != null ? d : Decisions.DEFAULTS;
                } catch (JsonProcessingException | IllegalArgumentException ex) {
                    problems.add(new Problem(file, lineOf(file, e.getKey()), DECISIONS + ": " + firstLine(ex.getMessage())));
                }
                continue;
            }
            try {
                ObjectNode node = ((ObjectNode) e.getValue()).deepCopy();
                node.put("rule", e.getKey());
                Thresholds t = YAML.treeToValue(node, Thresholds.class);
                if (t.span() != null) {
                    Span.of(t.span());
                }
                out.add(t);
            } catch (ClassCastException | JsonProcessingException | IllegalArgumentException ex) {
                problems.add(new Problem(file, lineOf(file, e.getKey()), "rule '" + e.getKey() + "': " + firstLine(ex.getMessage())));
            }
        }
        return new Read(List.copyOf(out), decisions);
    }

    /** Jackson's message without the reference chain it appends on later lines. */
    private static String firstLine(String message) {
        if (message == null) {
            return "invalid";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** The line an entry starts on: the tree Jackson builds keeps no locations, the text does. */
    private static int lineOf(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(key + ":")) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }
}
