package io.firebreak.alert;

import java.time.Instant;

/**
 * What has been told about one alert: where its message lives ({@code channel}, {@code messageTs},
 * null until first posted), the alert as last sent, and when.
 */
public record AlertState(String alertId, String channel, String messageTs, Alert lastSent, Instant lastNotifiedAt) {

    public static AlertState none(String alertId) {
        return new AlertState(alertId, null, null, null, null);
    }

    public boolean posted() {
        return messageTs != null;
    }

    public AlertState withMessage(String newChannel, String ts) {
        return new AlertState(alertId, newChannel, ts, lastSent, lastNotifiedAt);
    }

    public AlertState withSent(Alert alert, Instant at) {
        return new AlertState(alertId, channel, messageTs, alert, at);
    }
}
