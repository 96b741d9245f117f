package io.firebreak.cli;

import io.firebreak.alert.Alert;
import io.firebreak.alert.Lifecycle;
import io.firebreak.detect.Detection;
import io.firebreak.detect.Scenarios;
import io.firebreak.enrich.EnrichedMention;
import io.firebreak.enrich.Enrichment;
import io.firebreak.mention.Mention;
import io.firebreak.service.Backtest;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Volume-only streams (mentions with no usable text): the engine's volume rule against a windowed Gaussian
 * detector, the usual reference for anomalies in a count series, at the same false-alarm rate. Both read the
 * same per-minute counts: generated seasonal series with overdispersed noise from 5 to 2,000 mentions an hour,
 * and the airline tweets' real per-airline counts, each with known anomalies laid on top (a burst of extra
 * mentions for 30 minutes, or a wave that doubles every hour for three hours). The Gaussian's threshold is the
 * lowest whose false alarms on the same series are no more than the engine's, so the two are compared on what
 * they catch and how fast, not on how much noise each is allowed.
 */
final class VolumeEvaluation {

    private static final int WINDOW = 15;
    private static final int TRAILING_POINTS = 96; // 24 hours of 15-minute sums
    private static final Duration CATCH_WITHIN = Duration.ofMinutes(60);
    private static final double[] THETAS = {3, 3.5, 4, 4.5, 5, 5.5, 6, 7, 8, 9, 10, 12, 15, 20, 30};

    /** An injected anomaly: extra mentions from {@code start} for {@code minutes}, times the usual rate. */
    record Anomaly(int start, int minutes, double factor, boolean doubling) {}

    /** A per-minute count series with the anomalies laid on it, scored from {@code scoredFrom}. */
    record Series(String group, String brand, Instant start, int[] counts, List<Anomaly> anomalies, int scoredFrom) {
        double scoredDays() {
            return (counts.length - scoredFrom) / 1440.0;
        }
    }

    /** What one detector did on a group of series. */
    record Score(int anomalies, int caught, List<Long> delays, int falseAlarms, double days) {
        double falsePer30Days() {
            return falseAlarms * 30 / days;
        }

        String median() {
            if (delays.isEmpty()) {
                return "-";
            }
            List<Long> sorted = new ArrayList<>(delays);
            sorted.sort(null);
            return Long.toString(sorted.get(sorted.size() / 2));
        }
    }

    private final Detection engines;
    private final Lifecycle lifecycle;
    private final PrintStream out;

    VolumeEvaluation(Detection engines, Lifecycle lifecycle, PrintStream out) {
        this.engines = engines;
        this.lifecycle = lifecycle;
        this.out = out;
    }

    void run(Path airlineCsv) throws Exception {
        out.println("\n== volume-only streams: the volume rule vs a windowed Gaussian (15-min sums, trailing 24 h) at the same false-alarm rate");
        out.printf("%-22s %5s | %-26s | %-34s%n", "", "", "Firebreak (volume rule)", "windowed Gaussian");
        out.printf("%-22s %5s | %6s %8s %10s | %5s %6s %8s %10s%n", "series", "anom.", "caught", "median", "false/30d",
                "z>=", "caught", "median", "false/30d");
        Map<String, List<Series>> groups = new TreeMap<>();
        for (int perHour : new int[] {5, 50, 500, 2000}) {
            for (int seed = 1; seed <= 2; seed++) {
                groups.computeIfAbsent(String.format("generated %5d/h", perHour), k -> new ArrayList<>())
                        .add(generated(perHour, seed));
            }
        }
        if (Files.isRegularFile(airlineCsv)) {
            groups.put("airline tweets (real)", airline(airlineCsv));
        }
        Score engineAll = null;
        Score gaussAll = null;
        for (var group : groups.entrySet()) {
            Score engine = engine(group.getValue());
            double theta = Double.NaN;
            Score gauss = null;
            for (double t : THETAS) {
                Score s = gaussian(group.getValue(), t);
                if (s.falseAlarms() <= engine.falseAlarms()) {
                    theta = t;
                    gauss = s;
                    break;
                }
            }
            if (gauss == null) {
                theta = THETAS[THETAS.length - 1];
                gauss = gaussian(group.getValue(), theta);
            }
            out.printf("%-22s %5d | %6d %8s %10.2f | %5.1f %6d %8s %10.2f%n", group.getKey(), engine.anomalies(),
                    engine.caught(), engine.median(), engine.falsePer30Days(), theta, gauss.caught(), gauss.median(),
                    gauss.falsePer30Days());
            engineAll = plus(engineAll, engine);
            gaussAll = plus(gaussAll, gauss);
        }
        out.printf("%-22s %5d | %6d %8s %10.2f | %5s %6d %8s %10.2f%n", "all", engineAll.anomalies(), engineAll.caught(),
                engineAll.median(), engineAll.falsePer30Days(), "", gaussAll.caught(), gaussAll.median(),
                gaussAll.falsePer30Days());
    }

