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
 * The rules of {@code rules/*.drl} compiled at run time, with the thresholds they read. Compiling either
 * succeeds whole or reports every problem with file and line; it never half-loads.
 */
public record RuleBook(KieBase kieBase, List<Thresholds> thresholds, List<Path> files) {

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
        List<Thresholds> thresholds = readThresholds(thresholdsFile, problems);
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
        return new RuleBook(base, thresholds, files);
    }

    private static List<Path> drlFiles(Path rulesDir, List<Problem> problems) {
        try (Stream<Path> s = Files.list(rulesDir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted().toList();
        } catch (IOException e) {
            problems.add(new Problem(rulesDir, 0, "cannot list rules: " + e.getMessage()));
            return List.of();
        }
    }

    private static List<Thresholds> readThresholds(Path file, List<Problem> problems) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        List<Thresholds> out = new ArrayList<>();
        JsonNode root;
        try {
            root = yaml.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            problems.add(new Problem(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), e.getOriginalMessage()));
            return out;
        } catch (IOException e) {
            problems.add(new Problem(file, 0, "cannot read: " + e.getMessage()));
            return out;
        }
        if (root == null || !root.isObject()) {
            problems.add(new Problem(file, 0, "expected a map from rule id to thresholds"));
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            try {
                ObjectNode node = ((ObjectNode) e.getValue()).deepCopy();
                node.put("rule", e.getKey());
                Thresholds t = yaml.treeToValue(node, Thresholds.class);
                if (t.span() != null) {
                    Span.of(t.span());
                }
                out.add(t);
            } catch (ClassCastException | JsonProcessingException | IllegalArgumentException ex) {
                problems.add(new Problem(file, lineOf(file, e.getKey()), "rule '" + e.getKey() + "': " + ex.getMessage()));
            }
        }
        return out;
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
