package io.firebreak.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    private static final Path SHIPPED = Path.of("config", "firebreak.yaml");

    @Test
    void shippedSettings_areLoopbackAndEmbeddedByDefault() {
        Settings s = Settings.load(SHIPPED, Map.of());

        assertThat(s.api().host()).isEqualTo("127.0.0.1");
        assertThat(s.api().port()).isEqualTo(8080);
        assertThat(s.elasticsearch().isEmbedded()).isTrue();
    }

    @Test
    void environment_overridesUrlAndPort() {
        Settings s = Settings.load(SHIPPED, Map.of("FIREBREAK_ES_URL", "https://es.example:9200", "FIREBREAK_API_PORT", "9090"));

        assertThat(s.elasticsearch().isEmbedded()).isFalse();
        assertThat(s.elasticsearch().url()).isEqualTo("https://es.example:9200");
        assertThat(s.api().port()).isEqualTo(9090);
    }

    @Test
    void unknownKey_isNamedWithTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("firebreak.yaml");
        Files.writeString(file, Files.readString(SHIPPED).replace("  port: 8080", "  port: 8080\n  prot: 1"));

        assertThatThrownBy(() -> Settings.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("unknown setting 'prot'");
    }

    @Test
    void badValues_areEachNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("firebreak.yaml");
        Files.writeString(file, Files.readString(SHIPPED)
                .replace("port: 8080", "port: 70000")
                .replace("url: \"\"", "url: \"es.example:9200\""));

        assertThatThrownBy(() -> Settings.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("api.port: 70000 is not a port")
                .hasMessageContaining("elasticsearch.url: 'es.example:9200' must start with http:// or https://");
    }

    @Test
    void credentials_neverPrintTheSecret() {
        var c = Settings.Credentials.fromEnvironment(Map.of("FIREBREAK_ES_API_KEY", "s3cr3t-key"));
        assertThat(c.toString()).isEqualTo("api-key").doesNotContain("s3cr3t");
    }
}
