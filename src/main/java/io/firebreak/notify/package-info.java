/**
 * Telling people: the outbox of versions decided, the delivery log (which version each alert's readers
 * have, and where its messages are), the dispatcher, and the notifiers (Slack, console and file) with
 * retryable vs permanent failures.
 */
package io.firebreak.notify;
