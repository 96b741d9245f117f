package io.firebreak.detect;

import io.firebreak.enrich.EnrichedMention;
import io.firebreak.enrich.Enrichment;
import io.firebreak.mention.Mention;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongToDoubleFunction;

/**
 * Generated mention streams with known truth, for tests, the eval and the benchmark: Poisson noise
 * around a rate that may follow the day and the week, and crisis waves with a known onset. The same
 * seed always gives the same stream.
 */
public final class Scenarios {

    private static final long MINUTE_MS = 60_000;

    private Scenarios() {}

    /** A flat rate: {@code perHour} mentions an hour, {@code negativeShare} of them negative. */
    public static List<EnrichedMention> quietDays(String brand, Instant start, int days, double perHour,
                                                  double negativeShare, long seed) {
        return stream(brand, start, Duration.ofDays(days), t -> perHour, negativeShare, seed);
    }

    /**
     * A rate with a daily shape (quiet at night, busiest in the afternoon UTC) and quieter weekends,
     * averaging about {@code meanPerHour} on weekdays.
     */
    public static List<EnrichedMention> seasonal(String brand, Instant start, int days, double meanPerHour,
                                                 double negativeShare, long seed) {
        return stream(brand, start, Duration.ofDays(days), t -> meanPerHour * shape(t), negativeShare, seed);
    }

    /**
     * A crisis: negative mentions of one category ramping up over five minutes to {@code perMinute},
     * held for {@code length}. Texts name the category's typical words, as real waves do.
     */
    public static List<EnrichedMention> wave(String brand, Instant onset, double perMinute, Duration length,
                                             String category, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<EnrichedMention> out = new ArrayList<>();
        long startMin = onset.toEpochMilli() / MINUTE_MS;
        long minutes = length.toMinutes();
        String text = switch (category) {
            case "safety" -> "my kid was injured by the new product, this is dangerous";
            case "data-privacy" -> "they leaked my data, massive breach";
            case "product-quality" -> "recall this now, it is defective";
            default -> "worst service ever, never again";
        };
        for (long i = 0; i < minutes; i++) {
            double rate = perMinute * Math.min(1.0, (i + 1) / 5.0);
            int n = poisson(rnd, rate);
            for (int k = 0; k < n; k++) {
                long t = (startMin + i) * MINUTE_MS + rnd.nextLong(MINUTE_MS);
                out.add(mention(brand, "wave-" + seed + "-" + out.size(), Instant.ofEpochMilli(t), true,
                        category, 100 + rnd.nextLong(2000), text));
            }
        }
        out.sort(Comparator.comparing(e -> e.mention().createdAt()));
        return out;
    }

    /** The streams merged in event-time order. */
    @SafeVarargs
    public static List<EnrichedMention> merge(List<EnrichedMention>... streams) {
        List<EnrichedMention> out = new ArrayList<>();
        for (List<EnrichedMention> s : streams) {
            out.addAll(s);
        }
        out.sort(Comparator.comparing((EnrichedMention e) -> e.mention().createdAt()));
        return out;
    }

    /** One enriched mention as the enricher would produce it. */
    public static EnrichedMention mention(String brand, String id, Instant at, boolean negative, String category,
                                          long followers, String text) {
        Mention m = new Mention(id, "generated", at, text, brand, "en", null,
                new Mention.Author(null, null, followers, false), null, null);
        return new EnrichedMention(m, new Enrichment("en", true, negative ? -0.6 : 0.3,
                negative ? "negative" : "positive", List.of(brand), category, List.of()));
    }

    /** Relative activity at a moment: a daily wave (peak ~15:00 UTC, trough ~03:00) times a weekend dip. */
    static double shape(long epochMs) {
        var t = Instant.ofEpochMilli(epochMs).atOffset(ZoneOffset.UTC);
        double hour = t.getHour() + t.getMinute() / 60.0;
        double daily = 1 + 0.7 * Math.sin(2 * Math.PI * (hour - 9) / 24);
        boolean weekend = t.getDayOfWeek().getValue() >= 6;
        return daily * (weekend ? 0.6 : 1.0);
    }

    private static List<EnrichedMention> stream(String brand, Instant start, Duration length, LongToDoubleFunction perHourAt,
                                                double negativeShare, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<EnrichedMention> out = new ArrayList<>();
        long startMin = start.toEpochMilli() / MINUTE_MS;
        for (long i = 0; i < length.toMinutes(); i++) {
            long minuteMs = (startMin + i) * MINUTE_MS;
            int n = poisson(rnd, perHourAt.applyAsDouble(minuteMs) / 60.0);
            for (int k = 0; k < n; k++) {
                boolean negative = rnd.nextDouble() < negativeShare;
                long t = minuteMs + rnd.nextLong(MINUTE_MS);
                out.add(mention(brand, brand + "-" + seed + "-" + out.size(), Instant.ofEpochMilli(t), negative,
                        negative ? "customer-service" : "other", 50 + rnd.nextLong(5000),
                        negative ? "still waiting for support" : "nice one"));
            }
        }
        out.sort(Comparator.comparing(e -> e.mention().createdAt()));
        return out;
    }

    /** Knuth's method below 30, a rounded normal above: exact enough for rates, cheap for big ones. */
    public static int poisson(SplittableRandom rnd, double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda > 30) {
            double g = rnd.nextDouble(), h = rnd.nextDouble();
            double normal = Math.sqrt(-2 * Math.log(1 - g)) * Math.cos(2 * Math.PI * h);
            return (int) Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal));
        }
        double l = Math.exp(-lambda), p = 1;
        int k = 0;
        do {
            k++;
            p *= rnd.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
