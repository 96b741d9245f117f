package io.firebreak.notify;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The notification log, as in Alertmanager: per alert, which version its readers have and where its
 * messages are. {@link #save} is durable when it returns: a notifier records a new message before
 * doing anything else, so a retry updates it instead of posting a second one.
 */
public interface DeliveryLog {

    Optional<Delivery> find(String alertId);

    void save(Delivery delivery);

    /** Kept in memory: tests and one-shot runs. */
    static DeliveryLog inMemory() {
        return new DeliveryLog() {
            private final Map<String, Delivery> deliveries = new ConcurrentHashMap<>();

            @Override
            public Optional<Delivery> find(String alertId) {
                return Optional.ofNullable(deliveries.get(alertId));
            }

            @Override
            public void save(Delivery delivery) {
                deliveries.put(delivery.alertId(), delivery);
            }
        };
    }
}
