/** Notifiers: Slack (Block Kit, update in place), console and file; retryable vs permanent failures, outbox. */
package io.firebreak.notify;
