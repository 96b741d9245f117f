package io.firebreak.alert;

import java.time.Instant;
import java.util.List;

/**
 * One crisis alert: the Alert v1 contract ({@code shared/schema/alert-v1.schema.json}). The same
 * record is a backtest output line and the state behind a Slack message.
 */
public record Alert(
        String alertId,
        String rule,
        String brand,
        String category,
        Severity severity,
        Status status,
        Instant firedAt,
        Instant updatedAt,
        Instant resolvedAt,
        Evidence evidence,
        Statement statement) {

    public enum Severity { SEV1, SEV2, SEV3 }

    public enum Status { firing, escalated, resolved }

    /** Why it fired. */
    public record Evidence(
            String window,
            long count,
            long negativeCount,
            double baseline,
            double ratio,
            double negativeShare,
            long reach,
            List<String> topMentions,
            List<String> topTerms) {
        public Evidence {
            topMentions = topMentions == null ? List.of() : List.copyOf(topMentions);
            topTerms = topTerms == null ? List.of() : List.copyOf(topTerms);
        }
    }

    /** The recommended public holding statement. */
    public record Statement(String template, String text) {}
}
