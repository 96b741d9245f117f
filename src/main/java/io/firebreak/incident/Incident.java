package io.firebreak.incident;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.firebreak.detect.Severity;
import io.firebreak.notify.SeriesPoint;
import io.firebreak.notify.TopPost;
import java.time.Instant;
import java.util.List;

/**
 * One incident: an alert that needs a response, with its playbook's steps, what was said publicly and the
 * figures it peaked at. Its id comes from the alert's, so the same alert always makes the same incident.
 * Only {@link Incidents} makes new states of it; the timeline is kept beside it ({@link TimelineEntry}).
 *
 * @param openedBy     who promoted it by hand; null when its severity opened it
 * @param alertVersion the newest alert version recorded: an older or equal one is a re-delivery
 * @param nextSeq      the order number the next timeline entry gets
 * @param topPosts     the most-shared posts as last looked up (hostile text: escape where shown)
 * @param series       mentions vs baseline as last looked up, for the report's chart
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Incident(String id, String alertId, String brand, String category, String rule, String playbook,
                       Status status, String openedBy, String reason, Instant openedAt, Instant detectedAt,
                       Severity severity, List<SeverityChange> severityPath, String acknowledgedBy, Instant acknowledgedAt,
                       String firstStatementBy, Instant firstStatementAt, String resolvedBy, Instant resolvedAt,
                       long alertVersion, long nextSeq, Peak peak, List<StepState> steps, List<StatementVersion> statements,
                       List<TopPost> topPosts, List<SeriesPoint> series) {

    public Incident {
        severityPath = severityPath == null ? List.of() : List.copyOf(severityPath);
        steps = steps == null ? List.of() : List.copyOf(steps);
        statements = statements == null ? List.of() : List.copyOf(statements);
        topPosts = topPosts == null ? List.of() : List.copyOf(topPosts);
        series = series == null ? List.of() : List.copyOf(series);
    }

    /** open while the alert is; resolved once it ended (recovery steps may still run); closed when every step is settled. */
    public enum Status { open, resolved, closed }

    /**
     * The severity the incident moved to, when, and the alert version that moved it.
     *
     * @param rule the rule that version named (an alert's rule can change as a stronger one takes it over); null in
     *             incidents recorded before it was kept
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SeverityChange(Severity severity, Instant at, long alertVersion, String rule) {}

    /**
     * A version of the public holding statement: the recommended one when the incident opened, then each
     * approved or edited one, with who and when.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record StatementVersion(int number, Instant at, String by, Kind kind, String text, String template) {
        public enum Kind { recommended, approved, edited }
    }

    /**
     * The highest figures the alert's evidence reached. {@code count} to {@code at} are the update with the most
     * mentions (its window, negative count, ratio and baseline); the highest negative share and reach may come
     * from other updates, each kept with its own window and time.
     *
     * @param negativeShare the highest negative share of any update
     * @param reach         the highest reach of any update
     * @param highestShare  the update the highest negative share was read in; null in incidents recorded before it was kept
     * @param highestReach  the update the highest reach was read in; null likewise
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Peak(long count, String window, long negativeCount, double negativeShare, long reach, double ratio,
                       double baseline, Instant at, Reading highestShare, Reading highestReach) {}

    /** One detection update's window as the rule read it: its end, span, mentions, negative ones and reach. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Reading(Instant at, String window, long count, long negativeCount, double negativeShare, long reach) {}

    /** The incident id an alert's incident has: readable, stable, safe in a URL and a file name. */
    public static String idFor(String alertId) {
        return "INC-" + alertId.replaceAll("[^A-Za-z0-9]+", "-");
    }

    public StepState step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst().orElse(null);
    }

    Incident withSteps(List<StepState> newSteps) {
        return new Incident(id, alertId, brand, category, rule, playbook, status, openedBy, reason, openedAt, detectedAt,
                severity, severityPath, acknowledgedBy, acknowledgedAt, firstStatementBy, firstStatementAt, resolvedBy,
                resolvedAt, alertVersion, nextSeq, peak, newSteps, statements, topPosts, series);
    }

    Incident withStatus(Status newStatus) {
        return new Incident(id, alertId, brand, category, rule, playbook, newStatus, openedBy, reason, openedAt, detectedAt,
                severity, severityPath, acknowledgedBy, acknowledgedAt, firstStatementBy, firstStatementAt, resolvedBy,
                resolvedAt, alertVersion, nextSeq, peak, steps, statements, topPosts, series);
    }

    Incident withSeq(long newNextSeq) {
        return new Incident(id, alertId, brand, category, rule, playbook, status, openedBy, reason, openedAt, detectedAt,
                severity, severityPath, acknowledgedBy, acknowledgedAt, firstStatementBy, firstStatementAt, resolvedBy,
                resolvedAt, alertVersion, newNextSeq, peak, steps, statements, topPosts, series);
    }
}
