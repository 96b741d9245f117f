package io.firebreak.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.firebreak.config.ConfigException;
import io.firebreak.config.Home;
import io.firebreak.ingest.ExportMapping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every config file is checked before anything starts, and every problem is named in one go. */
class ConfigurationTest {

    @TempDir
    Path root;

    private Home copyOfTheShippedFiles() throws IOException {
        for (String dir : new String[] {"config", "rules"}) {
            try (Stream<Path> files = Files.walk(Path.of(dir))) {
                for (Path f : files.toList()) {
                    Path target = root.resolve(f.toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(f, target);
                    }
                }
            }
        }
        return new Home(root);
    }

    @Test
    void theShippedConfigurationLoads() throws IOException {
        Configuration config = Configuration.load(copyOfTheShippedFiles());
        assertThat(config.detection()).isNotNull();
        assertThat(config.exports()).anyMatch(ExportMapping::json).anyMatch(m -> !m.json());
    }

    @Test
    void fourBrokenFiles_areAllNamed_inOneError() throws IOException {
        Home home = copyOfTheShippedFiles();
        Files.writeString(home.config("routing.yaml"), "default_channel: x\nroutes:\n  - severty: SEV1\n    channel: y\n");
        Files.writeString(home.config("alerts.yaml"), "quiet-tme: PT60M\n");
        Files.writeString(home.config("thresholds.yaml"), "negative-spike:\n  span: 7m\n");
        Files.writeString(home.config("roles.yaml"), "roles: {lead: {users: [U0LEAD1]}}\npermissions: {resolve: [leads]}\n");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> Configuration.load(home));

        assertThat(e.getMessage()).startsWith("the configuration has 4 problem(s); nothing was started")
                .contains("routing.yaml: routes[0]: unknown key 'severty'")
                .contains("alerts.yaml").contains("quiet-tme")
                .contains("thresholds.yaml:1: rule 'negative-spike'").contains("7m")
                .contains("config/roles.yaml: permissions.resolve: no role 'leads' under roles");
    }
}
