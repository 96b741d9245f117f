package io.firebreak.alert;

import io.firebreak.alert.Alert.Change;
import io.firebreak.alert.Alert.Status;
import io.firebreak.detect.CrisisSignal;
import io.firebreak.detect.Evaluation;
import io.firebreak.detect.Evidence;
import io.firebreak.detect.Severity;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The only place one brand's alerts change. Final minutes and early looks at the open minute both come
 * in as {@link Evaluation}s; what leaves is a new version of an alert, numbered, with
 * {@code updated_at} never going back. Signals of one brand and category are one alert, whose id is
 * made of brand, category and first event time only, so a replay of the same mentions gives the same
 * ids. The rules of its life:
 * <ul>
 *   <li>an early look may open an alert (an early warning) or raise its severity at once; only complete
 *       minutes confirm, refresh, de-escalate or end it;</li>
 *   <li>severity never goes down while the wave is at that tier: it is de-escalated, as a version of its
 *       own, only once the wave has kept going below it for the hold-down;</li>
 *   <li>an early warning no complete minute confirms within {@code confirm-within} is withdrawn;</li>
 *   <li>an alert resolves once its brand has been calm with no signal for the quiet time;</li>
 *   <li>a signal of category "other" (nothing specific known) joins the brand's most severe open alert:
 *       it is the same wave seen without a category, not a second crisis ({@code decisions.merge-other}
 *       in thresholds.yaml, carried by each evaluation).</li>
 * </ul>
 * Not thread-safe: the brand's partition serialises calls.
 */
public final class AlertBook {

    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
    private static final String OTHER = "other";
    /** Strongest first, so one evaluation opens at its highest severity instead of opening, then escalating. */
    private static final Comparator<CrisisSignal> STRONGEST = Comparator.comparing(CrisisSignal::severity)
            .thenComparing(CrisisSignal::category).thenComparing(CrisisSignal::rule);

    private final String brand;
    private final Lifecycle lifecycle;
    // by category, sorted: anything iterating open alerts does it in the same order live and in a replay
    private final Map<String, Tracked> open = new TreeMap<>();
    private Instant finalUpTo;
    // decisions.merge-other in thresholds.yaml, as the evaluation being applied carries it
    private boolean mergeOther = true;

    public AlertBook(String brand, Lifecycle lifecycle) {
        this.brand = brand;
        this.lifecycle = lifecycle;
    }

    /** The id of the alert a brand's category opened at {@code firedAt}. */
    public static String alertId(String brand, String category, Instant firedAt) {
        return brand + "/" + category + "/" + ID_TIME.format(firedAt);
    }

    /**
     * What one evaluation did.
     *
     * @param changed  every alert whose state changed (what the journal keeps), new versions included
     * @param versions the new alert versions, in order: what the notifiers are told
     */
    public record Outcome(List<Tracked> changed, List<Alert> versions) {
        public static final Outcome NONE = new Outcome(List.of(), List.of());

        public boolean isEmpty() {
            return changed.isEmpty();
        }
    }

    /**
     * Takes one evaluation. A final minute at or before one already applied is ignored (a restart
     * replaying minutes it had decided), and so is an early look at a minute that is already final.
     */
    public Outcome apply(Evaluation e) {
        if (finalUpTo != null && !e.at().isAfter(finalUpTo)) {
            return Outcome.NONE;
        }
        if (e.signals().isEmpty() && open.isEmpty()) {
            if (!e.provisional()) {
                finalUpTo = e.at();
            }
            return Outcome.NONE;
        }
        Map<String, Tracked> changed = new LinkedHashMap<>();
        mergeOther = e.mergeOther();
        if (e.provisional()) {
            early(e, changed);
        } else {
            complete(e, changed);
            finalUpTo = e.at();
        }
        List<Alert> versions = new ArrayList<>();
        changed.forEach((category, t) -> {
            Tracked before = open.get(category);
            if (before == null || before.alert().version() != t.alert().version()) {
                versions.add(t.alert());
            }
            if (t.alert().open()) {
                open.put(category, t);
            } else {
                open.remove(category);
            }
        });
        return new Outcome(List.copyOf(changed.values()), versions);
    }

