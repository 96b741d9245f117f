package io.firebreak.alert;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Holds back the updates of a snoozed alert until its snooze ends: new numbers, confirmations and
 * de-escalations wait; what people must not miss still goes out (the snooze itself, an escalation,
 * which also ends it, the end of the alert, and what people did).
 */
public final class SnoozeStage implements AlertStage {

    private static final Set<Alert.Change> ALWAYS = EnumSet.of(Alert.Change.opened, Alert.Change.snoozed,
            Alert.Change.escalated, Alert.Change.resolved, Alert.Change.withdrawn, Alert.Change.acknowledged,
            Alert.Change.statement, Alert.Change.channel);

    @Override
    public List<Alert> apply(List<Alert> alerts, Instant now) {
        return alerts.stream().filter(a -> ALWAYS.contains(a.change()) || !a.handled().snoozedAt(now)).toList();
    }
}
