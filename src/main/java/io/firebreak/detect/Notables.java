package io.firebreak.detect;

import io.firebreak.enrich.EnrichedMention;
import io.firebreak.mention.Mention;
import java.util.ArrayList;
import java.util.List;

/**
 * One brand's notable mentions waiting for their minute to be evaluated: negative mentions from a big
 * author, shared fast, or naming a crisis keyword. At most {@code perMinute} per minute reach the rules
 * (first come), so a flood cannot fill rule memory.
 */
final class Notables {

    private final String brand;
    private final List<NotableMention> pending = new ArrayList<>();
    private long minute = Long.MIN_VALUE;
    private int inMinute;

    Notables(String brand) {
        this.brand = brand;
    }

    /** Whether this negative mention matters to the rules on its own ({@code decisions.notable}). */
    boolean notable(Mention m, Category keyword, Decisions.Notable which) {
        return keyword != null && which.keywords()
                || m.author().followers() >= which.followers()
                || m.engagement().shares() >= which.shares();
    }

    /** Keeps a notable mention for the evaluation of its minute; false when the minute's cap is reached. */
    boolean add(long mentionMinute, EnrichedMention em, Category category, Category keyword, Decisions.Notable which) {
        if (mentionMinute != minute) {
            minute = mentionMinute;
            inMinute = 0;
        }
        if (inMinute >= which.perMinute()) {
            return false;
        }
        inMinute++;
        Mention m = em.mention();
        pending.add(new NotableMention(m.key(), brand, m.createdAt().toEpochMilli(), category.id(),
                m.author().followers(), m.engagement().shares(), 0,
                keyword == null ? null : keyword.id(), em.enrichment().categoryTerms()));
        return true;
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /** The pending mentions posted before {@code endMs}, as the rules see them then: removed when {@code take}. */
    List<NotableMention> before(long endMs, boolean take) {
        List<NotableMention> out = new ArrayList<>();
        pending.removeIf(n -> {
            if (n.at() >= endMs) {
                return false;
            }
            // shares per minute since it was posted, as seen at the end of the minute evaluated
            double ageMinutes = Math.max(1.0, (endMs - n.at()) / (double) BrandClock.MINUTE_MS);
            out.add(new NotableMention(n.key(), n.brand(), n.at(), n.category(), n.followers(), n.shares(),
                    n.shares() / ageMinutes, n.keywordCategory(), n.terms()));
            return take;
        });
        return out;
    }
}
