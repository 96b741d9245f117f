package io.firebreak.alert;

import static io.firebreak.alert.Alerts.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firebreak.detect.Severity;
import io.firebreak.alert.Alert.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutesTest {

    private final Routes shipped = Routes.load(Path.of("config/routing.yaml"));

    @Test
    void firstMatchingRouteWins() {
        assertThat(shipped.channelFor(alert("a", "acme", "safety", Severity.SEV1, Status.firing, 1)))
                .isEqualTo("#crisis-sev1-safety");
        assertThat(shipped.channelFor(alert("a", "acme", "outage", Severity.SEV1, Status.firing, 1)))
                .isEqualTo("#crisis-sev1");
        assertThat(shipped.channelFor(alert("a", "acme", "legal", Severity.SEV1, Status.firing, 1)))
                .as("SEV1 route comes first").isEqualTo("#crisis-sev1");
        assertThat(shipped.channelFor(alert("a", "acme", "legal", Severity.SEV3, Status.firing, 1)))
                .isEqualTo("#crisis-legal");
    }

    @Test
    void theOldRepeatIntervalIsAnErrorSayingWhereItWent(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("routing.yaml");
        Files.writeString(file, "default_channel: x\nrepeat_interval_minutes: 60\n");
        assertThatThrownBy(() -> Routes.load(file)).hasMessageContaining("update-every in config/alerts.yaml");
    }

    @Test
    void nothingMatchesGoesToTheDefault() {
        assertThat(shipped.channelFor(alert("a", "acme", "pricing", Severity.SEV2, Status.firing, 1)))
                .isEqualTo("#crisis-alerts");
    }

    @Test
    void brandRoute(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("routing.yaml");
        Files.writeString(file, """
                default_channel: "#all"
                routes:
                  - brand: [globex, initech]
                    channel: "#globex"
                """);
        Routes routes = Routes.load(file);
        assertThat(routes.channelFor(alert("a", "initech", "other", Severity.SEV3, Status.firing, 1))).isEqualTo("#globex");
        assertThat(routes.channelFor(alert("a", "acme", "other", Severity.SEV3, Status.firing, 1))).isEqualTo("#all");
    }

    @Test
    void typosAreErrorsWithFileAndRoute(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("routing.yaml");
        Files.writeString(file, "default_channel: x\nroutes:\n  - severty: SEV1\n    channel: y\n");
        assertThatThrownBy(() -> Routes.load(file)).hasMessageContaining("routing.yaml: routes[0]: unknown key 'severty'");
        Files.writeString(file, "default_channel: x\nroutes:\n  - severity: SEV9\n    channel: y\n");
        assertThatThrownBy(() -> Routes.load(file)).hasMessageContaining("routes[0].severity: 'SEV9'");
    }
}
