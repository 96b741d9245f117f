package io.firebreak.notify;

/** A notification waiting for delivery; {@code seq} tells versions of the same alert apart. */
public record OutboxEntry(long seq, Notification notification) {

    public String alertId() {
        return notification.alert().alertId();
    }
}