    private static Score plus(Score a, Score b) {
        if (a == null) {
            return b;
        }
        List<Long> delays = new ArrayList<>(a.delays());
        delays.addAll(b.delays());
        return new Score(a.anomalies() + b.anomalies(), a.caught() + b.caught(), delays, a.falseAlarms() + b.falseAlarms(),
                a.days() + b.days());
    }

    /** 28 days of a daily shape (quiet nights, busy evenings) with gamma-Poisson noise; anomalies after a week. */
    static Series generated(int perHour, long seed) {
        SplittableRandom rnd = new SplittableRandom(perHour * 7919L + seed);
        int days = 28;
        int[] counts = new int[days * 1440];
        double[] rate = new double[counts.length];
        for (int m = 0; m < counts.length; m++) {
            double hourOfDay = (m % 1440) / 60.0;
            rate[m] = perHour / 60.0 * (1 + 0.6 * Math.sin((hourOfDay - 9) / 24 * 2 * Math.PI));
        }
        List<Anomaly> anomalies = new ArrayList<>();
        for (int day = 8; day < days - 1; day += 2) {
            int start = day * 1440 + rnd.nextInt(1440 - 240);
            boolean doubling = anomalies.size() % 3 == 2;
            double factor = doubling ? 1 : new double[] {2, 4, 9}[anomalies.size() % 3];
            anomalies.add(new Anomaly(start, doubling ? 180 : 30, factor, doubling));
        }
        double[] extra = extra(rate, anomalies);
        for (int m = 0; m < counts.length; m++) {
            // overdispersed: the rate itself wanders (gamma, shape 20), as real mention counts do
            double wandering = gamma(rnd, 20) / 20;
            counts[m] = Scenarios.poisson(rnd, rate[m] * wandering + extra[m]);
        }
        return new Series(String.format("generated %d/h", perHour), "volume" + perHour + "-" + seed,
                Instant.parse("2026-01-05T00:00:00Z"), counts, anomalies, 7 * 1440);
    }

    /** Each airline's real per-minute counts over the week, with bursts laid on after two days. */
    static List<Series> airline(Path csv) throws Exception {
        Map<String, List<Instant>> byAirline = new TreeMap<>();
        for (EnrichedMention em : LabelledTweets.airline(csv)) {
            byAirline.computeIfAbsent(em.mention().brand(), k -> new ArrayList<>()).add(em.mention().createdAt());
        }
        Instant start = byAirline.values().stream().flatMap(List::stream).min(Instant::compareTo).orElseThrow()
                .truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        Instant end = byAirline.values().stream().flatMap(List::stream).max(Instant::compareTo).orElseThrow();
        int minutes = (int) Duration.between(start, end).toMinutes() + 1;
        List<Series> out = new ArrayList<>();
        long seed = 1;
        for (var e : byAirline.entrySet()) {
            int[] counts = new int[minutes];
            for (Instant at : e.getValue()) {
                counts[(int) Duration.between(start, at).toMinutes()]++;
            }
            double level = e.getValue().size() / (double) minutes;
            double[] rate = new double[minutes];
            java.util.Arrays.fill(rate, level);
            SplittableRandom rnd = new SplittableRandom(seed++);
            List<Anomaly> anomalies = new ArrayList<>();
            for (int day = 3; day * 1440 + 1440 < minutes; day += 2) {
                anomalies.add(new Anomaly(day * 1440 + rnd.nextInt(1440 - 240), 30, 9, false));
            }
            double[] extra = extra(rate, anomalies);
            for (int m = 0; m < minutes; m++) {
                counts[m] += Scenarios.poisson(rnd, extra[m]);
            }
            out.add(new Series("airline", e.getKey(), start, counts, anomalies, 2 * 1440));
        }
        return out;
    }

    private static double[] extra(double[] rate, List<Anomaly> anomalies) {
        double[] extra = new double[rate.length];
        for (Anomaly a : anomalies) {
            for (int m = a.start(); m < a.start() + a.minutes() && m < rate.length; m++) {
                int hour = (m - a.start()) / 60;
                extra[m] += a.doubling() ? rate[m] * (Math.pow(2, hour + 1) - 1) : rate[m] * a.factor();
            }
        }
        return extra;
    }

