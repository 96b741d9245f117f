package io.firebreak.notify;

import io.firebreak.alert.Alert;
import java.util.List;

/**
 * An alert with what is needed to show it but is not part of Alert v1: the top mentions' text, url
 * and author (Evidence only has their keys), and the recent mentions-vs-baseline series for the
 * chart (empty: the chart compares the window's count with the baseline).
 */
public record AlertView(Alert alert, List<TopPost> topPosts, List<SeriesPoint> series) {

    public AlertView {
        topPosts = topPosts == null ? List.of() : List.copyOf(topPosts);
        series = series == null ? List.of() : List.copyOf(series);
    }

    public static AlertView of(Alert alert, List<TopPost> topPosts) {
        return new AlertView(alert, topPosts, List.of());
    }
}
