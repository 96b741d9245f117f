package io.firebreak.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    void accessAndLimits_badValuesAreEachNamed_andTheSecretsVariableMustBeANameNotASecret(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("firebreak.yaml");
        Files.writeString(file, Files.readString(SHIPPED)
                .replace("signature_secret_env: \"\"", "signature_secret_env: \"whsec-abc123 pasted by mistake\"")
                .replace("max_nesting_depth: 32", "max_nesting_depth: 1")
                .replace("silence_max_days: 30", "silence_max_days: 0"));

        assertThatThrownBy(() -> Settings.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("access.signature_secret_env: is not an environment variable name")
                .hasMessageNotContaining("whsec-abc123")
                .hasMessageContaining("max_nesting_depth >= 3")
                .hasMessageContaining("limits.silence_max_days: must be at least 1");
    }

    @Test
    void shippedLimits_areTheDefaultsTheToolsUse() {
        assertThat(Settings.load(SHIPPED, Map.of()).limits()).isEqualTo(Settings.Limits.defaults());
    }

    @Test
    void credentials_neverPrintTheSecret() {
        var c = Settings.Credentials.fromEnvironment(Map.of("FIREBREAK_ES_API_KEY", "s3cr3t-key"));
        assertThat(c.toString()).isEqualTo("api-key").doesNotContain("s3cr3t");
    }

    @Test
    void credentials_comeFromTheEnvironmentFirst_thenFromTheUrl() {
        String url = "https://firebreak:s3cr3t@es.example:9200";
        assertThat(Settings.Credentials.forUrl(url, Map.of()))
                .isEqualTo(new Settings.Credentials(null, "firebreak", "s3cr3t"));
        assertThat(Settings.Credentials.forUrl(url, Map.of("FIREBREAK_ES_API_KEY", "k")).apiKey()).isEqualTo("k");
        assertThat(Settings.Credentials.forUrl(url, Map.of("FIREBREAK_ES_USER", "ops", "FIREBREAK_ES_PASSWORD", "pw")).username())
                .isEqualTo("ops");
        assertThat(Settings.Credentials.forUrl("https://u:p%40ss@es.example:9200", Map.of()).password()).isEqualTo("p@ss");
        assertThat(Settings.Credentials.forUrl("https://es.example:9200", Map.of())).isEqualTo(Settings.Credentials.NONE);
        assertThat(Settings.Credentials.forUrl(url, Map.of()).toString()).isEqualTo("basic(firebreak)");
    }

    @Test
    void credentials_asAnAuthorizationHeader() {
        assertThat(new Settings.Credentials("a2V5", null, null).authorization()).isEqualTo("ApiKey a2V5");
        assertThat(new Settings.Credentials(null, "u", "p").authorization()).isEqualTo("Basic dTpw");
        assertThat(Settings.Credentials.NONE.authorization()).isNull();
    }

    @Test
    void aBadUrlWithCredentials_isNamedWithoutTheSecret(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("firebreak.yaml");
        Files.writeString(file, Files.readString(SHIPPED));
        for (String bad : List.of("firebreak:s3cr3t@es.example:9200",
                "https://firebreak:s3 cr3t@es.example:9200", "https://firebreak:s3cr3t@")) {
            assertThatThrownBy(() -> Settings.load(file, Map.of("FIREBREAK_ES_URL", bad)))
                    .as(bad).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("elasticsearch.url")
                    .hasMessageNotContaining("s3cr3t").hasMessageNotContaining("cr3t");
        }
    }
}
