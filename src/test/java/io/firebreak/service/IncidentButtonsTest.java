package io.firebreak.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.alert.Alert;
import io.firebreak.detect.Severity;
import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentNotices;
import io.firebreak.incident.IncidentSettings;
import io.firebreak.incident.IncidentStore;
import io.firebreak.incident.Incidents;
import io.firebreak.incident.Playbooks;
import io.firebreak.incident.RoleMentions;
import io.firebreak.incident.StepState;
import io.firebreak.notify.slack.Roles;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the incident side is wired to Slack: the Done button's value, and roles named from roles.yaml. */
class IncidentButtonsTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void theDoneButton_marksTheStepDone_byWhoPressed_andRefusesWhatItCannotDo() {
        IncidentStore store = IncidentStore.inMemory();
        var incidents = new Incidents(IncidentSettings.defaults(),
                Playbooks.load(Path.of("config/playbooks"), Path.of("config/categories.yaml")), store, IncidentNotices.NONE,
                RoleMentions.PLAIN, null, null, Clock.fixed(T0, ZoneOffset.UTC));
        Alert sev2 = Alert.opened("acme/safety/20260302T0900Z", "negative-spike", "acme", "safety", Severity.SEV2, T0, null,
                false, null);
        incidents.record(sev2);
        String id = Incident.idFor(sev2.alertId());

        Roles roles = Roles.load(Path.of("config/roles.yaml"));
        var check = new io.firebreak.notify.slack.RoleCheck(roles,
                new io.firebreak.notify.slack.GroupMembers(g -> Set.of(), Clock.systemUTC(), java.time.Duration.ofMinutes(5)));
        java.util.function.BinaryOperator<String> owners = check::stepRefusal;
        // legal's step: not for the comms team (U0EXAMPLE2), for legal (U0EXAMPLE3) and the comms lead (U0EXAMPLE1)
        assertThat(Wirings.stepDone(incidents, owners, id + "|legal-review", "U0EXAMPLE2", T0.plusSeconds(60)))
                .isEqualTo("You may not mark this step done: it is `legal`'s (or `comms-lead`'s, who may mark any step).");
        assertThat(store.find(id).orElseThrow().step("legal-review").doneBy()).isNull();
        assertThat(Wirings.stepDone(incidents, owners, id + "|legal-review", "U0EXAMPLE3", T0.plusSeconds(60))).isNull();
        assertThat(store.find(id).orElseThrow().step("legal-review").doneBy()).isEqualTo("U0EXAMPLE3");
        assertThat(Wirings.stepDone(incidents, owners, id + "|reply-most-shared", "U0EXAMPLE1", T0.plusSeconds(60))).isNull();

        owners = (user, owner) -> null;
        assertThat(Wirings.stepDone(incidents, owners, id + "|public-update", "U0LEAD", T0.plusSeconds(600))).isNull();
        StepState s = store.find(id).orElseThrow().step("public-update");
        assertThat(s.doneBy()).isEqualTo("U0LEAD");
        assertThat(s.onTime()).isEqualTo(1);
        assertThat(Wirings.stepDone(incidents, owners, id + "|nope", "U0LEAD", T0)).isEqualTo("Not done: incident " + id
                + " has no step 'nope'.");
        assertThat(Wirings.stepDone(incidents, owners, "no-bar", "U0LEAD", T0)).isEqualTo("That button is not a playbook step.");
        assertThat(Wirings.stepDone(incidents, owners, id + "|", "U0LEAD", T0)).isEqualTo("That button is not a playbook step.");
    }

    @Test
    void aRole_isNamedByItsGroups_elseItsUsers_elsePlainly() {
        Roles roles = new Roles(Map.of(
                "comms-team", new Roles.Role("comms-team", Set.of("U2", "U1"), Set.of("S1")),
                "legal", new Roles.Role("legal", Set.of("U3", "U4"), Set.of()),
                "empty", new Roles.Role("empty", Set.of(), Set.of())), Map.of(), List.of());
        RoleMentions m = Wirings.slackMentions(roles);

        assertThat(m.mention("comms-team")).isEqualTo("<!subteam^S1>");
        assertThat(m.mention("legal")).isEqualTo("<@U3> <@U4>");
        assertThat(m.mention("empty")).isEqualTo("@empty");
        assertThat(m.mention("unknown")).isEqualTo("@unknown");
    }
}
