package io.firebreak.detect;

/** What one brand usually sees, by hour of week, for all, negative and crisis-keyword mentions. */
final class Baseline {

    private final long firstHour;
    private long lastHour;
    private long activeHours;
    private final Series total;
    private final Series negative;
    private final Series keyword;

    private Baseline(BrandBaseline b) {
        firstHour = b.firstHour();
        lastHour = b.lastHour();
        activeHours = b.activeHours();
        total = new Series(b.total());
        negative = new Series(b.negative());
        keyword = new Series(b.keyword());
    }

    static Baseline startingAt(long hour) {
        return new Baseline(new BrandBaseline(hour, hour - 1, 0,
                SeriesState.empty(), SeriesState.empty(), SeriesState.empty()));
    }

    static Baseline of(BrandBaseline stored) {
        return new Baseline(stored);
    }

    BrandBaseline snapshot() {
        return new BrandBaseline(firstHour, lastHour, activeHours, total.state(), negative.state(), keyword.state());
    }

    /** Too little history to tell a spike from the brand's normal: spike rules stay quiet. */
    boolean warmingUp(DetectionSettings s) {
        return activeHours < s.warmupActiveHours();
    }

    long lastHour() {
        return lastHour;
    }

    void closeHour(long hour, long[] counts, DetectionSettings s) {
        if (hour <= lastHour) {
            return;
        }
        boolean robust = !warmingUp(s);
        total.fold(hour, counts[0], robust, s);
        negative.fold(hour, counts[1], robust, s);
        keyword.fold(hour, counts[2], robust, s);
        if (counts[0] > 0) {
            activeHours++;
        }
        lastHour = hour;
    }

    double expectedTotal(long firstMinute, long lastMinute) {
        return total.over(firstMinute, lastMinute);
    }

    double expectedNegative(long firstMinute, long lastMinute) {
        return negative.over(firstMinute, lastMinute);
    }

    double expectedKeyword(long firstMinute, long lastMinute) {
        return keyword.over(firstMinute, lastMinute);
    }
}
