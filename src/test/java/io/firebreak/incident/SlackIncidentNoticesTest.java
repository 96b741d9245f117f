package io.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.notify.Delivery;
import io.firebreak.notify.DeliveryLog;
import io.firebreak.notify.SlackStandIn;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Notices go to the alert's thread through the real Slack client, at a local stand-in of the Web API. */
class SlackIncidentNoticesTest {

    @Test
    void theChecklist_isAThreadReply_withADoneButtonPerStep_andAReminderNamesTheRole() throws Exception {
        try (SlackStandIn slack = SlackStandIn.start()) {
            DeliveryLog log = DeliveryLog.inMemory();
            String alertId = "acme/safety/20260302T0905Z";
            var notices = new SlackIncidentNotices("xoxb-incident-secret", slack.apiUrl(), log);
            var checklist = new IncidentNotices.Notice("INC-1/playbook", "INC-1", alertId,
                    "Incident INC-1 - playbook 'safety':\n- Approve the holding statement", null,
                    List.of(new IncidentNotices.StepButton("holding-statement", "Approve the <holding> statement",
                            "<!subteam^S0COMMS>", Instant.parse("2026-03-02T09:34:00Z"))));

            assertThat(notices.post(checklist)).as("no alert message yet: later").isFalse();
            assertThat(slack.calls()).isEmpty();

            log.save(Delivery.none(alertId).withThread(new Delivery.Thread("#crisis-sev1-safety", "C0SEV1", "1772442300.000100")));
            assertThat(notices.post(checklist)).isTrue();
            assertThat(notices.post(new IncidentNotices.Notice("INC-1/step/holding-statement/1/reminder/1", "INC-1", alertId,
                    "Overdue: Approve the holding statement was due 09:34 UTC. @channel", "<!subteam^S0COMMS>", List.of())))
                    .isTrue();
            // tried again after its answer was lost (or a restart): found in the thread by its id, not posted twice
            var again = new IncidentNotices.Notice("INC-1/step/reply-most-shared/1/done", "INC-1", alertId, "Done: Reply", null,
                    List.of());
            assertThat(notices.post(again)).isTrue();
            assertThat(notices.post(again)).isTrue();
            notices.close();
            assertThat(slack.calls("chat.postMessage").stream().filter(c -> "Done: Reply".equals(c.param("text")))).hasSize(1);

            var posts = slack.calls("chat.postMessage").stream().filter(SlackStandIn.Call::ok).toList();
            assertThat(posts).hasSize(3);
            assertThat(posts.get(0).json("metadata").toString()).isEqualTo(
                    "{\"event_type\":\"firebreak_incident_notice\",\"event_payload\":{\"key\":\"INC-1/playbook\"}}");
            assertThat(posts).allSatisfy(c -> {
                assertThat(c.param("channel")).isEqualTo("C0SEV1");
                assertThat(c.param("thread_ts")).isEqualTo("1772442300.000100");
                assertThat(c.authorization()).isEqualTo("Bearer xoxb-incident-secret");
            });
            assertThat(posts.get(0).json("blocks").toString()).isEqualTo("[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\","
                    + "\"text\":\":clipboard: *Incident INC-1 - playbook 'safety':*\"}},{\"type\":\"section\",\"text\":{\"type\":"
                    + "\"mrkdwn\",\"text\":\"*Approve the &lt;holding&gt; statement*\\n<!subteam^S0COMMS> · due 09:34 UTC\"},"
                    + "\"block_id\":\"step-holding-statement\",\"accessory\":{\"type\":\"button\",\"action_id\":\"step_done\","
                    + "\"value\":\"INC-1|holding-statement\",\"text\":{\"type\":\"plain_text\",\"text\":\"Done\"}}}]");
            assertThat(posts.get(1).param("text")).isEqualTo(
                    "Overdue: Approve the holding statement was due 09:34 UTC. @\u2060channel <!subteam^S0COMMS>");
        }
    }
}
