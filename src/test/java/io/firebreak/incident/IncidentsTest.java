package io.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.alert.Alert;
import io.firebreak.detect.Evidence;
import io.firebreak.detect.Severity;
import io.firebreak.statement.HoldingStatements;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Incidents on a clock the test moves: opening, the timeline, deadlines, reminders, steps, the end. */
class IncidentsTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    /** A clock the test sets. */
    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant at) {
            now = at;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MutableClock clock = new MutableClock(T0);
    final List<IncidentNotices.Notice> told = new ArrayList<>();
    IncidentStore store;
    Incidents incidents;

    @BeforeEach
    void setUp() {
        store = IncidentStore.inMemory();
        incidents = incidents(store);
    }

    Incidents incidents(IncidentStore s) {
        return new Incidents(IncidentSettings.defaults(),
                Playbooks.load(Path.of("config/playbooks"), Path.of("config/categories.yaml")), s, n -> told.add(n),
                role -> "<!subteam^S-" + role + ">",
                HoldingStatements.load(Path.of("config/statements"), Path.of("config/statement-settings.yaml")), null, clock);
    }

    static Evidence evidence(long count) {
        return new Evidence("15m", count, count * 8 / 10, 5, count / 5.0, 0.8, count * 1000, List.of(), List.of("smoke"));
    }

    /** SEV3 at 09:02, SEV2 at 09:05, SEV1 at 09:10: the shape of the demo's safety scare. */
    List<Alert> wave() {
        Alert v1 = Alert.opened("acme/safety/20260302T0902Z", "negative-spike", "acme", "safety", Severity.SEV3,
                T0.plusSeconds(120), evidence(20), true, null);
        Alert v2 = v1.next(Alert.Change.escalated, "negative-spike", Severity.SEV2, Alert.Status.escalated, T0.plusSeconds(300),
                evidence(50), false, null);
        Alert v3 = v2.next(Alert.Change.escalated, "negative-spike", Severity.SEV1, Alert.Status.escalated, T0.plusSeconds(600),
                evidence(120), false, null);
        return List.of(v1, v2, v3);
    }

    static Alert acknowledged(Alert a, String user, Instant at) {
        return a.withHandling(a.handled().acknowledged(user, at)).next(Alert.Change.acknowledged, a.rule(), a.severity(),
                a.status(), at, a.evidence(), false, null);
    }

    static Alert approved(Alert a, String user, Instant at, String text) {
        return a.withHandling(a.handled().statementBy(user, at, text, text != null)).next(Alert.Change.statement, a.rule(),
                a.severity(), a.status(), at, a.evidence(), false, "Statement approved by " + user);
    }

    static Alert resolved(Alert a, Instant at) {
        return a.next(Alert.Change.resolved, a.rule(), a.severity(), Alert.Status.resolved, at, a.evidence(), false,
                "Calm for 60 min");
    }

    String id() {
        return Incident.idFor("acme/safety/20260302T0902Z");
    }

    @Test
    void aChineseBrandsIncidentRunsTheChinesePlaybook() {
        Alert v1 = Alert.opened("xianfeng/product-quality/20260302T0102Z", "negative-spike", "xianfeng", "product-quality",
                Severity.SEV2, T0.plusSeconds(120), evidence(50), false, null);
        incidents.record(v1);

        Incident i = store.find(Incident.idFor(v1.alertId())).orElseThrow();
        assertThat(i.playbook()).isEqualTo("zh/product-quality");
        assertThat(i.steps()).extracting(s -> s.id()).contains("holding-statement", "batch-facts", "regulator");
        assertThat(i.statements()).singleElement().satisfies(s -> assertThat(s.text()).contains("鲜丰乳业"));
    }

    @Test
    void aSev3AlertOpensNone_reachingSev2OpensOne_withTheEarlierVersionsOnItsTimeline() {
        List<Alert> w = wave();
        incidents.record(w.get(0));
        assertThat(store.list(10)).isEmpty();

        incidents.record(w.get(1));

        Incident i = store.find(id()).orElseThrow();
        assertThat(i.severity()).isEqualTo(Severity.SEV2);
        assertThat(i.openedAt()).isEqualTo(T0.plusSeconds(300));
        assertThat(i.detectedAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(store.timeline(id())).extracting(TimelineEntry::id).containsExactly(id() + "/opened", id() + "/v1",
                id() + "/v2", id() + "/playbook");
        assertThat(i.statements()).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(Incident.StatementVersion.Kind.recommended);
            assertThat(s.text()).contains("Acme Air");
        });
        // the checklist goes to the thread with one Done button per step, once
        assertThat(incidents.sendNotices()).isEqualTo(1);
        assertThat(incidents.sendNotices()).isZero();
        assertThat(told).singleElement().satisfies(n -> assertThat(n.buttons()).extracting(IncidentNotices.StepButton::stepId)
                .containsExactly("holding-statement", "legal-review", "public-update", "reply-most-shared", "recovery-watch"));
    }

    @Test
    void aReDeliveredVersion_changesNothing_andAddsNoEntry() {
        List<Alert> w = wave();
        w.forEach(incidents::record);
        List<TimelineEntry> before = store.timeline(id());
        Incident was = store.find(id()).orElseThrow();

        w.forEach(incidents::record); // the outbox replays after a restart
        Incidents restarted = incidents(store).restore();
        w.forEach(restarted::record);

        assertThat(store.timeline(id())).isEqualTo(before);
        assertThat(store.find(id())).contains(was);
        assertThat(before).extracting(TimelineEntry::id).doesNotHaveDuplicates();
    }

    @Test
    void theSev1Statement_isDue15MinutesAfterSev1_remindedNamingTheRole_thenDoneLateByTheApproval() {
        List<Alert> w = wave();
        w.forEach(incidents::record);
        incidents.sendNotices();
        told.clear();
        StepState statement = store.find(id()).orElseThrow().step("holding-statement");
        Instant due = T0.plusSeconds(600).plus(Duration.ofMinutes(15));
        assertThat(statement.dueAt()).isEqualTo(due);

        clock.set(due.minusSeconds(1));
        assertThat(incidents.remind()).isZero();
        clock.set(due);
        assertThat(incidents.remind()).isEqualTo(1);
        incidents.sendNotices();
        assertThat(told).singleElement().satisfies(n -> {
            assertThat(n.text()).isEqualTo("Overdue: Approve the holding statement was due 09:25 UTC.");
            assertThat(n.mention()).isEqualTo("<!subteam^S-comms-lead>");
        });
        clock.set(due.plus(Duration.ofMinutes(14)));
        assertThat(incidents.remind()).as("not again before remind-every").isZero();
        clock.set(due.plus(Duration.ofMinutes(15)));
        assertThat(incidents.remind()).isEqualTo(1);

        incidents.record(approved(w.get(2), "U-lead", due.plus(Duration.ofMinutes(16)), null));

        Incident i = store.find(id()).orElseThrow();
        StepState done = i.step("holding-statement");
        assertThat(done.state()).isEqualTo(StepState.State.done);
        assertThat(done.late()).isEqualTo(1);
        assertThat(done.doneBy()).isEqualTo("U-lead");
        assertThat(i.firstStatementBy()).isEqualTo("U-lead");
        assertThat(i.statements()).extracting(Incident.StatementVersion::kind)
                .containsExactly(Incident.StatementVersion.Kind.recommended, Incident.StatementVersion.Kind.approved);
        assertThat(store.timeline(id())).extracting(TimelineEntry::id).contains(
                id() + "/step/holding-statement/1/reminder/1", id() + "/step/holding-statement/1/reminder/2",
                id() + "/step/holding-statement/1/done");
    }

    @Test
    void stepsAfterAcknowledgement_getTheirDeadlineThen_andTheDoneButtonRecordsWhoAndWhen() {
        List<Alert> w = wave();
        w.forEach(incidents::record);
        assertThat(store.find(id()).orElseThrow().step("reply-most-shared").state()).isEqualTo(StepState.State.waiting);

        Instant ack = T0.plus(Duration.ofMinutes(12));
        incidents.record(acknowledged(w.get(2), "U-duty", ack));
        Incident i = store.find(id()).orElseThrow();
        assertThat(i.acknowledgedBy()).isEqualTo("U-duty");
        assertThat(i.step("reply-most-shared").dueAt()).isEqualTo(ack.plus(Duration.ofMinutes(30)));

        var done = incidents.stepDone(id(), "reply-most-shared", "U-social", ack.plus(Duration.ofMinutes(20)));
        assertThat(done.ok()).isTrue();
        assertThat(done.incident().step("reply-most-shared").onTime()).isEqualTo(1);
        assertThat(incidents.stepDone(id(), "reply-most-shared", "U-social", ack).refusal()).contains("already done");
        assertThat(incidents.stepDone(id(), "no-such-step", "U-social", ack).refusal()).contains("no step 'no-such-step'");
        assertThat(incidents.stepDone("INC-nope", "x", "U", ack).refusal()).isEqualTo("no incident INC-nope");
    }

    @Test
    void aRepeatingUpdate_comesRoundAfterEachDone_andASlotPassedWithoutItIsMissed() {
        wave().forEach(incidents::record);
        Instant due = T0.plusSeconds(120).plus(Duration.ofHours(1));
        assertThat(store.find(id()).orElseThrow().step("public-update").dueAt()).isEqualTo(due);

        incidents.stepDone(id(), "public-update", "U-lead", due.minus(Duration.ofMinutes(5)));
        StepState s = store.find(id()).orElseThrow().step("public-update");
        assertThat(s.occurrence()).isEqualTo(2);
        assertThat(s.dueAt()).isEqualTo(due.plus(Duration.ofMinutes(55)));

        clock.set(s.dueAt().plus(Duration.ofHours(1)));
        incidents.remind();
        StepState after = store.find(id()).orElseThrow().step("public-update");
        assertThat(after.missed()).isEqualTo(1);
        assertThat(after.onTime()).isEqualTo(1);
        assertThat(after.occurrence()).isEqualTo(3);
    }

    @Test
    void theEnd_settlesTheSteps_startsRecovery_andClosesOnceRecoveryIsDone() {
        List<Alert> w = wave();
        w.forEach(incidents::record);
        Instant end = T0.plus(Duration.ofHours(2));
        clock.set(T0.plus(Duration.ofMinutes(30)));
        incidents.remind(); // the SEV1 statement is overdue by now

        incidents.record(resolved(w.get(2), end));

        Incident i = store.find(id()).orElseThrow();
        assertThat(i.status()).isEqualTo(Incident.Status.resolved);
        assertThat(i.step("holding-statement").state()).isEqualTo(StepState.State.missed);
        assertThat(i.step("reply-most-shared").state()).as("never acknowledged: never due").isEqualTo(StepState.State.skipped);
        // the end leaves a trace of each step it left undone, and tells its owner, as a reminder does
        assertThat(store.timeline(id())).filteredOn(e -> e.title().startsWith("Missed: "))
                .extracting(TimelineEntry::title, TimelineEntry::at, TimelineEntry::role)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Missed: Approve the holding statement (due 09:25 UTC), not done when "
                                + "the incident ended", end, "comms-lead"),
                        org.assertj.core.groups.Tuple.tuple("Missed: Post a public update (due 10:02 UTC), not done when the "
                                + "incident ended", end, "comms-lead"));
        assertThat(i.step("recovery-watch").dueAt()).isEqualTo(end.plus(Duration.ofHours(24)));
        assertThat(incidents.active()).extracting(Incident::id).containsExactly(id());

        incidents.stepDone(id(), "recovery-watch", "U-analyst", end.plus(Duration.ofHours(3)));

        assertThat(store.find(id()).orElseThrow().status()).isEqualTo(Incident.Status.closed);
        assertThat(incidents.active()).isEmpty();
    }

    @Test
    void theIncidentChannel_isOnTheTimeline_withWhoAndWhen() {
        List<Alert> w = wave();
        w.forEach(incidents::record);
        Instant at = T0.plus(Duration.ofMinutes(12));
        Alert a = w.get(2);

        incidents.record(a.withHandling(a.handled().channelOpened("C0INCIDENT", "U-lead", at)).next(Alert.Change.channel,
                a.rule(), a.severity(), a.status(), at, a.evidence(), false, "Incident channel opened by U-lead"));

        assertThat(store.timeline(id())).filteredOn(e -> e.kind() == TimelineEntry.Kind.action).singleElement()
                .satisfies(e -> {
                    assertThat(e.title()).isEqualTo("Incident channel opened");
                    assertThat(e.by()).isEqualTo("U-lead");
                    assertThat(e.at()).isEqualTo(at);
                });
    }

    @Test
    void anEditedStatement_isKeptAsTyped_withWhoAndWhen() {
        List<Alert> w = wave();
        w.forEach(incidents::record);
        Instant at = T0.plus(Duration.ofMinutes(14));

        incidents.record(approved(w.get(2), "U-lead", at, "We are with the passengers of AC417. <b>More at 10:00</b>"));

        Incident i = store.find(id()).orElseThrow();
        assertThat(i.statements().get(1)).isEqualTo(new Incident.StatementVersion(2, at, "U-lead",
                Incident.StatementVersion.Kind.edited, "We are with the passengers of AC417. <b>More at 10:00</b>", null));
        assertThat(i.step("holding-statement").onTime()).isEqualTo(1);
        assertThat(store.timeline(id())).filteredOn(e -> e.kind() == TimelineEntry.Kind.statement).singleElement()
                .satisfies(e -> assertThat(e.title()).isEqualTo("Statement edited and approved"));
    }

    @Test
    void anySeverity_canBePromotedByHand_once() {
        Alert sev3 = wave().get(0);
        incidents.record(sev3);

        var promoted = incidents.promote(sev3.alertId(), "U-lead", T0.plusSeconds(200), "the CEO is tagged");
        assertThat(promoted.ok()).isTrue();
        assertThat(promoted.incident().openedBy()).isEqualTo("U-lead");
        assertThat(promoted.incident().severity()).isEqualTo(Severity.SEV3);
        assertThat(incidents.promote(sev3.alertId(), "U-lead", T0.plusSeconds(201), null).refusal()).contains("already incident");
        assertThat(incidents.promote("acme/pricing/20260302T0900Z", "U", T0, null).refusal()).contains("is not open");
    }
}