    /** What a person did to an alert: a button in Slack, or another client of the API. */
    public record Action(String alertId, Kind kind, String user, Instant at, Severity severity, String text,
                         java.time.Duration snooze) {
        /** {@code open_channel}: an incident channel was opened for the alert; its Slack channel id is the text. */
        public enum Kind { acknowledge, escalate, snooze, resolve, approve_statement, edit_statement, open_channel }

        /** An action without severity, text or duration. */
        public static Action of(String alertId, Kind kind, String user, Instant at) {
            return new Action(alertId, kind, user, at, null, null, null);
        }

        /** The brand an alert id belongs to: ids are {@code brand/category/first-minute}. */
        public String brand() {
            int slash = alertId.indexOf('/');
            return slash < 0 ? alertId : alertId.substring(0, slash);
        }
    }

    /** What an action did: the outcome, or why nothing was done (the alert is over, say). */
    public record Acted(Outcome outcome, String refusal) {}

    /**
     * Takes what a person did. Each action is a version of its own, recorded with who and when: acknowledge,
     * escalate by hand (the severity becomes a floor no de-escalation goes below), snooze (updates held back
     * until it ends, unless the wave grows a tier), resolve with a reason, approve or edit the statement, and
     * the opening of its incident channel.
     */
    public Acted act(Action a) {
        Tracked t = open.values().stream().filter(x -> x.alert().alertId().equals(a.alertId())).findFirst().orElse(null);
        if (t == null) {
            return new Acted(Outcome.NONE, "alert " + a.alertId() + " is not open (resolved, withdrawn or unknown)");
        }
        Alert was = t.alert();
        Alert.Handling h = was.handled();
        Alert.Change change;
        Alert next;
        Tracked after = t;
        switch (a.kind()) {
            case acknowledge -> {
                if (h.acknowledgedBy() != null) {
                    return new Acted(Outcome.NONE, "already acknowledged by " + h.acknowledgedBy());
                }
                next = was.withHandling(h.acknowledged(a.user(), a.at())).next(Alert.Change.acknowledged, was.rule(),
                        was.severity(), was.status(), a.at(), was.evidence(), was.provisional(), null);
            }
            case escalate -> {
                Severity to = a.severity() != null ? a.severity() : was.severity() == Severity.SEV3 ? Severity.SEV2 : Severity.SEV1;
                if (!to.above(was.severity())) {
                    return new Acted(Outcome.NONE, "already " + was.severity());
                }
                next = was.withHandling(h.snoozed(null, null).escalatedBy(a.user(), a.at())).next(Alert.Change.escalated, was.rule(), to,
                        Alert.Status.escalated, a.at(), was.evidence(), false, "Escalated to " + to + " by " + a.user());
                after = t.floor(to).below(null, null);
            }
            case snooze -> {
                java.time.Instant until = a.at().plus(a.snooze());
                next = was.withHandling(h.snoozed(a.user(), until)).next(Alert.Change.snoozed, was.rule(), was.severity(),
                        was.status(), a.at(), was.evidence(), was.provisional(), "Snoozed for " + minutes(a.snooze())
                                + " by " + a.user() + ": updates held back unless the wave grows a tier");
            }
            case resolve -> next = was.withHandling(h.resolvedBy(a.user(), a.text())).next(Alert.Change.resolved, was.rule(),
                    was.severity(), Alert.Status.resolved, a.at(), was.evidence(), false,
                    "Resolved by " + a.user() + (a.text() == null || a.text().isBlank() ? "" : ": " + a.text()));
            case approve_statement, edit_statement -> {
                boolean edited = a.kind() == Action.Kind.edit_statement;
                next = was.withHandling(h.statementBy(a.user(), a.at(), a.text(), edited)).next(Alert.Change.statement,
                        was.rule(), was.severity(), was.status(), a.at(), was.evidence(), was.provisional(),
                        (edited ? "Statement edited by " : "Statement approved by ") + a.user());
            }
            case open_channel -> {
                if (h.channel() != null) {
                    return new Acted(Outcome.NONE, "its incident channel is already open");
                }
                next = was.withHandling(h.channelOpened(a.text(), a.user(), a.at())).next(Alert.Change.channel, was.rule(),
                        was.severity(), was.status(), a.at(), was.evidence(), was.provisional(),
                        "Incident channel opened by " + a.user());
            }
            default -> throw new IllegalArgumentException(a.kind().name());
        }
        after = after.withAlert(next);
        String category = was.category();
        if (next.open()) {
            open.put(category, after);
        } else {
            open.remove(category);
        }
        return new Acted(new Outcome(List.of(after), List.of(next)), null);
    }

