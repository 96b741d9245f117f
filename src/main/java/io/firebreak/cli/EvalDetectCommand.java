package io.firebreak.cli;

import io.firebreak.alert.Alert;
import io.firebreak.detect.Severity;
import io.firebreak.alert.Lifecycle;
import io.firebreak.config.Home;
import io.firebreak.detect.Detection;
import io.firebreak.detect.Scenarios;
import io.firebreak.enrich.EnrichedMention;
import io.firebreak.service.Backtest;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code firebreak eval-detect}: how well the shipped rules detect, on generated scenarios with known
 * truth and on the open labelled data; {@code --bench} measures throughput instead.
 */
@Command(name = "eval-detect", mixinStandardHelpOptions = true,
        description = {"Measures detection: delay on generated crisis waves, false alarms on steady seasonal data,",
            "the calm Apple week and the airline week (American's late start must not alert)."})
public final class EvalDetectCommand implements Callable<Integer> {

    private static final String[] CATEGORIES = {"safety", "outage", "data-privacy", "product-quality", "customer-service"};

    @Option(names = "--data", paramLabel = "DIR", description = "the shared data folder (default: ../shared/data beside the checkout)")
    Path data;

    @Option(names = "--waves", defaultValue = "12", description = "crisis waves per baseline volume (default: ${DEFAULT-VALUE})")
    int waves;

    @Option(names = "--steady-days", defaultValue = "35", description = "days of steady data per brand (default: ${DEFAULT-VALUE})")
    int steadyDays;

    @Option(names = "--volume", description = "only the volume-only evaluation: the volume rule against a windowed Gaussian detector")
    boolean volumeOnly;

    @Option(names = "--bench", description = "measure mentions/s of windows and rules instead")
    boolean bench;

    @Option(names = "--bench-mentions", defaultValue = "2000000", description = "mentions in the benchmark (default: ${DEFAULT-VALUE})")
    int benchMentions;

    private final PrintStream out = System.out;
    private boolean allMet = true;
    private Lifecycle lifecycle;

    @Override
    public Integer call() throws Exception {
        Home home = Home.detect();
        if (bench) {
            new DetectionBench(home, out).run(benchMentions);
            return 0;
        }
        Detection engines = Detection.of(home, true);
        lifecycle = Lifecycle.load(home.config("alerts.yaml"));
        Path dir = data != null ? data : home.root().resolveSibling("shared").resolve("data");
        VolumeEvaluation volume = new VolumeEvaluation(engines, lifecycle, out);
        if (volumeOnly) {
            volume.run(dir.resolve("airline-tweets/Tweets.csv"));
            return 0;
        }
        crisisWaves(engines, "180-600 negatives/hour", new int[] {20, 200, 2000}, 3, 10, true);
        crisisWaves(engines, "60-180 negatives/hour (harder, no target)", new int[] {20, 200, 2000, 20000}, 1, 3, false);
        steady(engines);
        apple(engines, dir.resolve("apple-tweets/Apple-Twitter-Sentiment-DFE.csv"));
        airline(engines, dir.resolve("airline-tweets/Tweets.csv"));
        volume.run(dir.resolve("airline-tweets/Tweets.csv"));
        out.println(allMet ? "\nall targets met" : "\nSOME TARGETS MISSED");
        return allMet ? 0 : 1;
    }

    /**
     * Waves of {@code minPerMinute..maxPerMinute} negatives a minute over brands of the given daily volumes;
     * with {@code targeted}, the targets are checked.
     */
    private void crisisWaves(Detection engines, String label, int[] baselines, double minPerMinute,
                             double maxPerMinute, boolean targeted) {
        out.println("\n== crisis waves: 14 seasonal days, then " + label + " for 45 min at a random moment");
        out.printf("%-14s %6s %9s %9s %10s %10s %12s%n", "baseline/day", "waves", "caught", "<=15 min",
                "median min", "max min", "false alarms");
        Instant start = Instant.parse("2026-02-02T00:00:00Z");
        int totalWaves = 0, totalCaught = 0, totalFast = 0, totalFalse = 0;
        double streamDays = 0;
        for (int perDay : baselines) {
            int caught = 0, fast = 0, falseAlarms = 0;
            List<Long> delays = new ArrayList<>();
            for (int i = 0; i < waves; i++) {
                long seed = perDay * 1000L + i + (targeted ? 0 : 500);
                SplittableRandom rnd = new SplittableRandom(seed);
                Instant onset = start.plus(Duration.ofDays(14)).plus(Duration.ofMinutes(rnd.nextInt(24 * 60)));
                    double perMinute = minPerMinute + rnd.nextDouble() * (maxPerMinute - minPerMinute);
                String category = CATEGORIES[rnd.nextInt(CATEGORIES.length)];
                List<EnrichedMention> stream = Scenarios.merge(
                        Scenarios.seasonal("brand", start, 15, perDay / 24.0, 0.25, seed),
                        Scenarios.wave("brand", onset, perMinute, Duration.ofMinutes(45), category, seed + 1));
                List<Alert> fired = firing(replay(engines, stream));
                falseAlarms += (int) fired.stream().filter(a -> a.firedAt().isBefore(onset)).count();
                var hit = fired.stream().filter(a -> !a.firedAt().isBefore(onset)
                        && a.firedAt().isBefore(onset.plus(Duration.ofMinutes(60)))).findFirst();
                if (hit.isPresent()) {
                    caught++;
                    long delay = Duration.between(onset, hit.get().firedAt()).toMinutes();
                    delays.add(delay);
                    if (delay <= 15) {
                        fast++;
                    }
                }
                streamDays += 14 + Duration.between(start.plus(Duration.ofDays(14)), onset).toMinutes() / 1440.0;
            }
            delays.sort(null);
            out.printf("%-14d %6d %9d %9d %10s %10s %12d%n", perDay, waves, caught, fast,
                    delays.isEmpty() ? "-" : delays.get(delays.size() / 2), delays.isEmpty() ? "-" : delays.get(delays.size() - 1),
                    falseAlarms);
            totalWaves += waves;
            totalCaught += caught;
            totalFast += fast;
            totalFalse += falseAlarms;
        }
        String fastCount = totalFast + "/" + totalWaves + " (caught at all: " + totalCaught + ")";
        String falseRate = String.format("%d in %.0f stream-days = %.4f/day", totalFalse, streamDays, totalFalse / streamDays);
        if (targeted) {
            target("every wave caught within 15 minutes of onset (event time)", totalFast == totalWaves, fastCount);
            target("false alarms before the waves <= 0.1 per stream-day", totalFalse / streamDays <= 0.1, falseRate);
        } else {
            out.println("caught within 15 minutes: " + fastCount + "; false alarms before the waves: " + falseRate);
        }
    }

