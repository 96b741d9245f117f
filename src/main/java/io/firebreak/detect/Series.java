package io.firebreak.detect;

import java.util.Arrays;

/**
 * One hourly count series learned Holt-Winters style without trend: level × seasonal index, where the
 * index is by hour of week once that slot has been seen twice, else by hour of day.
 */
final class Series {

    private static final double MIN_INDEX = 0.05;

    private double level;
    private long hours;
    private final double[] daily;
    private final int[] dailySeen;
    private final double[] weekly;
    private final int[] weeklySeen;

    Series(SeriesState s) {
        level = s.level();
        hours = s.hours();
        daily = s.daily().clone();
        dailySeen = s.dailySeen().clone();
        weekly = s.weekly().clone();
        weeklySeen = s.weeklySeen().clone();
    }

    SeriesState state() {
        return new SeriesState(level, hours, daily.clone(), dailySeen.clone(), weekly.clone(), weeklySeen.clone());
    }

    /** Expected count in the given epoch hour. */
    double perHour(long hour) {
        return level * index(hour);
    }

    /** Expected count over minutes {@code first..last} inclusive, hour by hour. */
    double over(long firstMinute, long lastMinute) {
        double sum = 0;
        long m = firstMinute;
        while (m <= lastMinute) {
            long hour = Math.floorDiv(m, 60);
            long hourEnd = Math.min(lastMinute, hour * 60 + 59);
            sum += perHour(hour) * (hourEnd - m + 1) / 60.0;
            m = hourEnd + 1;
        }
        return sum;
    }

    /**
     * Folds a closed hour in. With {@code robust}, a count far above expectation is clipped first so a
     * crisis does not teach the baseline that crises are normal (and so does not end its own alert).
     */
    void fold(long hour, double count, boolean robust, DetectionSettings s) {
        hours++;
        double idx = index(hour);
        double expected = level * idx;
        double c = robust && hours > 1 ? Math.min(count, expected + 4 * Math.sqrt(expected) + 3) : count;
        // a running mean until there is enough history for the EWMA to mean something
        double alpha = Math.max(s.levelAlpha(), 1.0 / hours);
        level += alpha * (c / idx - level);
        if (level < s.seasonalMinLevel() || hours <= 24) {
            // too few mentions for a shape to be more than noise, or a level still too young to divide by
            return;
        }
        double r = Math.min(5, c / level);
        int hod = (int) Math.floorMod(hour, 24L);
        dailySeen[hod]++;
        daily[hod] += Math.max(s.dailyGamma(), 1.0 / dailySeen[hod]) * (r - daily[hod]);
        normalise(daily);
        int how = (int) Math.floorMod(hour + 72, 168L); // epoch hour 0 is Thursday 00:00, slot 0 is Monday 00:00
        weeklySeen[how]++;
        weekly[how] += Math.max(s.weeklyGamma(), 1.0 / weeklySeen[how]) * (r - weekly[how]);
        normalise(weekly);
    }

    private double index(long hour) {
        int how = (int) Math.floorMod(hour + 72, 168L);
        if (weeklySeen[how] >= 2) {
            return Math.max(MIN_INDEX, weekly[how]);
        }
        int hod = (int) Math.floorMod(hour, 24L);
        return dailySeen[hod] >= 1 ? Math.max(MIN_INDEX, daily[hod]) : 1.0;
    }

    private static void normalise(double[] index) {
        double mean = Arrays.stream(index).average().orElse(1);
        if (mean > 0) {
            for (int i = 0; i < index.length; i++) {
                index[i] /= mean;
            }
        }
    }
}