    public boolean hasOpen() {
        return !open.isEmpty();
    }

    public Collection<Tracked> open() {
        return List.copyOf(open.values());
    }

    /** The last final minute applied: what a restart must not decide again. */
    public Instant finalUpTo() {
        return finalUpTo;
    }

    /** Starts from what the journal kept: open alerts, and the last final minute decided. */
    public void restore(Instant decidedUpTo, Collection<Tracked> alerts) {
        finalUpTo = decidedUpTo;
        alerts.forEach(t -> open.put(t.alert().category(), t));
    }

    /** An early look at the open minute: may open an early warning or raise a severity, never more. */
    private void early(Evaluation e, Map<String, Tracked> changed) {
        for (CrisisSignal s : strongestFirst(e.signals())) {
            Tracked target = target(s, changed);
            if (target == null) {
                String id = alertId(brand, s.category(), e.at());
                Alert opened = Alert.opened(id, s.rule(), brand, s.category(), s.severity(), e.at(), s.evidence(), true,
                        "Early warning: the minute still open already crosses the threshold");
                changed.put(s.category(), new Tracked(opened, e.at(), false, null, null, null, null, null));
            } else if (s.severity().above(target.alert().severity()) && !changed.containsKey(target.alert().category())) {
                Alert a = target.alert();
                Alert raised = a.withHandling(unsnoozed(a)).next(Change.escalated, s.rule(), s.severity(), Status.escalated,
                        e.at(), s.evidence(), true, "Early look: the minute still open already reaches " + s.severity());
                changed.put(a.category(), target.withAlert(raised).below(null, null));
            }
        }
    }

    /** A final minute: opens, confirms, escalates, refreshes, de-escalates, withdraws and resolves. */
    private void complete(Evaluation e, Map<String, Tracked> changed) {
        Map<String, CrisisSignal> best = new LinkedHashMap<>();
        for (CrisisSignal s : strongestFirst(e.signals())) {
            Tracked target = target(s, changed);
            if (target == null) {
                Alert opened = Alert.opened(alertId(brand, s.category(), e.at()), s.rule(), brand, s.category(),
                        s.severity(), e.at(), s.evidence(), false, null);
                changed.put(s.category(), new Tracked(opened, e.at(), true, null, null, s.evidence(), s.rule(), null));
            } else if (!changed.containsKey(target.alert().category())) {
                best.putIfAbsent(target.alert().category(), s);
            }
        }
        for (Tracked t : open.values()) {
            String category = t.alert().category();
            if (!changed.containsKey(category)) {
                Tracked next = lived(t, best.get(category), e);
                if (!next.equals(t)) {
                    changed.put(category, next);
                }
            }
        }
    }