    /** The real engine on the series' mentions (bare, unscored: volume is all they tell). */
    Score engine(List<Series> group) {
        Score total = null;
        for (Series s : group) {
            List<Instant> fired = new ArrayList<>();
            try (Backtest b = new Backtest(engines.fresh(), lifecycle, null, a -> {
                if (a.change() == Alert.Change.opened) {
                    fired.add(a.firedAt());
                }
            })) {
                long id = 0;
                for (int m = 0; m < s.counts().length; m++) {
                    Instant minute = s.start().plusSeconds(60L * m);
                    for (int i = 0; i < s.counts()[m]; i++) {
                        Instant at = minute.plusMillis(60_000L * i / s.counts()[m]);
                        b.partitions().accept(bare(s.brand(), id++, at), null);
                    }
                }
                b.partitions().finish();
            }
            total = plus(total, score(s, fired));
        }
        return total;
    }

    private static EnrichedMention bare(String brand, long id, Instant at) {
        Mention m = new Mention(Long.toString(id), "counts", at, "-", brand, null, null, null,
                new Mention.Engagement(0, 0, 0), null);
        return new EnrichedMention(m, new Enrichment("zxx", false, 0, "unscored", List.of(brand), "other", List.of()));
    }

    /**
     * A windowed Gaussian: each minute, the last 15 minutes' sum against the mean and standard deviation of
     * the 96 non-overlapping 15-minute sums before it; an alarm when z reaches the threshold, then none until
     * z has stayed below it for an hour.
     */
    static Score gaussian(List<Series> group, double theta) {
        Score total = null;
        for (Series s : group) {
            int[] c = s.counts();
            long[] prefix = new long[c.length + 1];
            for (int m = 0; m < c.length; m++) {
                prefix[m + 1] = prefix[m] + c[m];
            }
            List<Instant> fired = new ArrayList<>();
            int quietSince = Integer.MIN_VALUE;
            boolean alarmed = false;
            for (int m = WINDOW * (TRAILING_POINTS + 1); m < c.length; m++) {
                double x = prefix[m + 1] - prefix[m + 1 - WINDOW];
                double sum = 0;
                double sq = 0;
                for (int k = 1; k <= TRAILING_POINTS; k++) {
                    int end = m + 1 - WINDOW * k;
                    double v = prefix[end] - prefix[end - WINDOW];
                    sum += v;
                    sq += v * v;
                }
                double mean = sum / TRAILING_POINTS;
                double sd = Math.sqrt(Math.max(sq / TRAILING_POINTS - mean * mean, 0));
                double z = (x - mean) / Math.max(sd, 1);
                if (z >= theta) {
                    if (!alarmed) {
                        fired.add(s.start().plusSeconds(60L * m + 60));
                        alarmed = true;
                    }
                    quietSince = m;
                } else if (alarmed && m - quietSince >= 60) {
                    alarmed = false;
                }
            }
            total = plus(total, score(s, fired));
        }
        return total;
    }

    /** An alarm within an hour of an anomaly's start catches it; one outside every anomaly (and its hour after) is false. */
    static Score score(Series s, List<Instant> fired) {
        Instant scoredFrom = s.start().plusSeconds(60L * s.scoredFrom());
        List<Long> delays = new ArrayList<>();
        int caught = 0;
        for (Anomaly a : s.anomalies()) {
            Instant onset = s.start().plusSeconds(60L * a.start());
            var hit = fired.stream().filter(f -> !f.isBefore(onset) && f.isBefore(onset.plus(CATCH_WITHIN)
                    .plus(Duration.ofMinutes(a.minutes())))).findFirst();
            if (hit.isPresent()) {
                caught++;
                delays.add(Duration.between(onset, hit.get()).toMinutes());
            }
        }
        int falseAlarms = 0;
        for (Instant f : fired) {
            if (f.isBefore(scoredFrom)) {
                continue;
            }
            boolean near = s.anomalies().stream().anyMatch(a -> {
                Instant onset = s.start().plusSeconds(60L * a.start());
                return !f.isBefore(onset) && f.isBefore(onset.plus(Duration.ofMinutes(a.minutes())).plus(CATCH_WITHIN));
            });
            falseAlarms += near ? 0 : 1;
        }
        return new Score(s.anomalies().size(), caught, delays, falseAlarms, s.scoredDays());
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Marsaglia and Tsang's method, shape >= 1. */
    private static double gamma(SplittableRandom rnd, double shape) {
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = gaussian(rnd);
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rnd.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
