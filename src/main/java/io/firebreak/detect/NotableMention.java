package io.firebreak.detect;

import java.util.List;

/**
 * A negative mention worth the rules' attention on its own (big author, fast sharing, crisis keyword):
 * an event with its own timestamp, expiring as declared in {@code rules/declarations.drl}.
 *
 * @param at               event time, epoch milliseconds (the Drools {@code @timestamp})
 * @param keywordCategory  category of the crisis keyword it names, or null
 * @param shareVelocity    shares per minute since it was posted, as seen when it reached the rules
 */
public record NotableMention(
        String key,
        String brand,
        long at,
        String category,
        long followers,
        long shares,
        double shareVelocity,
        String keywordCategory,
        List<String> terms) {

    public boolean keyword() {
        return keywordCategory != null;
    }
}
