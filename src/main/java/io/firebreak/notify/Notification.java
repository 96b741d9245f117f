package io.firebreak.notify;

import io.firebreak.alert.Alert;
import io.firebreak.statement.Checklist;
import java.util.List;

/**
 * Everything a notifier shows for one alert, decided before delivery: the alert with its filled
 * holding statement, the brand's display name, the routed channel, top posts, chart series and the
 * responder's checklist. This is what waits in the outbox.
 */
public record Notification(
        Alert alert, String brandName, String channel, List<TopPost> topPosts, List<SeriesPoint> series, Checklist checklist) {

    public Notification {
        topPosts = topPosts == null ? List.of() : List.copyOf(topPosts);
        series = series == null ? List.of() : List.copyOf(series);
    }
}
