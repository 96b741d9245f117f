package io.firebreak.notify.slack;

/**
 * What a button outside the alert message does (a playbook step's Done, say). It runs after Slack has
 * had its acknowledgement, on the interactions' executor, so it may take its time; the person's role was
 * checked before it is called.
 */
@FunctionalInterface
public interface InteractionHandler {

    /**
     * @return a line to show only the person who pressed (an ephemeral message), or null for none
     * @throws Exception logged; the person is told it did not work
     */
    String handle(Interaction interaction) throws Exception;
}
