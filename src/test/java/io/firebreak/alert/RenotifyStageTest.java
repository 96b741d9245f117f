package io.firebreak.alert;

import static io.firebreak.alert.Alerts.T0;
import static io.firebreak.alert.Alerts.firing;
import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.alert.Alert.Severity;
import io.firebreak.alert.Alert.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenotifyStageTest {

    private final AlertStateStore store = new InMemoryAlertStateStore();
    private final RenotifyStage stage = new RenotifyStage(store, Duration.ofMinutes(30));

    @Test
    void unchangedFiringAlertIsResentAfterTheIntervalNotBefore() {
        Alert alert = firing("a", 100);
        assertThat(stage.apply(List.of(alert), T0)).containsExactly(alert);
        sent(alert, T0);

        Instant due = T0.plus(Duration.ofMinutes(30));
        assertThat(stage.apply(List.of(alert), due.minusMillis(1))).isEmpty();
        assertThat(stage.apply(List.of(alert), due)).containsExactly(alert);
    }

    @Test
    void growingEvidenceAloneWaitsForTheInterval() {
        sent(firing("a", 100), T0);
        assertThat(stage.apply(List.of(firing("a", 300)), T0.plusSeconds(60))).isEmpty();
    }

    @Test
    void severityOrStatusChangeGoesAtOnce() {
        Alert alert = firing("a", 100);
        sent(alert, T0);
        Alert escalated = new Alert("a", alert.rule(), alert.brand(), alert.category(), Severity.SEV1, Status.escalated,
                alert.firedAt(), T0.plusSeconds(60), null, alert.evidence(), null);
        assertThat(stage.apply(List.of(escalated), T0.plusSeconds(60))).containsExactly(escalated);
    }

    @Test
    void resolvedIsSentOnceAndNeverRepeated() {
        sent(firing("a", 100), T0);
        Alert resolved = Alerts.alert("a", "acme", "outage", Severity.SEV2, Status.resolved, 100);
        assertThat(stage.apply(List.of(resolved), T0.plusSeconds(60))).containsExactly(resolved);
        sent(resolved, T0.plusSeconds(60));
        assertThat(stage.apply(List.of(resolved), T0.plus(Duration.ofDays(1)))).isEmpty();
    }

    private void sent(Alert alert, Instant at) {
        store.save(store.find(alert.alertId()).orElse(AlertState.none(alert.alertId())).withSent(alert, at));
    }
}
