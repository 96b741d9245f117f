package io.firebreak.alert;

import static io.firebreak.alert.DedupTest.T;
import static io.firebreak.alert.DedupTest.raw;
import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.alert.Alert.Severity;
import io.firebreak.alert.Alert.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** An open alert resolves only after the quiet time has passed with no signal and a calm brand. */
class AutoResolveTest {

    final OpenAlerts open = new OpenAlerts();
    final AtomicBoolean calm = new AtomicBoolean(true);
    final AutoResolve resolve = new AutoResolve(open, Duration.ofMinutes(60), (b, c, now) -> calm.get());

    @Test
    void resolvesExactlyWhenTheQuietTimeHasPassed() {
        new Dedup(open).apply(List.of(raw("negative-spike", "acme", "safety", Severity.SEV2, T)), T);

        assertThat(resolve.apply(List.of(), T.plus(Duration.ofMinutes(59)))).isEmpty();
        Instant quietEnough = T.plus(Duration.ofMinutes(60));
        assertThat(resolve.apply(List.of(), quietEnough)).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(Status.resolved);
            assertThat(a.resolvedAt()).isEqualTo(quietEnough);
            assertThat(a.alertId()).isEqualTo("acme/safety/20260302T0905Z");
        });
        assertThat(open.entries()).isEmpty();
    }

    @Test
    void aBrandStillAboveBaseline_restartsTheQuietTime() {
        new Dedup(open).apply(List.of(raw("negative-spike", "acme", "safety", Severity.SEV2, T)), T);
        calm.set(false);
        resolve.apply(List.of(), T.plus(Duration.ofMinutes(50)));
        calm.set(true);

        assertThat(resolve.apply(List.of(), T.plus(Duration.ofMinutes(60)))).isEmpty();
        assertThat(resolve.apply(List.of(), T.plus(Duration.ofMinutes(110)))).singleElement()
                .extracting(Alert::status).isEqualTo(Status.resolved);
    }

    @Test
    void passesOnWhatItIsGiven() {
        var a = raw("negative-spike", "acme", "safety", Severity.SEV2, T);
        assertThat(resolve.apply(List.of(a), T)).containsExactly(a);
    }
}
