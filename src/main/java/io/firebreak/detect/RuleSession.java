package io.firebreak.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.time.SessionPseudoClock;

/**
 * One brand's Drools session: its {@link BrandWindow} facts (one per span, updated in place), its
 * notable mentions as events that expire by themselves, and the thresholds. The pseudo clock is set to
 * the end of each minute evaluated, so rules run on event time live and in a replay alike.
 */
final class RuleSession implements AutoCloseable {

    /** Rule firing order is an engine detail; the order signals leave in must not be. */
    static final Comparator<CrisisSignal> ORDER = Comparator.comparing(CrisisSignal::category)
            .thenComparing(CrisisSignal::severity).thenComparing(CrisisSignal::rule);

    private RuleBook book;
    private KieSession session;
    private final BrandWindow[] facts = new BrandWindow[Span.values().length];
    private final FactHandle[] handles = new FactHandle[Span.values().length];
    private long nanos;

    RuleSession(RuleBook book) {
        this.book = book;
        this.session = newSession(book, 0);
    }

    RuleBook book() {
        return book;
    }

    /**
     * Evaluates one final minute: the windows that changed are updated, the notables inserted, the
     * rules fired. Returns what they raised, in a fixed order.
     *
     * @param windows the brand's windows at the minute's end, by {@link Span} ordinal; null leaves a span as it is
     */
    List<CrisisSignal> evaluate(long endMs, BrandWindow[] windows, List<NotableMention> notables) {
        long t0 = System.nanoTime();
        advance(session, endMs);
        for (int s = 0; s < windows.length; s++) {
            BrandWindow w = windows[s];
            if (w == null || w.equals(facts[s])) {
                continue; // an unchanged window is not re-evaluated: its rules already had their say
            }
            facts[s] = w;
            if (handles[s] == null) {
                handles[s] = session.insert(w);
            } else {
                session.update(handles[s], w);
            }
        }
        notables.forEach(session::insert);
        List<CrisisSignal> raised = fire(session);
        nanos += System.nanoTime() - t0;
        return raised;
    }

    /** The window of a span as the rules last saw it, or null before the first. */
    BrandWindow window(Span span) {
        return facts[span.ordinal()];
    }

    /** Notable mentions the rules still hold: they leave by expiry, so this stays bounded. */
    int notableEvents() {
        return session.getObjects(o -> o instanceof NotableMention).size();
    }

    /** Time spent in Drools so far. */
    long nanos() {
        return nanos;
    }

    /** Moves the windows and live events over to recompiled rules (hot reload). */
    void useRules(RuleBook next) {
        if (next == book) {
            return;
        }
        KieSession old = session;
        List<Object> events = new ArrayList<>(old.getObjects(o -> o instanceof NotableMention));
        session = newSession(next, old.<SessionPseudoClock>getSessionClock().getCurrentTime());
        for (int s = 0; s < facts.length; s++) {
            handles[s] = facts[s] == null ? null : session.insert(facts[s]);
        }
        events.forEach(session::insert);
        old.dispose();
        book = next;
    }

    @Override
    public void close() {
        session.dispose();
    }

    /**
     * Fires the rules once over {@code facts} in a session of its own, as of {@code atMs}: an early look
     * at an open minute, which must leave the brand's own session as the final minutes made it.
     */
    static List<CrisisSignal> once(RuleBook book, List<Object> facts, long atMs) {
        KieSession scratch = newSession(book, atMs);
        try {
            facts.forEach(scratch::insert);
            return fire(scratch);
        } finally {
            scratch.dispose();
        }
    }

    private static List<CrisisSignal> fire(KieSession session) {
        session.fireAllRules();
        List<CrisisSignal> raised = new ArrayList<>();
        for (FactHandle h : new ArrayList<FactHandle>(session.getFactHandles(o -> o instanceof CrisisSignal))) {
            raised.add((CrisisSignal) session.getObject(h));
            session.delete(h);
        }
        raised.sort(ORDER);
        return raised;
    }

    private static KieSession newSession(RuleBook book, long clockMs) {
        KieSessionConfiguration conf = KieServices.Factory.get().newKieSessionConfiguration();
        conf.setOption(ClockTypeOption.PSEUDO);
        KieSession s = book.kieBase().newKieSession(conf, null);
        advance(s, clockMs);
        book.thresholds().forEach(s::insert);
        return s;
    }

    private static void advance(KieSession s, long toMs) {
        SessionPseudoClock clock = s.getSessionClock();
        if (toMs > clock.getCurrentTime()) {
            clock.advanceTime(toMs - clock.getCurrentTime(), TimeUnit.MILLISECONDS);
        }
    }
}
