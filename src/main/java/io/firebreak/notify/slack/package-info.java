/**
 * Slack interactivity: the alert message's buttons and modals through Bolt for Java, over HTTP
 * ({@code POST /slack/actions}, signature checked first) or Socket Mode; who may press what
 * ({@code config/roles.yaml}); the incident channel per alert; and {@link io.firebreak.notify.slack.InteractionHandlers},
 * where other packages register buttons of their own. Actions on alerts go into the alert book; the message
 * is updated by the delivery of the version that follows, never from here.
 */
package io.firebreak.notify.slack;
