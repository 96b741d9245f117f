package io.firebreak.notify;

import io.firebreak.alert.Alert;
import java.util.List;

/**
 * An alert with what is needed to show it but is not part of Alert v1: the top mentions' text, url
 * and author (Evidence only has their keys), and the recent mentions-vs-baseline series for the
 * chart (empty: the chart compares the window's count with the baseline), and a sample of the wave's
 * negative posts, most shared first, whose recurring phrase the holding statement names.
 */
public record AlertView(Alert alert, List<TopPost> topPosts, List<SeriesPoint> series, List<String> wave) {

    public AlertView {
        topPosts = topPosts == null ? List.of() : List.copyOf(topPosts);
        series = series == null ? List.of() : List.copyOf(series);
        wave = wave == null ? List.of() : List.copyOf(wave);
    }

    public AlertView(Alert alert, List<TopPost> topPosts, List<SeriesPoint> series) {
        this(alert, topPosts, series, List.of());
    }

    /** The texts a statement summarises: the top posts, then the sample of the wave's posts. */
    public List<String> postTexts() {
        List<String> out = new java.util.ArrayList<>(topPosts.size() + wave.size());
        topPosts.forEach(p -> out.add(p.text()));
        out.addAll(wave);
        return out;
    }

    public static AlertView of(Alert alert, List<TopPost> topPosts) {
        return new AlertView(alert, topPosts, List.of());
    }
}
