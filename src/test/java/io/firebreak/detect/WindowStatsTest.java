package io.firebreak.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.enrich.EnrichedMention;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Minute buckets and their sums: window edges, ring reuse, what counts as reach and evidence. */
class WindowStatsTest {

    /** The shipped decisions.category.clear-share. */
    static final double CLEAR = Decisions.DEFAULTS.category().clearShare();

    static final long T0 = Instant.parse("2026-03-02T10:00:00Z").getEpochSecond() / 60;

    static void add(BrandWindows w, long minute, boolean negative, long followers, String id) {
        add(w, minute, negative, followers, id, negative ? "outage" : "other", "x");
    }

    static void add(BrandWindows w, long minute, boolean negative, long followers, String id, String category, String text) {
        EnrichedMention m = Scenarios.mention("acme", id, Instant.ofEpochSecond(minute * 60 + 30), negative,
                category, followers, text);
        w.add(minute, m.mention(), negative, Category.of(m.enrichment().category()), null, List.of());
    }

    @Test
    void aMinuteIsInsideTheWindowEndingWithIt_untilTheSpanHasPassed() {
        var w = new BrandWindows(80);
        add(w, T0, true, 10, "a");

        assertThat(w.sum(T0, 15, CLEAR).count()).isEqualTo(1);
        assertThat(w.sum(T0 + 14, 15, CLEAR).count()).isEqualTo(1);   // last minute it belongs to
        assertThat(w.sum(T0 + 15, 15, CLEAR).count()).isZero();       // first minute it has left
        assertThat(w.sum(T0 - 1, 15, CLEAR).count()).isZero();        // not yet
    }

    @Test
    void countsNegativeShareReachAndTheMostFollowedAsEvidence() {
        var w = new BrandWindows(80);
        add(w, T0, true, 100, "small");
        add(w, T0 + 1, true, 90_000, "big");
        add(w, T0 + 2, false, 1_000_000, "positive");

        var c = w.sum(T0 + 4, 5, CLEAR);
        assertThat(c.count()).isEqualTo(3);
        assertThat(c.negative()).isEqualTo(2);
        assertThat(c.reach()).isEqualTo(90_100);            // only negative authors count
        assertThat(c.negativeCategory()).isEqualTo("outage");
        assertThat(c.topMentions()).containsExactly("generated:big", "generated:small");
    }

    @Test
    void aCategoryWithoutAClearShare_isOther() {
        var w = new BrandWindows(80);
        String[] mixed = {"outage", "safety", "legal", "pricing", "conduct", "outage"};
        for (int i = 0; i < mixed.length; i++) {
            add(w, T0, true, 1, "m" + i, mixed[i], "x");
        }
        assertThat(w.sum(T0, 5, CLEAR).negativeCategory()).isEqualTo("other");   // outage 2 of 6 < 40%
        add(w, T0, true, 1, "m6", "outage", "x");
        assertThat(w.sum(T0, 5, CLEAR).negativeCategory()).isEqualTo("outage");  // 3 of 7
        assertThat(w.sum(T0, 5, 0.5).negativeCategory()).isEqualTo("other");   // a stricter clear-share: 3 of 7 < 50%
        assertThat(w.sum(T0, 5, 3.0 / 7).negativeCategory()).isEqualTo("outage"); // at the share exactly, it is clear
    }

    @Test
    void retweetsCountAsNegativeReshares_notAsMoreVoices() {
        var w = new BrandWindows(80);
        add(w, T0, true, 1, "orig", "outage", "acme lost my bag");
        add(w, T0, true, 1, "rt1", "outage", "RT @someone: acme lost my bag");
        add(w, T0, true, 1, "rt2", "outage", "RT @someone: acme lost my bag");

        var c = w.sum(T0, 5, CLEAR);
        assertThat(c.negative()).isEqualTo(3);
        assertThat(c.negativeReshares()).isEqualTo(2);
    }

    @Test
    void aRecycledSlotForgetsTheMinuteItHeldBefore() {
        var w = new BrandWindows(80);
        add(w, T0, true, 1, "old");
        add(w, T0 + 80, true, 1, "new"); // same slot, 80 minutes later

        assertThat(w.sum(T0 + 80, 60, CLEAR).count()).isEqualTo(1);
        assertThat(w.sum(T0, 1, CLEAR).count()).isZero();
    }

    @Test
    void aMentionBehindItsBrandsFinalMinutes_stillCountsInTheWindowsToCome_onlyOneOlderThanTheLongestIsLate() {
        var engine = ShippedRules.run(); // allowed lateness 2 minutes
        engine.accept(Scenarios.mention("acme", "1", Instant.parse("2026-03-02T10:00:30Z"), false, "other", 1, "x"));
        engine.accept(Scenarios.mention("acme", "2", Instant.parse("2026-03-02T10:05:00Z"), false, "other", 1, "x"));
        // 10:05 makes minutes up to 10:02 final: 10:02:59 is behind, yet the 15- and 60-minute windows still cover it
        engine.accept(Scenarios.mention("acme", "behind", Instant.parse("2026-03-02T10:02:59Z"), false, "other", 1, "x"));
        engine.accept(Scenarios.mention("acme", "ok", Instant.parse("2026-03-02T10:03:01Z"), false, "other", 1, "x"));
        // an hour behind: no window still to come covers its minute
        engine.accept(Scenarios.mention("acme", "late", Instant.parse("2026-03-02T09:03:00Z"), false, "other", 1, "x"));
        engine.finish();

        assertThat(engine.sources().statuses()).singleElement().satisfies(s -> {
            assertThat(s.behind()).isEqualTo(1);
            assertThat(s.late()).isEqualTo(1);
            assertThat(s.mentions()).isEqualTo(5);
        });
        assertThat(engine.partitions().counters().detection().counted()).isEqualTo(4);
        assertThat(engine.window("acme", Span.FIFTEEN_MINUTES).count()).isEqualTo(4);
    }
}
