package io.firebreak.detect;

import java.util.Arrays;
import java.util.List;

/** Counts for one brand and one event-time minute; reused in place by the ring so the hot path allocates nothing. */
final class MinuteBucket {

    static final int TOP = 3;

    long minute = Long.MIN_VALUE;
    int count;
    int negative;
    int reshares;
    int negativeReshares;
    int keyword;
    long reach;
    final int[] negativeByCategory = new int[Category.COUNT];
    final int[] keywordByCategory = new int[Category.COUNT];
    // the most-followed negative authors of the minute: the evidence a comms team reads first
    final String[] topIds = new String[TOP];
    final long[] topReach = new long[TOP];
    @SuppressWarnings("unchecked")
    final List<String>[] topTerms = new List[TOP];

    void reset(long newMinute) {
        minute = newMinute;
        count = 0;
        negative = 0;
        reshares = 0;
        negativeReshares = 0;
        keyword = 0;
        reach = 0;
        Arrays.fill(negativeByCategory, 0);
        Arrays.fill(keywordByCategory, 0);
        Arrays.fill(topIds, null);
        Arrays.fill(topReach, -1);
        Arrays.fill(topTerms, null);
    }

    void addTop(io.firebreak.mention.Mention mention, long followers, List<String> terms) {
        int min = 0;
        for (int i = 1; i < TOP; i++) {
            if (topReach[i] < topReach[min]) {
                min = i;
            }
        }
        if (followers > topReach[min]) {
            topIds[min] = mention.key();
            topReach[min] = followers;
            topTerms[min] = terms;
        }
    }
}
