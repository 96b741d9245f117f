package io.firebreak.alert;

import static io.firebreak.alert.Alerts.T0;
import static io.firebreak.alert.Alerts.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firebreak.detect.Severity;
import io.firebreak.alert.Alert.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SilencesTest {

    private final Alert acmePricing = alert("a", "acme", "pricing", Severity.SEV2, Status.firing, 100);
    private final Alert acmeSafety = alert("b", "acme", "safety", Severity.SEV1, Status.firing, 100);
    private final Alert globexPricing = alert("c", "globex", "pricing", Severity.SEV3, Status.firing, 100);

    @Test
    void silenceMutesMatchingAlertsUntilItsExpiryAndNotAfter() {
        Silences silences = new Silences();
        Instant expiry = T0.plus(Duration.ofHours(1));
        silences.add(new Silence("s1", "acme", "pricing", null, expiry, "price change announced", "comms"), T0);
        SilenceStage stage = new SilenceStage(silences);
        List<Alert> all = List.of(acmePricing, acmeSafety, globexPricing);

        assertThat(stage.apply(all, T0)).containsExactly(acmeSafety, globexPricing);
        assertThat(stage.apply(all, expiry.minusMillis(1))).containsExactly(acmeSafety, globexPricing);
        assertThat(stage.apply(all, expiry)).containsExactly(acmePricing, acmeSafety, globexPricing);
        assertThat(silences.list(expiry)).isEmpty();
    }

    @Test
    void addListRemoveAtRuntime() {
        Silences silences = new Silences();
        silences.add(new Silence("rule", null, null, "negative-spike", T0.plusSeconds(600), null, null), T0);
        silences.add(new Silence("brand", "globex", null, null, T0.plusSeconds(60), null, null), T0);

        assertThat(silences.list(T0)).extracting(Silence::id).containsExactly("brand", "rule");
        assertThat(silences.matching(acmeSafety, T0)).map(Silence::id).hasValue("rule");
        assertThat(silences.remove("rule")).isTrue();
        assertThat(silences.remove("rule")).isFalse();
        assertThat(silences.matching(acmeSafety, T0)).isEmpty();
    }

    @Test
    void expiredOrMatchEverythingSilencesAreRefused() {
        Silences silences = new Silences();
        assertThatThrownBy(() -> silences.add(new Silence("old", "acme", null, null, T0, null, null), T0))
                .hasMessageContaining("already expired");
        assertThatThrownBy(() -> new Silence("all", null, null, null, T0.plusSeconds(1), null, null))
                .hasMessageContaining("at least one of brand, category, rule");
    }

    @Test
    void loadsFromYamlAndNamesTheEntryOnError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("silences.yaml");
        Files.writeString(file, """
                silences:
                  - id: acme-sale
                    brand: acme
                    category: pricing
                    expires_at: 2026-03-02T10:00:00Z
                    reason: sale
                """);
        assertThat(Silences.load(file).matching(acmePricing, T0)).map(Silence::reason).hasValue("sale");

        Files.writeString(file, "silences:\n  - id: forever\n    brand: acme\n");
        assertThatThrownBy(() -> Silences.load(file)).hasMessageContaining("silences[0] (forever): expires_at is missing");
        assertThat(Silences.load(dir.resolve("absent.yaml")).list(T0)).isEmpty();
    }

    @Test
    void runtimeSilencesSurviveARestartAndRemovalsToo(@TempDir Path dir) {
        Path config = dir.resolve("config-silences.yaml");
        Path runtime = dir.resolve("data/silences.yaml");
        Silences before = Silences.load(config, runtime);
        before.add(new Silence("s1", "acme", "pricing", null, T0.plusSeconds(3600), "sale", "comms"), T0);
        before.add(new Silence("s2", "globex", null, null, T0.plusSeconds(3600), null, null), T0);
        before.remove("s2");

        Silences after = Silences.load(config, runtime);

        assertThat(after.list(T0)).containsExactly(
                new Silence("s1", "acme", "pricing", null, T0.plusSeconds(3600), "sale", "comms"));
        assertThat(Silences.load(config, runtime).matching(acmePricing, T0)).isPresent();
    }

    @Test
    void shippedFileLoads() {
        assertThat(Silences.load(Path.of("config/silences.yaml")).list(T0)).isEmpty();
    }

}