    /** One open alert through a final minute, given its strongest signal in it (or null). */
    private Tracked lived(Tracked t, CrisisSignal s, Evaluation e) {
        Alert a = t.alert();
        Instant at = e.at();
        if (s == null) {
            Tracked next = e.calm() ? t : t.active(at);
            if (!t.confirmed() && !at.isBefore(a.firedAt().plus(lifecycle.confirmWithin()))) {
                return next.withAlert(a.next(Change.withdrawn, a.rule(), a.severity(), Status.resolved, at, a.evidence(),
                        false, "Withdrawn: the complete minutes did not confirm the early warning"));
            }
            if (t.confirmed() && e.calm() && !at.isBefore(t.lastActive().plus(lifecycle.quietTime()))) {
                // the calm hour's figures, not those of the last update (an hour or more old by now)
                Evidence calm = e.lastHour(a.rule(), a.severity());
                return next.withAlert(a.next(Change.resolved, a.rule(), a.severity(), Status.resolved, at,
                        calm != null ? calm : a.evidence(), false, "Calm for " + minutes(lifecycle.quietTime())));
            }
            return next;
        }
        Tracked next = t.active(at).confirmedBy(s.rule(), s.evidence());
        Severity told = a.severity();
        if (s.severity().above(told)) {
            return next.below(null, null).withAlert(a.withHandling(unsnoozed(a)).next(Change.escalated, s.rule(),
                    s.severity(), Status.escalated, at, s.evidence(), false, null));
        }
        if (s.severity() == told) {
            next = next.below(null, null);
            if (a.provisional() || !t.confirmed()) {
                return next.withAlert(a.next(Change.confirmed, s.rule(), told, a.status(), at, s.evidence(), false,
                        "The complete minute confirms " + told));
            }
        } else {
            // the wave goes on below the alert's tier: after the hold-down, say so
            Instant since = t.belowSince() != null ? t.belowSince() : at;
            Severity peak = t.peakBelow() == null ? s.severity() : Severity.worst(t.peakBelow(), s.severity());
            next = next.below(since, peak);
            // a severity a person set is a floor the wave's ebb does not go below
            Severity target = t.floor() != null && t.floor().above(peak) ? t.floor() : peak;
            if (target.above(told) || target == told) {
                next = next.below(null, null);
            } else if (!at.isBefore(since.plus(lifecycle.holdDown()))) {
                return next.below(null, null).withAlert(a.next(Change.deescalated, s.rule(), target, a.status(), at,
                        s.evidence(), false, "Below " + told + " for " + minutes(lifecycle.holdDown())));
            }
            if (!t.confirmed()) {
                return next.withAlert(a.next(Change.confirmed, s.rule(), told, a.status(), at, a.evidence(), a.provisional(),
                        "The complete minute confirms the wave, at " + s.severity() + " so far"));
            }
        }
        Change refresh = refresh(a.evidence(), s.evidence(), a.updatedAt(), at);
        if (refresh != null) {
            return next.withAlert(a.next(refresh, a.rule(), told, a.status(), at, s.evidence(), a.provisional(), null));
        }
        return next;
    }

    /**
     * Whether the numbers are worth a new version: {@code grown} when the count over the same window grew
     * by the growth step, {@code refreshed} when they changed and the refresh interval passed since the
     * version last told; null when neither.
     */
    private Change refresh(Evidence told, Evidence now, Instant toldAt, Instant at) {
        if (now == null || now.equals(told)) {
            return null;
        }
        if (told == null || told.window().equals(now.window()) && now.count() > told.count()
                && now.count() >= told.count() * lifecycle.growthStep()) {
            return Change.grown;
        }
        return at.isBefore(toldAt.plus(lifecycle.updateEvery())) ? null : Change.refreshed;
    }

    /** The open alert a signal belongs to (one opened in this same evaluation included), or null. */
    private Tracked target(CrisisSignal s, Map<String, Tracked> changed) {
        Tracked same = changed.containsKey(s.category()) ? changed.get(s.category()) : open.get(s.category());
        if (same != null && same.alert().open()) {
            return same;
        }
        if (!mergeOther || !OTHER.equals(s.category())) {
            return null;
        }
        // "other" joins the brand's most severe open alert, the oldest among equals
        List<Tracked> all = new ArrayList<>(open.values());
        changed.values().stream().filter(t -> !open.containsKey(t.alert().category())).forEach(all::add);
        return all.stream().filter(t -> t.alert().open())
                .min(Comparator.comparing((Tracked t) -> t.alert().severity()).thenComparing(t -> t.alert().firedAt()))
                .orElse(null);
    }

    /** What people did, with a snooze ended: the wave grew a tier, so nobody should miss it. */
    private static Alert.Handling unsnoozed(Alert a) {
        return a.handling() == null || a.handling().snoozedUntil() == null ? a.handling() : a.handling().snoozed(null, null);
    }

    private static List<CrisisSignal> strongestFirst(List<CrisisSignal> signals) {
        List<CrisisSignal> sorted = new ArrayList<>(signals);
        sorted.sort(STRONGEST);
        return sorted;
    }

    private static String minutes(java.time.Duration d) {
        long m = d.toMinutes();
        return m % 60 == 0 && m >= 120 ? String.format(Locale.ROOT, "%d h", m / 60) : m + " min";
    }
}
