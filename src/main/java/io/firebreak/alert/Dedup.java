package io.firebreak.alert;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Groups raw alerts by brand and category into one alert with a stable id: the first opens it
 * ({@code firing}), a higher severity updates it ({@code escalated}), anything else only keeps it alive.
 * A signal of category "other" (nothing specific known) joins the brand's open alert when there is one:
 * it is the same wave seen without a category, not a second crisis.
 */
public final class Dedup implements AlertStage {

    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

    private static final String OTHER = "other";

    private final OpenAlerts open;

    public Dedup(OpenAlerts open) {
        this.open = open;
    }

    /**
     * The id is made of brand, category and first event time only, so a replay of the same mentions
     * gives the same ids as the live run did: Slack messages can be updated in place by it.
     */
    public static String alertId(String brand, String category, Instant firedAt) {
        return brand + "/" + category + "/" + ID_TIME.format(firedAt);
    }

    @Override
    public List<Alert> apply(List<Alert> alerts, Instant now) {
        List<Alert> sorted = new ArrayList<>(alerts);
        // the strongest of a tick first, so one tick opens at its highest severity instead of opening then escalating
        sorted.sort(Comparator.comparing(Alert::severity));
        List<Alert> out = new ArrayList<>();
        for (Alert a : sorted) {
            if (a.status() != Alert.Status.firing || a.alertId() != null) {
                out.add(a); // already part of a lifecycle: not ours to merge
                continue;
            }
            var entry = open.get(a).or(() -> OTHER.equals(a.category()) ? open.strongestOf(a.brand()) : Optional.empty());
            if (entry.isEmpty()) {
                Alert opened = new Alert(alertId(a.brand(), a.category(), a.firedAt()), a.rule(), a.brand(),
                        a.category(), a.severity(), Alert.Status.firing, a.firedAt(), now, null, a.evidence(), a.statement());
                open.put(opened, now);
                out.add(opened);
            } else if (a.severity().compareTo(entry.get().alert().severity()) < 0) {
                Alert was = entry.get().alert();
                Alert escalated = new Alert(was.alertId(), a.rule(), was.brand(), was.category(), a.severity(),
                        Alert.Status.escalated, was.firedAt(), now, null, a.evidence(), a.statement());
                open.put(escalated, now);
                out.add(escalated);
            } else {
                open.put(entry.get().alert(), now);
            }
        }
        return out;
    }
}
