package io.firebreak.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.alert.Alert.Severity;
import io.firebreak.alert.Alert.Status;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Raw alerts of the same brand and category become one alert; only a rise in severity is news. */
class DedupTest {

    static final Instant T = Instant.parse("2026-03-02T09:05:00Z");

    static Alert raw(String rule, String brand, String category, Severity sev, Instant at) {
        return new Alert(null, rule, brand, category, sev, Status.firing, at, at, null,
                new Alert.Evidence("15m", 10, 8, 1, 8, 0.8, 0, List.of(), List.of()), null);
    }

    final OpenAlerts open = new OpenAlerts();
    final Dedup dedup = new Dedup(open);

    @Test
    void firstSignalOpensAnAlertWithAStableId() {
        var out = dedup.apply(List.of(raw("negative-spike", "acme", "safety", Severity.SEV3, T)), T);

        assertThat(out).singleElement().satisfies(a -> {
            assertThat(a.alertId()).isEqualTo("acme/safety/20260302T0905Z");
            assertThat(a.status()).isEqualTo(Status.firing);
        });
    }

    @Test
    void sameOrLowerSeverityLater_isSwallowed_higherEscalatesTheSameAlert() {
        dedup.apply(List.of(raw("negative-spike", "acme", "safety", Severity.SEV2, T)), T);
        Instant later = T.plusSeconds(600);

        assertThat(dedup.apply(List.of(raw("crisis-keyword-surge", "acme", "safety", Severity.SEV2, later)), later)).isEmpty();
        assertThat(dedup.apply(List.of(raw("negative-spike", "acme", "safety", Severity.SEV3, later)), later)).isEmpty();
        assertThat(dedup.apply(List.of(raw("negative-spike", "acme", "safety", Severity.SEV1, later)), later))
                .singleElement().satisfies(a -> {
                    assertThat(a.status()).isEqualTo(Status.escalated);
                    assertThat(a.alertId()).isEqualTo("acme/safety/20260302T0905Z");
                    assertThat(a.firedAt()).isEqualTo(T);
                    assertThat(a.updatedAt()).isEqualTo(later);
                });
    }

    @Test
    void otherCategoryOrBrand_isAnotherAlert_andOneTickOpensAtItsHighestSeverity() {
        var out = dedup.apply(List.of(
                raw("negative-spike", "acme", "safety", Severity.SEV3, T),
                raw("crisis-keyword-surge", "acme", "safety", Severity.SEV1, T),
                raw("negative-spike", "acme", "outage", Severity.SEV3, T),
                raw("negative-spike", "globex", "safety", Severity.SEV3, T)), T);

        assertThat(out).extracting(Alert::alertId).containsExactlyInAnyOrder(
                "acme/safety/20260302T0905Z", "acme/outage/20260302T0905Z", "globex/safety/20260302T0905Z");
        assertThat(out).filteredOn(a -> a.category().equals("safety") && a.brand().equals("acme"))
                .singleElement().extracting(Alert::severity).isEqualTo(Severity.SEV1);
    }

    @Test
    void anUncategorisedSignal_joinsTheBrandsOpenAlert_insteadOfOpeningASecond() {
        dedup.apply(List.of(raw("negative-spike", "acme", "safety", Severity.SEV3, T)), T);
        Instant later = T.plusSeconds(120);

        assertThat(dedup.apply(List.of(raw("volume-spike", "acme", "other", Severity.SEV3, later)), later)).isEmpty();
        assertThat(dedup.apply(List.of(raw("viral-post", "acme", "other", Severity.SEV2, later)), later))
                .singleElement().satisfies(a -> {
                    assertThat(a.alertId()).isEqualTo("acme/safety/20260302T0905Z");
                    assertThat(a.status()).isEqualTo(Status.escalated);
                });
        assertThat(dedup.apply(List.of(raw("volume-spike", "globex", "other", Severity.SEV3, later)), later))
                .singleElement().extracting(Alert::alertId).isEqualTo("globex/other/20260302T0907Z");
    }
}
