package io.firebreak.notify;

import io.firebreak.alert.Alert;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The mentions-vs-baseline PNG attached to an alert: a line chart over the series when the caller
 * has one, else two bars (the window's count against the baseline) from the evidence alone.
 */
public final class AlertChart {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 360;

    private AlertChart() {}

    public static byte[] png(Notification n) {
        return png(n, Map.of());
    }

    /** With a vertical line at each of {@code marks} (label → time) inside the series' range: the report marks detection and resolution. */
    public static byte[] png(Notification n, Map<String, Instant> marks) {
        Alert a = n.alert();
        String title = "Mentions vs baseline: " + SlackText.oneLine(n.brandName(), 60) + " · " + a.category();
        Chart<?, ?> chart = n.series().isEmpty() ? bars(a, title) : lines(n.series(), title, marks);
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("chart for " + a.alertId() + ": " + e.getMessage(), e);
        }
    }

    static XYChart lines(List<SeriesPoint> series, String title, Map<String, Instant> marks) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("time (UTC)").yAxisTitle(bucketLabel(series)).build();
        Instant first = series.get(0).at();
        Instant last = series.get(series.size() - 1).at();
        // a chart over more than a day needs the day on its axis
        chart.getStyler().setDatePattern(Duration.between(first, last).toHours() >= 20 ? "d MMM HH:mm" : "HH:mm");
        chart.getStyler().setTimezone(java.util.TimeZone.getTimeZone("UTC"));
        List<Date> x = series.stream().map(p -> Date.from(p.at())).toList();
        XYSeries mentions = chart.addSeries("mentions", x, series.stream().map(SeriesPoint::count).toList());
        mentions.setLineColor(new Color(0xC0392B));
        XYSeries baseline = chart.addSeries("baseline", x, series.stream().map(SeriesPoint::baseline).toList());
        baseline.setLineColor(new Color(0x7F8C8D));
        marks.forEach((label, at) -> {
            if (!at.isBefore(first) && !at.isAfter(last)) {
                AnnotationLine line = new AnnotationLine(at.toEpochMilli(), true, false);
                chart.addAnnotation(line);
                chart.addAnnotation(new AnnotationText(label, at.toEpochMilli(), 0, false));
            }
        });
        return chart;
    }

    /** The y axis's words: how long each bucket of the series is ("mentions per 5 min"). */
    static String bucketLabel(List<SeriesPoint> series) {
        if (series.size() < 2) {
            return "mentions";
        }
        long minutes = Duration.between(series.get(0).at(), series.get(1).at()).toMinutes();
        return minutes % 60 == 0 ? "mentions per " + (minutes == 60 ? "hour" : minutes / 60 + " h") : "mentions per " + minutes + " min";
    }

    private static CategoryChart bars(Alert a, String title) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .yAxisTitle("mentions per " + (a.evidence() == null ? "window" : a.evidence().window())).build();
        chart.getStyler().setLegendVisible(false);
        double count = a.evidence() == null ? 0 : a.evidence().count();
        double baseline = a.evidence() == null ? 0 : a.evidence().baseline();
        chart.addSeries("mentions", List.of("now", "baseline"), List.of(count, baseline));
        return chart;
    }
}
