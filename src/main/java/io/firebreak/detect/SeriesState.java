package io.firebreak.detect;

import java.util.Arrays;

/**
 * The learned shape of one hourly count series: a deseasonalised level (EWMA) and multiplicative
 * indexes by hour of day and hour of week, with how often each slot was seen.
 */
public record SeriesState(double level, long hours, double[] daily, int[] dailySeen, double[] weekly, int[] weeklySeen) {

    static SeriesState empty() {
        double[] daily = new double[24];
        double[] weekly = new double[168];
        Arrays.fill(daily, 1.0);
        Arrays.fill(weekly, 1.0);
        return new SeriesState(0, 0, daily, new int[24], weekly, new int[168]);
    }
}
