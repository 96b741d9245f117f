package io.firebreak.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.alert.Alert.Change;
import io.firebreak.alert.Alert.Status;
import io.firebreak.detect.CrisisSignal;
import io.firebreak.detect.Evaluation;
import io.firebreak.detect.Evidence;
import io.firebreak.detect.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The alert state machine on a virtual clock: every input is an evaluation at a minute the test chooses. */
class AlertBookTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Lifecycle LIFE = new Lifecycle(Duration.ofMinutes(60), Duration.ofMinutes(30),
            Duration.ofMinutes(5), Duration.ofMinutes(30), 1.5);

    private final AlertBook book = new AlertBook("acme", LIFE);
    private final List<Alert> told = new ArrayList<>();

    static Instant at(int minute) {
        return T0.plus(Duration.ofMinutes(minute));
    }

    static CrisisSignal signal(String category, Severity severity, long count) {
        return new CrisisSignal("negative-spike", "acme", category, severity,
                new Evidence("15m", count, count, 2, count / 2.0, 0.9, 1000, List.of("x:" + count), List.of()));
    }

    /** A complete minute ending at {@code minute}. */
    List<Alert> last(int minute, boolean calm, CrisisSignal... signals) {
        return apply(new Evaluation("acme", at(minute), false, List.of(signals), calm));
    }

    /** An early look at the open minute ending at {@code minute}. */
    List<Alert> early(int minute, CrisisSignal... signals) {
        return apply(new Evaluation("acme", at(minute), true, List.of(signals), false));
    }

    private List<Alert> apply(Evaluation e) {
        List<Alert> versions = book.apply(e).versions();
        told.addAll(versions);
        return versions;
    }

    @Test
    void aCompleteMinuteOpensTheAlert_aHigherSeverityEscalatesIt_theSameSeverityOnlyKeepsItAlive() {
        assertThat(last(5, false, signal("safety", Severity.SEV3, 20))).singleElement().satisfies(a -> {
            assertThat(a.alertId()).isEqualTo("acme/safety/20260302T0905Z");
            assertThat(a.version()).isEqualTo(1);
            assertThat(a.change()).isEqualTo(Change.opened);
            assertThat(a.provisional()).isFalse();
        });
        assertThat(last(6, false, signal("safety", Severity.SEV3, 22))).isEmpty();
        assertThat(last(7, false, signal("safety", Severity.SEV2, 40))).singleElement().satisfies(a -> {
            assertThat(a.version()).isEqualTo(2);
            assertThat(a.change()).isEqualTo(Change.escalated);
            assertThat(a.status()).isEqualTo(Status.escalated);
            assertThat(a.firedAt()).isEqualTo(at(5));
            assertThat(a.updatedAt()).isEqualTo(at(7));
        });
    }

    @Test
    void anEarlyWarning_isConfirmedByTheCompleteMinute_underTheSameId() {
        Alert warning = early(5, signal("safety", Severity.SEV3, 12)).get(0);
        assertThat(warning.provisional()).isTrue();
        assertThat(warning.note()).startsWith("Early warning");

        assertThat(last(5, false, signal("safety", Severity.SEV3, 20))).singleElement().satisfies(a -> {
            assertThat(a.alertId()).isEqualTo(warning.alertId());
            assertThat(a.version()).isEqualTo(2);
            assertThat(a.change()).isEqualTo(Change.confirmed);
            assertThat(a.provisional()).isFalse();
        });
    }

    @Test
    void anEarlyWarningNoCompleteMinuteConfirms_isWithdrawn_notLeftFiring() {
        early(5, signal("safety", Severity.SEV3, 12));
        assertThat(last(5, true)).isEmpty();
        assertThat(last(9, true)).as("within confirm-within (5 min)").isEmpty();

        assertThat(last(10, true)).singleElement().satisfies(a -> {
            assertThat(a.change()).isEqualTo(Change.withdrawn);
            assertThat(a.status()).isEqualTo(Status.resolved);
            assertThat(a.resolvedAt()).isEqualTo(at(10));
            assertThat(a.note()).contains("did not confirm");
        });
        assertThat(book.hasOpen()).isFalse();
    }

    @Test
    void aRisingWave_earlyThenFinal_severityOnlyRises_updatedAtOnlyMovesForward() {
        early(5, signal("safety", Severity.SEV3, 12));
        last(5, false, signal("safety", Severity.SEV3, 20));
        early(8, signal("safety", Severity.SEV2, 60));
        // the final minutes catch up with the early look: a lower tier never takes the severity back down
        last(6, false, signal("safety", Severity.SEV3, 30));
        last(7, false, signal("safety", Severity.SEV3, 95));
        last(8, false, signal("safety", Severity.SEV2, 100));
        early(12, signal("safety", Severity.SEV1, 160));
        last(12, false, signal("safety", Severity.SEV1, 170));

        assertThat(told).extracting(Alert::alertId).containsOnly("acme/safety/20260302T0905Z");
        assertThat(told).extracting(Alert::version).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(told).extracting(Alert::change).containsExactly(Change.opened, Change.confirmed, Change.escalated,
                Change.grown, Change.confirmed, Change.escalated, Change.confirmed);
        for (int i = 1; i < told.size(); i++) {
            assertThat(told.get(i).severity()).isLessThanOrEqualTo(told.get(i - 1).severity());
            assertThat(told.get(i).updatedAt()).isAfterOrEqualTo(told.get(i - 1).updatedAt());
        }
        assertThat(told.get(3).severity()).as("the early SEV2 holds while finals say SEV3").isEqualTo(Severity.SEV2);
        assertThat(told.get(3).provisional()).isTrue();
        assertThat(told.get(3).updatedAt()).as("not back from 09:08 to 09:07").isEqualTo(at(8));
    }

    @Test
    void aFallingWave_keepsItsSeverityForTheHoldDown_thenIsDeEscalatedOnce() {
        last(5, false, signal("safety", Severity.SEV1, 200));
        for (int m = 6; m <= 34; m++) {
            assertThat(last(m, false, signal("safety", Severity.SEV2, 100))).as("minute " + m).isEmpty();
        }
        assertThat(last(35, false, signal("safety", Severity.SEV2, 100))).singleElement().satisfies(a -> {
            assertThat(a.change()).as("numbers refreshed after update-every").isEqualTo(Change.refreshed);
            assertThat(a.severity()).isEqualTo(Severity.SEV1);
        });
        assertThat(last(36, false, signal("safety", Severity.SEV2, 90))).singleElement().satisfies(a -> {
            assertThat(a.change()).isEqualTo(Change.deescalated);
            assertThat(a.severity()).isEqualTo(Severity.SEV2);
            assertThat(a.note()).isEqualTo("Below SEV1 for 30 min");
        });
        // back at the higher tier: escalated again at once
        assertThat(last(37, false, signal("safety", Severity.SEV1, 210))).singleElement()
                .extracting(Alert::change).isEqualTo(Change.escalated);
    }

    @Test
    void aWaveThatStops_resolvesAfterTheQuietTime_withoutDeEscalatingFirst() {
        last(5, false, signal("safety", Severity.SEV1, 200));
        last(6, false, signal("safety", Severity.SEV2, 100));
        for (int m = 7; m < 66; m++) {
            assertThat(last(m, true)).as("minute " + m).isEmpty();
        }
        assertThat(last(66, true)).singleElement().satisfies(a -> {
            assertThat(a.change()).isEqualTo(Change.resolved);
            assertThat(a.severity()).isEqualTo(Severity.SEV1);
            assertThat(a.resolvedAt()).isEqualTo(at(66));
        });
    }

    @Test
    void aBrandNotYetCalm_keepsItsAlertOpenThoughNoRuleFires() {
        last(5, false, signal("safety", Severity.SEV2, 100));
        for (int m = 6; m < 100; m++) {
            last(m, false);
        }
        assertThat(book.hasOpen()).isTrue();
        for (int m = 100; m < 159; m++) {
            assertThat(last(m, true)).isEmpty();
        }
        assertThat(last(159, true)).singleElement().extracting(Alert::change).isEqualTo(Change.resolved);
    }

    @Test
    void aGrowingCount_getsAVersionAtEachStep_notEveryMinute() {
        last(5, false, signal("safety", Severity.SEV3, 20));
        assertThat(last(6, false, signal("safety", Severity.SEV3, 29))).isEmpty();
        assertThat(last(7, false, signal("safety", Severity.SEV3, 30))).singleElement().satisfies(a -> {
            assertThat(a.change()).isEqualTo(Change.grown);
            assertThat(a.evidence().count()).isEqualTo(30);
        });
        assertThat(last(8, false, signal("safety", Severity.SEV3, 31))).isEmpty();
        assertThat(last(37, false, signal("safety", Severity.SEV3, 32))).as("refreshed after update-every")
                .singleElement().extracting(Alert::change).isEqualTo(Change.refreshed);
    }

    @Test
    void aSignalWithoutCategory_joinsTheBrandsOpenAlert() {
        last(5, false, signal("safety", Severity.SEV2, 50));
        assertThat(last(6, false, signal("other", Severity.SEV1, 300))).singleElement().satisfies(a -> {
            assertThat(a.alertId()).isEqualTo("acme/safety/20260302T0905Z");
            assertThat(a.category()).isEqualTo("safety");
            assertThat(a.severity()).isEqualTo(Severity.SEV1);
        });
        assertThat(last(7, false, signal("outage", Severity.SEV3, 30))).singleElement()
                .extracting(Alert::alertId).as("another category is another crisis").isEqualTo("acme/outage/20260302T0907Z");
    }

    @Test
    void aRestartedBook_ignoresTheMinutesItHadDecided_andCarriesOn() {
        last(5, false, signal("safety", Severity.SEV2, 50));
        last(6, false, signal("safety", Severity.SEV2, 55));
        AlertBook restarted = new AlertBook("acme", LIFE);
        restarted.restore(book.finalUpTo(), book.open());

        // the windows are rebuilt by replaying the last hour: minutes up to 09:06 come again
        var replayed = restarted.apply(new Evaluation("acme", at(5), false, List.of(signal("safety", Severity.SEV1, 300)), false));
        assertThat(replayed.isEmpty()).isTrue();
        var next = restarted.apply(new Evaluation("acme", at(7), false, List.of(signal("safety", Severity.SEV1, 300)), false));
        assertThat(next.versions()).singleElement().satisfies(a -> {
            assertThat(a.version()).isEqualTo(2);
            assertThat(a.change()).isEqualTo(Change.escalated);
        });
    }

    @Test
    void anEarlyLookAtAMinuteAlreadyFinal_isIgnored() {
        last(5, false, signal("safety", Severity.SEV3, 20));
        assertThat(early(5, signal("safety", Severity.SEV1, 500))).isEmpty();
        assertThat(early(6, signal("safety", Severity.SEV1, 500))).hasSize(1);
    }

    // ---- what people do: every action is a version of its own, with who and when

    private AlertBook.Acted act(AlertBook.Action.Kind kind, int minute) {
        AlertBook.Acted acted = book.act(AlertBook.Action.of("acme/safety/20260302T0905Z", kind, "U042", at(minute)));
        told.addAll(acted.outcome().versions());
        return acted;
    }

    @Test
    void acknowledging_isAVersionWithWhoAndWhen_andOnlyOnce() {
        last(5, false, signal("safety", Severity.SEV2, 50));
        assertThat(act(AlertBook.Action.Kind.acknowledge, 6).outcome().versions()).singleElement().satisfies(a -> {
            assertThat(a.change()).isEqualTo(Change.acknowledged);
            assertThat(a.handled().acknowledgedBy()).isEqualTo("U042");
            assertThat(a.handled().acknowledgedAt()).isEqualTo(at(6));
            assertThat(a.severity()).isEqualTo(Severity.SEV2);
        });
        assertThat(act(AlertBook.Action.Kind.acknowledge, 7).refusal()).contains("already acknowledged by U042");
        // later versions carry it on
        assertThat(last(8, false, signal("safety", Severity.SEV1, 200))).singleElement()
                .satisfies(a -> assertThat(a.handled().acknowledgedBy()).isEqualTo("U042"));
    }

    @Test
    void escalatedByHand_isAFloorTheEbbDoesNotGoBelow() {
        last(5, false, signal("safety", Severity.SEV3, 20));
        assertThat(act(AlertBook.Action.Kind.escalate, 6).outcome().versions()).singleElement().satisfies(a -> {
            assertThat(a.severity()).isEqualTo(Severity.SEV2);
            assertThat(a.note()).isEqualTo("Escalated to SEV2 by U042");
        });
        for (int m = 7; m < 80; m++) {
            assertThat(last(m, false, signal("safety", Severity.SEV3, 20))).as("minute " + m)
                    .noneMatch(a -> a.change() == Change.deescalated);
        }
    }

    @Test
    void snoozed_holdsItsUpdatesBack_untilTheWaveGrowsATier() {
        last(5, false, signal("safety", Severity.SEV3, 20));
        book.act(new AlertBook.Action("acme/safety/20260302T0905Z", AlertBook.Action.Kind.snooze, "U042", at(6), null, null,
                Duration.ofHours(1)));
        Alert grown = last(7, false, signal("safety", Severity.SEV3, 40)).get(0);
        assertThat(grown.handled().snoozedAt(at(8))).isTrue();
        assertThat(new SnoozeStage().apply(List.of(grown), at(8))).as("held back").isEmpty();

        Alert escalated = last(9, false, signal("safety", Severity.SEV2, 60)).get(0);
        assertThat(escalated.change()).isEqualTo(Change.escalated);
        assertThat(escalated.handled().snoozedAt(at(10))).as("the snooze ends when the wave grows a tier").isFalse();
        assertThat(new SnoozeStage().apply(List.of(escalated), at(10))).containsExactly(escalated);
    }

    @Test
    void resolvedByHand_withAReason_thenTheNextSignalIsANewAlert() {
        last(5, false, signal("safety", Severity.SEV2, 50));
        AlertBook.Acted acted = book.act(new AlertBook.Action("acme/safety/20260302T0905Z", AlertBook.Action.Kind.resolve,
                "U042", at(6), null, "a false rumour, debunked", null));
        assertThat(acted.outcome().versions()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(Status.resolved);
            assertThat(a.handled().resolvedBy()).isEqualTo("U042");
            assertThat(a.note()).isEqualTo("Resolved by U042: a false rumour, debunked");
        });
        assertThat(book.hasOpen()).isFalse();
        assertThat(act(AlertBook.Action.Kind.acknowledge, 7).refusal()).contains("is not open");
        assertThat(last(8, false, signal("safety", Severity.SEV2, 50))).singleElement()
                .satisfies(a -> assertThat(a.alertId()).isEqualTo("acme/safety/20260302T0908Z"));
    }

    @Test
    void anEditedStatement_isKeptWithWhoAndWhen() {
        last(5, false, signal("safety", Severity.SEV2, 50));
        AlertBook.Acted acted = book.act(new AlertBook.Action("acme/safety/20260302T0905Z",
                AlertBook.Action.Kind.edit_statement, "U042", at(6), null, "We are looking into it now.", null));
        assertThat(acted.outcome().versions()).singleElement().satisfies(a -> {
            assertThat(a.change()).isEqualTo(Change.statement);
            assertThat(a.handled().statement()).isEqualTo("We are looking into it now.");
            assertThat(a.handled().statementEdited()).isTrue();
            assertThat(a.handled().statementBy()).isEqualTo("U042");
        });
    }
}
