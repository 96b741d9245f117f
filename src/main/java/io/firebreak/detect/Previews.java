package io.firebreak.detect;

import io.firebreak.alert.Alert;
import io.firebreak.alert.Dedup;
import io.firebreak.alert.OpenAlerts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.time.SessionPseudoClock;

/**
 * Early looks at a growing wave, for the live path. The engine's alerts come from final minutes,
 * which in a live feed means waiting for the minute to end plus the allowed lateness: minutes,
 * when the first hour decides the story. A preview runs the same rules over a brand's windows
 * with the open minute included, in a session of its own, and sends what they raise under the id
 * the final minute will give the alert, so Slack gets the message at once and the final alert
 * then updates it in place.
 *
 * <p>Previews change nothing the engine decides: its open alerts, windows and session are only read.
 */
final class Previews implements AutoCloseable {

    private static final int REMEMBERED = 10_000;
    private static final String OTHER = "other";
    private static final java.time.Duration STALE = java.time.Duration.ofMinutes(15);

    private final RuleBook book;
    private final OpenAlerts open;
    private final Consumer<Alert> sink;
    private final KieSession session;
    // per brand/category, the newest preview sent: the wave keeps that id until the final minutes
    // open the real alert (with the same id), and each step of the wave is sent once
    private final Map<String, Alert> sent = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Alert> eldest) {
            return size() > REMEMBERED;
        }
    };

    Previews(RuleBook book, OpenAlerts open, Consumer<Alert> sink) {
        this.book = book;
        this.open = open;
        this.sink = sink;
        KieSessionConfiguration conf = KieServices.Factory.get().newKieSessionConfiguration();
        conf.setOption(ClockTypeOption.PSEUDO);
        this.session = book.kieBase().newKieSession(conf, null);
        book.thresholds().forEach(session::insert);
    }

    /** The same sink over recompiled rules (hot reload). */
    Previews withRules(RuleBook next) {
        close();
        return new Previews(next, open, sink);
    }

    /**
     * Fires the rules over one brand's facts as of now and sends any alert that is new or more severe
     * than what is open.
     *
     * @param facts the brand's windows (open minute included) and its notable mentions
     * @param endMs the end of the open minute: the event time the final tick will give the alert
     */
    void look(List<Object> facts, long endMs) {
        SessionPseudoClock clock = session.getSessionClock();
        if (endMs > clock.getCurrentTime()) {
            clock.advanceTime(endMs - clock.getCurrentTime(), TimeUnit.MILLISECONDS);
        }
        List<FactHandle> inserted = new ArrayList<>(facts.size());
        for (Object fact : facts) {
            inserted.add(session.insert(fact));
        }
        session.fireAllRules();
        List<CrisisSignal> raised = new ArrayList<>();
        List<FactHandle> signals = new ArrayList<>(session.getFactHandles(o -> o instanceof CrisisSignal));
        for (FactHandle h : signals) {
            raised.add((CrisisSignal) session.getObject(h));
            session.delete(h);
        }
        inserted.forEach(session::delete);
        raised.sort(Comparator.comparing(CrisisSignal::severity).thenComparing(CrisisSignal::category)
                .thenComparing(CrisisSignal::rule));
        Instant at = Instant.ofEpochMilli(endMs);
        for (CrisisSignal s : raised) {
            send(s, at);
        }
    }

    private void send(CrisisSignal s, Instant at) {
        // the same grouping as Dedup, so the preview carries the id the final alert will have
        Alert official = open.find(s.brand(), s.category())
                .or(() -> OTHER.equals(s.category()) ? open.strongestOf(s.brand()) : Optional.empty())
                .map(OpenAlerts.Entry::alert).orElse(null);
        Alert early = previewed(s, at);
        Alert current = official != null ? official : early;
        Alert.Severity told = official == null ? (early == null ? null : early.severity())
                : early == null || !early.alertId().equals(official.alertId()) ? official.severity()
                : early.severity().compareTo(official.severity()) < 0 ? early.severity() : official.severity();
        if (told != null && told.compareTo(s.severity()) <= 0) {
            return; // already told at this severity or worse: the final minutes will update it
        }
        Alert preview = current == null
                ? new Alert(Dedup.alertId(s.brand(), s.category(), at), s.rule(), s.brand(), s.category(), s.severity(),
                        Alert.Status.firing, at, at, null, s.evidence(), null)
                : new Alert(current.alertId(), s.rule(), s.brand(), current.category(), s.severity(),
                        Alert.Status.escalated, current.firedAt(), at, null, s.evidence(), null);
        sent.put(preview.brand() + "/" + preview.category(), preview);
        sink.accept(preview);
    }

    /** A preview sent for this wave that the final minutes have not caught up with yet. */
    private Alert previewed(CrisisSignal s, Instant at) {
        Alert same = sent.get(s.brand() + "/" + s.category());
        if (same == null && OTHER.equals(s.category())) {
            same = sent.values().stream().filter(a -> a.brand().equals(s.brand()))
                    .min(Comparator.comparing(Alert::severity)).orElse(null);
        }
        // a preview the final minutes never confirmed within the window is stale: start afresh
        return same != null && same.updatedAt().isAfter(at.minus(STALE)) ? same : null;
    }

    @Override
    public void close() {
        session.dispose();
    }
}
