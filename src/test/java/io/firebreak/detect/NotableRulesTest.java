package io.firebreak.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.alert.Alert;
import io.firebreak.enrich.EnrichedMention;
import io.firebreak.enrich.Enrichment;
import io.firebreak.mention.Mention;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules on single notable mentions, at their thresholds from config/thresholds.yaml. */
class NotableRulesTest {

    static final Instant POSTED = Instant.parse("2026-03-02T10:00:30Z");

    static List<Alert> post(long followers, long shares, boolean negative) {
        var engine = ShippedRules.run();
        Mention m = new Mention("p1", "generated", POSTED, "never flying with acme again", "acme", "en", null,
                new Mention.Author(null, null, followers, false), new Mention.Engagement(shares, 0, 0), null);
        var em = new EnrichedMention(m, new Enrichment("en", true, negative ? -0.7 : 0.7,
                negative ? "negative" : "positive", List.of("acme"), "customer-service", List.of()));
        var out = new ArrayList<>(engine.accept(em, POSTED));
        out.addAll(engine.advanceTo(POSTED.plus(Duration.ofMinutes(5))));
        return out;
    }

    @Test
    void influencerComplaint_oneFollowerShortIsQuiet_atTheThresholdFires() {
        long min = ShippedRules.thresholds("influencer-complaint").minFollowers();
        assertThat(post(min - 1, 0, true)).isEmpty();
        assertThat(post(min, 0, true)).singleElement().extracting(Alert::rule).isEqualTo("influencer-complaint");
    }

    @Test
    void viralPost_oneShareShortIsQuiet_atTheThresholdFires() {
        long min = ShippedRules.thresholds("viral-post").minCount();
        assertThat(post(10, min - 1, true)).isEmpty();
        assertThat(post(10, min, true)).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo("viral-post");
            assertThat(a.evidence().topMentions()).containsExactly("generated:p1");
        });
    }

    @Test
    void aPositivePostFromAStar_isNoCrisis() {
        assertThat(post(5_000_000, 100_000, false)).isEmpty();
    }
}
