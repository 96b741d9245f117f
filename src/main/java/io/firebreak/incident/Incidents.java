package io.firebreak.incident;

import io.firebreak.alert.Alert;
import io.firebreak.detect.Evidence;
import io.firebreak.detect.Severity;
import io.firebreak.notify.AlertView;
import io.firebreak.notify.EvidenceLookup;
import io.firebreak.notify.SeriesPoint;
import io.firebreak.notify.TopPost;
import io.firebreak.statement.HoldingStatements;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only place incidents change. Alert versions come in ({@link #record}, in the order decided, each
 * once or again after a restart: a version not newer than the incident's is a re-delivery and changes
 * nothing), and so do a promotion by hand, a step done and the passing of time ({@link #remind} on the
 * injected clock). Each change is saved (state and new timeline entries, idempotent ids) before it
 * counts: when the save fails, the incident stays as it was and the caller tries again.
 *
 * <p>An alert reaching a severity of {@code open-at} opens one incident; the versions the alert had
 * before are put on its timeline too. The playbook of the alert's category gives the steps; each gets
 * its deadline when its anchor happens (detection, the severity it is for, acknowledgement,
 * resolution); overdue ones are reminded, naming the owner role. Approving or editing the statement
 * completes the steps marked {@code done-when: statement}.
 *
 * <p>Thread-safe: every change is serialised here.
 */
public final class Incidents {

    private static final Logger LOG = LoggerFactory.getLogger(Incidents.class);
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final IncidentSettings settings;
    private final Playbooks playbooks;
    private final IncidentStore store;
    private final IncidentNotices notices;
    private final RoleMentions roles;
    private final HoldingStatements statements;
    private final EvidenceLookup evidence;
    private final Clock clock;
    /** Incidents not closed, by incident id. */
    private final Map<String, Incident> active = new LinkedHashMap<>();
    /** Incidents known to be closed: a late re-delivery for them is not looked up again. */
    private final Set<String> closed = new HashSet<>();
    /** The versions of each open alert seen so far: an incident opened later puts them on its timeline. */
    private final Map<String, List<Alert>> seen = new LinkedHashMap<>();
    private final Object sending = new Object();

    /**
     * @param statements fills the recommended statement an approval without edit refers to (null: none)
     * @param evidence   the top posts and the mentions-vs-baseline series of a detection update (null: none)
     */
    public Incidents(IncidentSettings settings, Playbooks playbooks, IncidentStore store, IncidentNotices notices,
                     RoleMentions roles, HoldingStatements statements, EvidenceLookup evidence, Clock clock) {
        this.settings = settings;
        this.playbooks = playbooks;
        this.store = store;
        this.notices = notices;
        this.roles = roles;
        this.statements = statements;
        this.evidence = evidence;
        this.clock = clock;
    }

    /** What a promotion or a step done did: the incident as it is now, or why nothing was done. */
    public record Result(Incident incident, String refusal) {
        public boolean ok() {
            return refusal == null;
        }
    }

    /** Picks up the incidents a previous run left open. */
    public synchronized Incidents restore() {
        for (Incident i : store.active()) {
            active.put(i.id(), i);
        }
        LOG.info("incidents: {} active restored", active.size());
        return this;
    }

    /** Alerts open at start (from the alert journal): a promotion by hand of one needs its latest version. */
    public synchronized void know(Collection<Alert> openAlerts) {
        for (Alert a : openAlerts) {
            seen.computeIfAbsent(a.alertId(), k -> new ArrayList<>()).add(a);
        }
    }

    public synchronized List<Incident> active() {
        return List.copyOf(active.values());
    }

    public Optional<Incident> find(String incidentId) {
        synchronized (this) {
            Incident i = active.get(incidentId);
            if (i != null) {
                return Optional.of(i);
            }
        }
        return store.find(incidentId);
    }

    /** One alert version, in the order decided. */
    public synchronized void record(Alert v) {
        String id = Incident.idFor(v.alertId());
        Incident incident = lookUp(id);
        if (incident == null) {
            List<Alert> history = seen.computeIfAbsent(v.alertId(), k -> new ArrayList<>());
            if (history.stream().noneMatch(a -> a.version() >= v.version())) {
                history.add(v);
            }
            if (v.open() && settings.opens(v.severity())) {
                open(history, null, "reached " + v.severity(), v.updatedAt());
            }
            if (!v.open()) {
                seen.remove(v.alertId());
            }
            return;
        }
        seen.remove(v.alertId());
        if (v.version() <= incident.alertVersion()) {
            return; // a re-delivery: this version is on the timeline already
        }
        Draft d = new Draft(incident);
        d.apply(v);
        commit(d);
    }

    /** Makes an alert an incident by hand, whatever its severity. */
    public synchronized Result promote(String alertId, String user, Instant at, String reason) {
        String id = Incident.idFor(alertId);
        Incident existing = lookUp(id);
        if (existing != null) {
            return new Result(existing, "alert " + alertId + " is already incident " + id);
        }
        List<Alert> history = seen.get(alertId);
        if (history == null || history.isEmpty()) {
            return new Result(null, "alert " + alertId + " is not open (resolved, withdrawn or unknown)");
        }
        String why = reason == null || reason.isBlank() ? "promoted by " + user : "promoted by " + user + ": " + reason;
        return new Result(open(history, user, why, at), null);
    }

    /** A step of an incident done by a person (the Done button). */
    public synchronized Result stepDone(String incidentId, String stepId, String user, Instant at) {
        Incident incident = lookUp(incidentId);
        if (incident == null) {
            return new Result(null, "no incident " + incidentId);
        }
        StepState step = incident.step(stepId);
        if (step == null) {
            return new Result(incident, "incident " + incidentId + " has no step '" + stepId + "'");
        }
        if (step.state().settled()) {
            return new Result(incident, "step '" + stepId + "' is already " + step.state()
                    + (step.doneBy() != null ? " (by " + step.doneBy() + ")" : ""));
        }
        Draft d = new Draft(incident);
        d.done(stepId, user, at);
        d.closeIfSettled(at);
        return new Result(commit(d), null);
    }

    /** Marks what is overdue at the clock's time and reminds its owners; returns the reminders made. */
    public synchronized int remind() {
        Instant now = clock.instant();
        int made = 0;
        for (Incident incident : List.copyOf(active.values())) {
            Draft d = new Draft(incident);
            int before = d.entries.size();
            d.remind(now);
            if (d.entries.size() > before) {
                try {
                    commit(d);
                    made += (int) d.entries.stream().filter(e -> e.kind() == TimelineEntry.Kind.reminder).count();
                } catch (RuntimeException e) {
                    LOG.warn("incident {}: reminders not saved, trying again at the next tick: {}", incident.id(), e.toString());
                }
            }
        }
        return made;
    }

    /**
     * Posts the notices not yet posted (checklists, reminders), oldest first; returns how many went out.
     * Senders take turns (two at once would post the same notice twice), without holding up changes while
     * Slack answers.
     */
    public int sendNotices() {
        synchronized (sending) {
            return sendPending();
        }
    }

    private int sendPending() {
        int sent = 0;
        for (TimelineEntry e : store.unnotified()) {
            Incident incident = find(e.incidentId()).orElse(null);
            if (incident == null) {
                continue;
            }
            IncidentNotices.Notice notice = notice(incident, e);
            try {
                if (!notices.post(notice)) {
                    continue; // no thread to post in yet
                }
            } catch (RuntimeException failure) {
                LOG.warn("incident {}: notice not posted, trying again later: {}", incident.id(), failure.getMessage());
                return sent;
            }
            synchronized (this) {
                Incident now = active.getOrDefault(incident.id(), incident);
                store.save(now, List.of(e.withNotified()));
            }
            sent++;
        }
        return sent;
    }

    private IncidentNotices.Notice notice(Incident incident, TimelineEntry e) {
        List<IncidentNotices.StepButton> buttons = List.of();
        if (e.id().equals(incident.id() + "/playbook")) {
            buttons = incident.steps().stream().map(s -> new IncidentNotices.StepButton(s.id(), s.title(),
                    roles.mention(s.owner()), s.dueAt())).toList();
        }
        return new IncidentNotices.Notice(e.id(), incident.id(), incident.alertId(), e.notice(),
                e.role() == null ? null : roles.mention(e.role()), buttons);
    }

    private Incident lookUp(String id) {
        Incident i = active.get(id);
        if (i != null || closed.contains(id)) {
            return i;
        }
        Incident stored = store.find(id).orElse(null);
        if (stored != null && stored.status() == Incident.Status.closed) {
            closed.add(id);
        }
        return stored;
    }

    private Incident open(List<Alert> history, String by, String reason, Instant at) {
        Alert first = history.get(0);
        Playbook playbook = playbooks.forCategory(first.category(), statements == null ? null : statements.language(first.brand()));
        Instant openedAt = by == null ? history.get(history.size() - 1).updatedAt() : at;
        Incident fresh = new Incident(Incident.idFor(first.alertId()), first.alertId(), first.brand(), first.category(),
                first.rule(), playbook.category(), Incident.Status.open, by, reason, openedAt, first.firedAt(),
                first.severity(), List.of(new Incident.SeverityChange(first.severity(), first.firedAt(), first.version(), first.rule())),
                null, null, null, null, null, null, 0, 1, null, playbook.steps().stream().map(StepState::of).toList(),
                List.of(), List.of(), List.of());
        Draft d = new Draft(fresh);
        d.entry("opened", openedAt, TimelineEntry.Kind.incident, by == null ? "Incident opened: the alert " + reason
                : "Incident opened by hand", by, null, by == null ? null : reason, null, null);
        for (Alert v : history) {
            d.apply(v);
        }
        if (!history.isEmpty()) {
            d.recommend(history.get(history.size() - 1), openedAt);
        }
        d.entry("playbook", openedAt, TimelineEntry.Kind.step, "Playbook '" + playbook.category() + "' posted: "
                + playbook.steps().size() + " steps", null, null, null, checklist(d), null);
        Incident opened = commit(d);
        LOG.info("incident {} opened for alert {} ({})", opened.id(), opened.alertId(), reason);
        return opened;
    }

    private String checklist(Draft d) {
        StringBuilder s = new StringBuilder("Incident " + d.i.id() + " - playbook '" + d.i.playbook() + "':");
        for (StepState st : d.steps) {
            s.append("\n- ").append(st.title()).append(" (").append(st.owner()).append(", ")
                    .append(st.dueAt() != null ? "due " + HHMM.format(st.dueAt())
                            : st.within().toMinutes() + " min after " + anchorWords(st)).append(")");
        }
        return s.toString();
    }

    private static String anchorWords(StepState s) {
        if (s.after() == Playbook.Anchor.detected && !s.severities().isEmpty()) {
            return "it reaches " + s.severities().stream().map(Severity::name).reduce((a, b) -> a + "/" + b).orElse("");
        }
        return switch (s.after()) {
            case detected -> "detection";
            case acknowledged -> "acknowledgement";
            case resolved -> "resolution";
        };
    }

    private Incident commit(Draft d) {
        Incident next = d.build();
        store.save(next, d.entries);
        if (next.status() == Incident.Status.closed) {
            active.remove(next.id());
            closed.add(next.id());
        } else {
            active.put(next.id(), next);
        }
        return next;
    }

    /** A change in progress: nothing counts until {@link #commit} saved it. */
    private final class Draft {
        final Incident i;
        Incident.Status status;
        Severity severity;
        final List<Incident.SeverityChange> path;
        String ackBy;
        Instant ackAt;
        String statementBy;
        Instant statementAt;
        String resolvedBy;
        Instant resolvedAt;
        long alertVersion;
        long seq;
        Incident.Peak peak;
        final List<StepState> steps;
        final List<Incident.StatementVersion> statementVersions;
        List<TopPost> topPosts;
        List<SeriesPoint> series;
        final List<TimelineEntry> entries = new ArrayList<>();

        Draft(Incident i) {
            this.i = i;
            status = i.status();
            severity = i.severity();
            path = new ArrayList<>(i.severityPath());
            ackBy = i.acknowledgedBy();
            ackAt = i.acknowledgedAt();
            statementBy = i.firstStatementBy();
            statementAt = i.firstStatementAt();
            resolvedBy = i.resolvedBy();
            resolvedAt = i.resolvedAt();
            alertVersion = i.alertVersion();
            seq = i.nextSeq();
            peak = i.peak();
            steps = new ArrayList<>(i.steps());
            statementVersions = new ArrayList<>(i.statements());
            topPosts = i.topPosts();
            series = i.series();
        }

        Incident build() {
            return new Incident(i.id(), i.alertId(), i.brand(), i.category(), i.rule(), i.playbook(), status, i.openedBy(),
                    i.reason(), i.openedAt(), i.detectedAt(), severity, path, ackBy, ackAt, statementBy, statementAt,
                    resolvedBy, resolvedAt, alertVersion, seq, peak, steps, statementVersions, topPosts, series);
        }

        void entry(String suffix, Instant at, TimelineEntry.Kind kind, String title, String by, Long version, String detail,
                   String notice, String role) {
            // an entry with nothing to tell is "notified" from the start: the store looks only for notified=false
            entries.add(new TimelineEntry(i.id() + "/" + suffix, i.id(), seq++, at, kind, title, by, version, detail, notice,
                    role, notice == null));
        }

        /** One alert version onto the incident. */
        void apply(Alert v) {
            if (v.version() <= alertVersion) {
                return;
            }
            alertVersion = v.version();
            Alert.Handling h = v.handled();
            Instant at = v.updatedAt();
            Alert.Change change = v.change() == null ? Alert.Change.refreshed : v.change();
            String handBy = escalatedBy(v);
            switch (change) {
                case acknowledged -> {
                    entry("v" + v.version(), at, TimelineEntry.Kind.action, "Acknowledged", h.acknowledgedBy(), v.version(),
                            null, null, null);
                    if (ackAt == null) {
                        ackBy = h.acknowledgedBy();
                        ackAt = h.acknowledgedAt() != null ? h.acknowledgedAt() : at;
                    }
                }
                case snoozed -> entry("v" + v.version(), at, TimelineEntry.Kind.action, "Snoozed until "
                        + (h.snoozedUntil() == null ? "?" : HHMM.format(h.snoozedUntil())), h.snoozedBy(), v.version(),
                        v.note(), null, null);
                case statement -> statement(v, h, at);
                case channel -> entry("v" + v.version(), at, TimelineEntry.Kind.action, "Incident channel opened",
                        h.channelBy(), v.version(), null, null, null);
                default -> {
                    boolean byHand = handBy != null || change == Alert.Change.resolved && h.resolvedBy() != null;
                    String who = handBy != null ? handBy : change == Alert.Change.resolved ? h.resolvedBy() : null;
                    entry("v" + v.version(), at, byHand ? TimelineEntry.Kind.action : TimelineEntry.Kind.detection,
                            headline(v, change), who, v.version(), detail(v), null, null);
                    look(v);
                }
            }
            if (v.severity() != severity) {
                severity = v.severity();
                path.add(new Incident.SeverityChange(v.severity(), at, v.version(), v.rule()));
            }
            peak(v.evidence(), at);
            if (!v.open() && status == Incident.Status.open) {
                status = Incident.Status.resolved;
                resolvedAt = v.resolvedAt() != null ? v.resolvedAt() : at;
                resolvedBy = h.resolvedBy();
            }
            anchor();
            if (status != Incident.Status.open) {
                for (int k = 0; k < steps.size(); k++) {
                    if (steps.get(k).after() != Playbook.Anchor.resolved) {
                        StepState before = steps.get(k);
                        steps.set(k, before.ended(resolvedAt));
                        missedAtTheEnd(before, steps.get(k));
                    }
                }
                closeIfSettled(at);
            }
        }

        /** A step the end of the incident left undone: on the timeline, and its owner told, as a reminder is. */
        private void missedAtTheEnd(StepState before, StepState after) {
            if (after.state() != StepState.State.missed || before.state() == StepState.State.missed) {
                return;
            }
            int slots = after.missed() - before.missed();
            String what = before.title() + " (due " + HHMM.format(before.dueAt())
                    + (slots > 1 ? ", and " + (slots - 1) + " later slot" + (slots > 2 ? "s" : "") : "") + ")";
            entry("step/" + before.id() + "/" + before.occurrence() + "/missed", resolvedAt, TimelineEntry.Kind.reminder,
                    "Missed: " + what + ", not done when the incident ended", null, null, before.owner(),
                    "Missed: " + what + " was not done before the incident ended.", before.owner());
        }

        private void statement(Alert v, Alert.Handling h, Instant at) {
            String by = h.statementBy();
            Instant when = h.statementAt() != null ? h.statementAt() : at;
            boolean edited = h.statementEdited();
            String text = h.statement();
            String template = null;
            if ((text == null || text.isBlank()) && statements != null) {
                var recommended = recommended(v, when);
                text = recommended.text();
                template = recommended.templateId();
            }
            statementVersions.add(new Incident.StatementVersion(statementVersions.size() + 1, when, by,
                    edited ? Incident.StatementVersion.Kind.edited : Incident.StatementVersion.Kind.approved, text, template));
            entry("v" + v.version(), when, TimelineEntry.Kind.statement, (edited ? "Statement edited and approved"
                    : "Statement approved"), by, v.version(), text, null, null);
            if (statementAt == null) {
                statementBy = by;
                statementAt = when;
            }
            for (StepState s : List.copyOf(steps)) {
                if (s.completedByStatement() && !s.state().settled()) {
                    done(s.id(), by, when);
                }
            }
        }

        /** The recommended statement when the incident opened: what the responders start from. */
        void recommend(Alert v, Instant at) {
            if (statements == null || !statementVersions.isEmpty()) {
                return;
            }
            var recommended = recommended(v, at);
            statementVersions.add(new Incident.StatementVersion(1, at, null, Incident.StatementVersion.Kind.recommended,
                    recommended.text(), recommended.templateId()));
        }

        void done(String stepId, String user, Instant at) {
            for (int k = 0; k < steps.size(); k++) {
                StepState s = steps.get(k);
                if (s.id().equals(stepId)) {
                    boolean inTime = s.dueAt() == null || !at.isAfter(s.dueAt());
                    StepState next = s.doneBy(user, at);
                    steps.set(k, next);
                    String title = "Step done: " + s.title() + (s.dueAt() == null ? "" : inTime ? " (on time)"
                            : " (late: due " + HHMM.format(s.dueAt()) + ")");
                    entry("step/" + s.id() + "/" + s.occurrence() + "/done", at, TimelineEntry.Kind.step, title, user, null,
                            null, "Done: " + s.title() + (user == null ? "" : " (" + user + ")")
                                    + (inTime ? "" : ", late"), null);
                }
            }
        }

        void remind(Instant now) {
            for (int k = 0; k < steps.size(); k++) {
                StepState s = steps.get(k);
                if (s.dueAt() == null || now.isBefore(s.dueAt())) {
                    continue;
                }
                if (s.state() == StepState.State.pending || s.state() == StepState.State.overdue) {
                    if (s.repeating() && !now.isBefore(s.dueAt().plus(s.every()))) {
                        entry("step/" + s.id() + "/" + s.occurrence() + "/missed", now, TimelineEntry.Kind.reminder,
                                "Missed: " + s.title() + " (due " + HHMM.format(s.dueAt()) + ")", null, null, s.owner(),
                                "Missed: " + s.title() + " was due " + HHMM.format(s.dueAt()) + "; next due "
                                        + HHMM.format(s.dueAt().plus(s.every())), s.owner());
                        steps.set(k, s.slotMissed());
                    } else if (s.state() == StepState.State.pending
                            || !now.isBefore(s.remindedAt().plus(settings.remindEvery()))) {
                        if (s.state() == StepState.State.overdue && status != Incident.Status.open) {
                            steps.set(k, s.ended(now)); // reminded once after the end: missed, not chased for ever
                            entry("step/" + s.id() + "/" + s.occurrence() + "/missed", now, TimelineEntry.Kind.reminder,
                                    "Missed: " + s.title() + " (due " + HHMM.format(s.dueAt()) + ")", null, null, s.owner(),
                                    null, null);
                            continue;
                        }
                        int n = s.reminders() + 1;
                        entry("step/" + s.id() + "/" + s.occurrence() + "/reminder/" + n, now, TimelineEntry.Kind.reminder,
                                "Reminder to " + s.owner() + ": " + s.title() + " is overdue (due " + HHMM.format(s.dueAt()) + ")", null, null,
                                s.owner(), "Overdue: " + s.title() + " was due " + HHMM.format(s.dueAt()) + ".", s.owner());
                        steps.set(k, s.reminded(now));
                    }
                }
            }
            closeIfSettled(now);
        }

        /** Gives each waiting step its deadline once its anchor has happened. */
        private void anchor() {
            for (int k = 0; k < steps.size(); k++) {
                StepState s = steps.get(k);
                if (s.state() != StepState.State.waiting) {
                    continue;
                }
                Instant from = switch (s.after()) {
                    case detected -> s.severities().isEmpty() ? i.detectedAt() : reached(s.severities());
                    case acknowledged -> ackAt;
                    case resolved -> resolvedAt;
                };
                if (from != null) {
                    steps.set(k, s.due(from.plus(s.within())));
                }
            }
        }

        /** The first time the incident was at one of these severities, or null. */
        private Instant reached(List<Severity> severities) {
            return path.stream().filter(c -> severities.contains(c.severity())).map(Incident.SeverityChange::at)
                    .findFirst().orElse(null);
        }

        void closeIfSettled(Instant at) {
            if (status == Incident.Status.resolved && steps.stream().allMatch(s -> s.state().settled())) {
                status = Incident.Status.closed;
                entry("closed", at, TimelineEntry.Kind.incident, "Incident closed: every step settled", null, null, null,
                        null, null);
            }
        }

        private void peak(Evidence e, Instant at) {
            if (e == null) {
                return;
            }
            // each highest figure keeps the window it was read in: the most mentions, the highest share and the
            // widest reach are often different updates
            Incident.Reading now = new Incident.Reading(at, e.window(), e.count(), e.negativeCount(), e.negativeShare(), e.reach());
            Incident.Reading share = peak == null || e.negativeShare() > peak.negativeShare() ? now : peak.highestShare();
            Incident.Reading reach = peak == null || e.reach() > peak.reach() ? now : peak.highestReach();
            double maxShare = Math.max(e.negativeShare(), peak == null ? 0 : peak.negativeShare());
            long maxReach = Math.max(e.reach(), peak == null ? 0 : peak.reach());
            if (peak == null || e.count() > peak.count()) {
                peak = new Incident.Peak(e.count(), e.window(), e.negativeCount(), maxShare, maxReach, e.ratio(), e.baseline(),
                        at, share, reach);
            } else if (e.negativeShare() > peak.negativeShare() || e.reach() > peak.reach()) {
                peak = new Incident.Peak(peak.count(), peak.window(), peak.negativeCount(), maxShare, maxReach, peak.ratio(),
                        peak.baseline(), peak.at(), share, reach);
            }
        }

        /** The evidence of a detection update as readers see it; a failed lookup keeps what was there. */
        private void look(Alert v) {
            if (evidence == null || !v.open()) {
                return;
            }
            try {
                AlertView view = evidence.view(v);
                if (!view.topPosts().isEmpty()) {
                    topPosts = view.topPosts();
                }
                if (!view.series().isEmpty()) {
                    series = view.series();
                }
            } catch (RuntimeException e) {
                LOG.warn("incident {}: evidence lookup failed, keeping the last: {}", i.id(), e.toString());
            }
        }
    }

    /** The recommended statement as the alert's readers saw it: from the posts the evidence lookup finds. */
    private io.firebreak.statement.HoldingStatement recommended(Alert v, Instant at) {
        if (evidence != null) {
            try {
                AlertView view = evidence.view(v);
                return statements.write(view.alert(), view.postTexts(), at);
            } catch (RuntimeException e) {
                LOG.warn("alert {}: evidence lookup for the statement failed: {}", v.alertId(), e.toString());
            }
        }
        return statements.write(v, at);
    }

    /** Who escalated by hand (the alert book's note says so), or null for detection's escalations. */
    private static String escalatedBy(Alert v) {
        String note = v.note();
        if (v.change() != Alert.Change.escalated || note == null || !note.startsWith("Escalated to ")) {
            return null;
        }
        int by = note.indexOf(" by ");
        return by < 0 ? null : note.substring(by + 4);
    }

    private static String headline(Alert v, Alert.Change change) {
        String early = v.provisional() ? " (early look)" : "";
        return switch (change) {
            case opened -> (v.provisional() ? "Early warning: " : "Detected: ") + v.severity() + " " + v.category();
            case confirmed -> "Confirmed at " + v.severity();
            case escalated -> "Escalated to " + v.severity() + early;
            case deescalated -> "De-escalated to " + v.severity();
            case grown -> "Growing";
            case refreshed -> "Numbers updated";
            case resolved -> v.handled().resolvedBy() != null ? "Resolved by hand" : "Resolved";
            case withdrawn -> "Withdrawn";
            default -> change.name();
        };
    }

    private static String detail(Alert v) {
        Evidence e = v.evidence();
        String figures = e == null ? "" : String.format(Locale.ROOT, "%d mentions in %s (%.1fx baseline), %.0f%% negative, reach %d",
                e.count(), e.window(), e.ratio(), 100 * e.negativeShare(), e.reach());
        String note = v.note() == null ? "" : v.note();
        return (figures + (figures.isEmpty() || note.isEmpty() ? "" : "; ") + note).trim();
    }
}
