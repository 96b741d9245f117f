package io.firebreak.notify;

import io.firebreak.alert.Alert;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.List;
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
        Alert a = n.alert();
        String title = "Mentions vs baseline: " + SlackText.oneLine(n.brandName(), 60) + " · " + a.category();
        Chart<?, ?> chart = n.series().isEmpty() ? bars(a, title) : lines(n.series(), title);
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("chart for " + a.alertId() + ": " + e.getMessage(), e);
        }
    }

    private static XYChart lines(List<SeriesPoint> series, String title) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("time (UTC)").yAxisTitle("mentions").build();
        chart.getStyler().setDatePattern("HH:mm");
        chart.getStyler().setTimezone(java.util.TimeZone.getTimeZone("UTC"));
        List<Date> x = series.stream().map(p -> Date.from(p.at())).toList();
        XYSeries mentions = chart.addSeries("mentions", x, series.stream().map(SeriesPoint::count).toList());
        mentions.setLineColor(new Color(0xC0392B));
        XYSeries baseline = chart.addSeries("baseline", x, series.stream().map(SeriesPoint::baseline).toList());
        baseline.setLineColor(new Color(0x7F8C8D));
        return chart;
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
