package io.firebreak.detect;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The line a key path stands on in a YAML file, from SnakeYAML's nodes (Jackson's trees keep no
 * locations): a problem in {@code decisions.calm.max-z} is shown on that key's line, not its block's.
 */
final class YamlLines {

    private final Node root;

    private YamlLines(Node root) {
        this.root = root;
    }

    /** The file's lines; a file that cannot be read names no lines (0), its parser's problem is reported elsewhere. */
    static YamlLines of(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return new YamlLines(null);
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new YamlLines(new Yaml(new LoaderOptions()).compose(r));
        } catch (IOException | RuntimeException e) {
            return new YamlLines(null);
        }
    }

    /** The 1-based line of the deepest key of {@code keys} found; 0 when not even the first is there. */
    int line(String... keys) {
        Node node = root;
        int line = 0;
        for (String key : keys) {
            if (!(node instanceof MappingNode map)) {
                return line;
            }
            NodeTuple found = null;
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) {
                    found = t;
                }
            }
            if (found == null) {
                return line;
            }
            line = found.getKeyNode().getStartMark().getLine() + 1;
            node = found.getValueNode();
        }
        return line;
    }
}
