package io.firebreak.authoring;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML value with the file and line it starts on, as SnakeYAML composes it: Jackson's trees keep no
 * locations, and a rule author must be told which line is wrong.
 */
record Located(Path file, Node node) {

    /** A YAML file that cannot be read or parsed, with the line the parser stopped at. */
    static final class Unreadable extends Exception {
        final int line;

        Unreadable(String message, int line) {
            super(message);
            this.line = line;
        }
    }

    /** The document of {@code file}; null for an empty file. */
    static Located read(Path file) throws Unreadable {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Node root = new Yaml(new LoaderOptions()).compose(r);
            return root == null ? null : new Located(file, root);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new Unreadable(e.getProblem() == null ? e.getMessage() : e.getProblem(), line);
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("cannot read: " + e.getMessage(), 0);
        }
    }

    /** 1-based, as editors count. */
    int line() {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    String where() {
        return file + ":" + line();
    }

    boolean isMap() {
        return node instanceof MappingNode;
    }

    boolean isList() {
        return node instanceof SequenceNode;
    }

    boolean isScalar() {
        return node instanceof ScalarNode;
    }

    /** The scalar's text; throws naming the line when this is a map or a list. */
    String text() {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        throw new IllegalArgumentException(where() + ": expected a single value, found a " + (isMap() ? "map" : "list"));
    }

    /** The map's entries in file order, keys as text. */
    Map<String, Located> fields() {
        if (!(node instanceof MappingNode m)) {
            throw new IllegalArgumentException(where() + ": expected a map (key: value)");
        }
        Map<String, Located> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(t.getKeyNode());
            out.put(key, new Located(file, t.getValueNode()));
        }
        return out;
    }

    /** The line each key of a map stands on. */
    Map<String, Integer> keyLines() {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(t.getKeyNode());
                out.put(key, t.getKeyNode().getStartMark().getLine() + 1);
            }
        }
        return out;
    }

    List<Located> items() {
        if (!(node instanceof SequenceNode s)) {
            throw new IllegalArgumentException(where() + ": expected a list (- item)");
        }
        List<Located> out = new ArrayList<>();
        for (Node n : s.getValue()) {
            out.add(new Located(file, n));
        }
        return out;
    }
}
