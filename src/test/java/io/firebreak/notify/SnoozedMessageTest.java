package io.firebreak.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.alert.Alert;
import io.firebreak.alert.Alert.Status;
import io.firebreak.detect.Severity;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the alert message says of a snooze, and once the wave has grown a tier and ended it. */
class SnoozedMessageTest {

    @Test
    void aSnoozeShowsUntilWhen_withoutSnoozeButtons_andAnEscalationThatEndsItShowsNeither() {
        Alert firing = Fixtures.alert("acme/safety/20260302T0905Z", Severity.SEV3, Status.firing, 20);
        Instant at = firing.updatedAt().plus(Duration.ofMinutes(1));
        Alert snoozed = firing.withHandling(firing.handled().snoozed("U0LEAD", at.plus(Duration.ofHours(1))))
                .next(Alert.Change.snoozed, firing.rule(), firing.severity(), firing.status(), at, firing.evidence(), false, null);

        assertThat(SlackMessage.handlingLines(snoozed)).contains("Snoozed by <@U0LEAD> until <!date^"
                + at.plus(Duration.ofHours(1)).getEpochSecond());
        assertThat(SlackMessage.alertActions(snoozed)).extracting(SlackMessage.Action::id)
                .doesNotContain(SlackMessage.SNOOZE_1H, SlackMessage.SNOOZE_4H);

        // the book ends the snooze when the wave grows a tier (AlertBookTest); the message then says so by its absence
        Instant later = at.plus(Duration.ofMinutes(10));
        Alert escalated = snoozed.withHandling(snoozed.handled().snoozed(null, null)).next(Alert.Change.escalated,
                snoozed.rule(), Severity.SEV2, Status.escalated, later, snoozed.evidence(), false, null);

        assertThat(SlackMessage.handlingLines(escalated)).doesNotContain("Snoozed");
        assertThat(SlackMessage.alertActions(escalated)).extracting(SlackMessage.Action::id)
                .contains(SlackMessage.SNOOZE_1H, SlackMessage.SNOOZE_4H);
    }
}