    /** Seasonal steady data for brands from ten to twenty thousand mentions a day: every alert is false. */
    private void steady(Detection engines) {
        out.printf("%n== steady seasonal data, %d days per brand (daily and weekly shape, Poisson noise)%n", steadyDays);
        out.printf("%-14s %10s %8s %8s %14s%n", "mentions/day", "mentions", "alerts", "SEV1/2", "per 30 days");
        Instant start = Instant.parse("2026-01-05T00:00:00Z");
        int worst = 0, total = 0, brands = 0;
        for (int perDay : new int[] {10, 50, 200, 1000, 5000, 20000}) {
            List<EnrichedMention> stream = Scenarios.seasonal("steady" + perDay, start, steadyDays, perDay / 24.0, 0.3, perDay);
            List<Alert> fired = firing(replay(engines, stream));
            long severe = fired.stream().filter(a -> a.severity() != Severity.SEV3).count();
            out.printf("%-14d %10d %8d %8d %14.2f%n", perDay, stream.size(), fired.size(), severe,
                    fired.size() * 30.0 / steadyDays);
            worst = Math.max(worst, fired.size());
            total += fired.size();
            brands++;
        }
        target("at most one false alarm per brand per 30 days", worst * 30.0 / steadyDays <= 1.0,
                "worst brand " + worst + " in " + steadyDays + " days");
        out.printf("false alarms per stream-day: %.4f%n", total / (double) (brands * steadyDays));
    }

    /** The calm Apple week, negativity from the crowd label. */
    private void apple(Detection engines, Path csv) throws Exception {
        out.println("\n== apple-tweets (calm week, human labels)");
        List<Alert> all = replay(engines, LabelledTweets.apple(csv));
        printAlerts(all);
        long severe = firing(all).stream().filter(a -> a.severity() != Severity.SEV3).count();
        target("no SEV1/SEV2 on the calm Apple week", severe == 0, severe + " severe, " + firing(all).size() + " in all");
    }

    /** The airline week: American's collection starts on 22 Feb 11:58 PST, which is not a crisis. */
    private void airline(Detection engines, Path csv) throws Exception {
        out.println("\n== airline-tweets (human labels; one week, six airlines)");
        List<Alert> all = replay(engines, LabelledTweets.airline(csv));
        printAlerts(all);
        Instant americanStarts = Instant.parse("2015-02-22T19:58:00Z");
        long early = firing(all).stream().filter(a -> a.brand().equals("American")
                && a.firedAt().isBefore(americanStarts.plus(Duration.ofHours(24)))).count();
        target("American does not alert in its first 24 hours of data", early == 0, early + " alerts");
        out.printf("alarms per stream-day (unlabelled, upper bound on false ones): %.3f%n",
                firing(all).size() / (6 * 7.5));
    }

    private void printAlerts(List<Alert> alerts) {
        Map<String, int[]> byBrand = new TreeMap<>();
        for (Alert a : firing(alerts)) {
            byBrand.computeIfAbsent(a.brand(), b -> new int[3])[a.severity().ordinal()]++;
            out.printf("  %s %s %s %s %s (window %s, negatives %d, baseline %.1f, ratio %.1f)%n", a.firedAt(), a.brand(),
                    a.rule(), a.category(), a.severity(), a.evidence().window(), a.evidence().negativeCount(),
                    a.evidence().baseline(), a.evidence().ratio());
        }
        if (byBrand.isEmpty()) {
            out.println("  no alerts");
        }
    }

    private void target(String what, boolean met, String measured) {
        allMet &= met;
        out.printf("%s %s: %s%n", met ? "[met]   " : "[MISSED]", what, measured);
    }

    /** One line per alert: its first version (early warnings included), at the highest severity it reached. */
    private static List<Alert> firing(List<Alert> versions) {
        Map<String, Severity> peak = new java.util.HashMap<>();
        versions.forEach(v -> peak.merge(v.alertId(), v.severity(), Severity::worst));
        return versions.stream().filter(a -> a.change() == Alert.Change.opened)
                .map(a -> new Alert(a.alertId(), a.version(), a.rule(), a.brand(), a.category(), peak.get(a.alertId()),
                        a.status(), a.firedAt(), a.updatedAt(), a.resolvedAt(), a.evidence(), a.statement(), a.change(),
                        a.provisional(), a.note(), a.handling()))
                .toList();
    }

    private List<Alert> replay(Detection detection, List<EnrichedMention> stream) {
        return Backtest.of(detection, lifecycle, stream);
    }
}
