package io.firebreak.detect;

import io.firebreak.mention.Mention;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One brand's recent minutes in a ring of {@link MinuteBucket}s: O(1) per mention, and a span is summed
 * once per tick rather than kept per mention. Each mention key counts once while its minute is in the ring.
 */
final class BrandWindows {

    private final MinuteBucket[] ring;
    private final SeenKeys seen;

    /** @param minutes how many minutes to keep: the longest span plus the allowed lateness, at least */
    BrandWindows(int minutes) {
        seen = new SeenKeys(minutes);
        ring = new MinuteBucket[minutes];
        for (int i = 0; i < minutes; i++) {
            ring[i] = new MinuteBucket();
            ring[i].reset(Long.MIN_VALUE);
        }
    }

    /**
     * Counts one mention in its minute; false, counting nothing, when its key was already counted (a
     * re-delivery). The caller guarantees the minute is inside the ring's span, so a stale slot can
     * only hold an older minute and is recycled.
     */
    boolean add(long minute, Mention mention, boolean negative, Category category, Category keyword,
                List<String> terms) {
        if (!seen.add(mention.source(), mention.id(), minute)) {
            return false;
        }
        MinuteBucket b = ring[(int) Math.floorMod(minute, (long) ring.length)];
        if (b.minute != minute) {
            b.reset(minute);
        }
        b.count++;
        boolean reshare = isReshare(mention);
        if (reshare) {
            b.reshares++;
        }
        if (negative) {
            b.negative++;
            if (reshare) {
                b.negativeReshares++;
            }
            b.negativeByCategory[category.ordinal()]++;
            long followers = mention.author().followers();
            b.reach += followers;
            b.addTop(mention, followers, terms);
            if (keyword != null) {
                b.keyword++;
                b.keywordByCategory[keyword.ordinal()]++;
            }
        }
        return true;
    }

    /** Mention keys remembered for de-duplication. */
    int keysHeld() {
        return seen.size();
    }

    /** A reshare by the schema's field, or by Twitter's "RT @" convention in exports that lack it. */
    static boolean isReshare(Mention m) {
        return m.reshareOf() != null || m.text().startsWith("RT @");
    }

    /**
     * Sums the {@code minutes} minutes ending with {@code lastMinute} (inclusive); a category names the
     * window when it holds {@code clearShare} of its negatives (decisions.category.clear-share).
     */
    WindowCounts sum(long lastMinute, int minutes, double clearShare) {
        long count = 0, negative = 0, reshares = 0, negativeReshares = 0, keyword = 0, reach = 0;
        int[] negByCat = new int[Category.COUNT];
        int[] kwByCat = new int[Category.COUNT];
        List<MinuteBucket> used = new ArrayList<>(minutes);
        for (long m = lastMinute - minutes + 1; m <= lastMinute; m++) {
            MinuteBucket b = ring[(int) Math.floorMod(m, (long) ring.length)];
            if (b.minute != m || b.count == 0) {
                continue;
            }
            used.add(b);
            count += b.count;
            negative += b.negative;
            reshares += b.reshares;
            negativeReshares += b.negativeReshares;
            keyword += b.keyword;
            reach += b.reach;
            for (int c = 0; c < Category.COUNT; c++) {
                negByCat[c] += b.negativeByCategory[c];
                kwByCat[c] += b.keywordByCategory[c];
            }
        }
        if (count == 0) {
            return WindowCounts.EMPTY;
        }
        return new WindowCounts(count, negative, reshares, negativeReshares, keyword, reach,
                dominant(negByCat, clearShare), dominant(kwByCat, clearShare), top(used, false), top(used, true));
    }

    /** Negatives in the {@code minutes} minutes ending with {@code lastMinute}: {@link #sum} without the evidence. */
    long negatives(long lastMinute, int minutes) {
        long negative = 0;
        for (long m = lastMinute - minutes + 1; m <= lastMinute; m++) {
            MinuteBucket b = ring[(int) Math.floorMod(m, (long) ring.length)];
            if (b.minute == m) {
                negative += b.negative;
            }
        }
        return negative;
    }

    /** Counts of one closed minute range, for the baseline: total, negative, keyword. */
    long[] totals(long firstMinute, long lastMinute) {
        long[] t = new long[3];
        for (long m = firstMinute; m <= lastMinute; m++) {
            MinuteBucket b = ring[(int) Math.floorMod(m, (long) ring.length)];
            if (b.minute == m) {
                t[0] += b.count;
                t[1] += b.negative;
                t[2] += b.keyword;
            }
        }
        return t;
    }

    /**
     * The category most of the mentions fall in, "other" when none holds a clear share: a wave whose
     * category flips between minutes would otherwise open a new alert with every flip.
     */
    private static String dominant(int[] byCategory, double clearShare) {
        int total = 0;
        for (int n : byCategory) {
            total += n;
        }
        int best = -1;
        for (int c = 0; c < Category.COUNT; c++) {
            if (c == Category.OTHER.ordinal() || byCategory[c] == 0) {
                continue;
            }
            if (best < 0 || byCategory[c] > byCategory[best]) {
                best = c;
            }
        }
        return best < 0 || byCategory[best] < clearShare * total ? Category.OTHER.id() : Category.at(best).id();
    }

    private static List<String> top(List<MinuteBucket> buckets, boolean terms) {
        // a handful of candidates per minute: sorting them at tick time is cheap
        record Candidate(String id, long reach, List<String> terms) {}
        List<Candidate> all = new ArrayList<>();
        for (MinuteBucket b : buckets) {
            for (int i = 0; i < MinuteBucket.TOP; i++) {
                if (b.topIds[i] != null) {
                    all.add(new Candidate(b.topIds[i], b.topReach[i], b.topTerms[i]));
                }
            }
        }
        all.sort((x, y) -> x.reach != y.reach ? Long.compare(y.reach, x.reach) : x.id.compareTo(y.id));
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (Candidate c : all) {
            if (terms) {
                if (c.terms != null) {
                    out.addAll(c.terms);
                }
            } else {
                out.add(c.id);
            }
            if (out.size() >= 5) {
                break;
            }
        }
        return List.copyOf(out);
    }
}
