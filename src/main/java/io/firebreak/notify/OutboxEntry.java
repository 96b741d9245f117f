package io.firebreak.notify;

import io.firebreak.alert.Alert;

/** An alert version waiting for delivery; {@code seq} is the order it was decided in. */
public record OutboxEntry(long seq, Alert alert) {

    public String alertId() {
        return alert.alertId();
    }
}
