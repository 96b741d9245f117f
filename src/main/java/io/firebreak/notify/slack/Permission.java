package io.firebreak.notify.slack;

/** What a person may do from Slack; {@code config/roles.yaml} names the roles allowed each. */
public enum Permission {
    acknowledge, escalate, snooze, resolve, approve_statement, edit_statement, open_channel, step_done,
    /** Mark any playbook step done; without it a person marks done only the steps their role owns. */
    step_done_any
}
