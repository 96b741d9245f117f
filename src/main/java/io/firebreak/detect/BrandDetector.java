package io.firebreak.detect;

import io.firebreak.enrich.EnrichedMention;
import io.firebreak.mention.Mention;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One brand's detection: its minute windows, baseline, notable mentions, event-time clock and rule
 * session. This is the unit detection state is partitioned by: nothing in it depends on another
 * brand, so brands run side by side (and could run on different machines). Mentions in,
 * {@link Evaluation}s out, one per final minute (and per early look); what they mean for alerts is
 * decided downstream.
 *
 * <p>Not thread-safe: its owner serialises calls. {@code now} is the clock at the call (the wall clock
 * live), null when there is no clock (a backtest runs on the mentions' own time).
 */
public final class BrandDetector implements AutoCloseable {

    private static final long MINUTE_MS = BrandClock.MINUTE_MS;
    private static final int LONGEST = Span.SIXTY_MINUTES.minutes();
    private static final long LONG_AGO = Long.MIN_VALUE / 2; // "long ago" without overflow in minute arithmetic

    private final String brand;
    private final Detection detection;
    private final DetectionSettings settings;
    private final BrandWindows windows;
    private final BrandClock clock;
    private final Notables notables;
    private final EarlyLooks early;
    private final RuleSession rules;
    private Baseline baseline;
    private boolean baselineChanged;
    private long lastActiveMinute = LONG_AGO;
    private boolean watched;
    private long counted;
    private long ticks;
    private long signals;
    private long earlyLooks;

    BrandDetector(String brand, Detection detection, BrandBaseline stored) {
        this.brand = brand;
        this.detection = detection;
        this.settings = detection.settings();
        this.windows = new BrandWindows(detection.ringMinutes());
        this.clock = new BrandClock(settings.allowedLateness());
        this.notables = new Notables(brand);
        this.early = new EarlyLooks();
        this.rules = new RuleSession(detection.rules());
        this.baseline = stored == null ? null : Baseline.of(stored);
    }

    public String brand() {
        return brand;
    }

    /**
     * Counts a mention (once per key) and returns the evaluations it caused, in event-time order: the
     * minutes its time made final, then an early look if the wave passed a step.
     */
    public List<Evaluation> accept(EnrichedMention em, Instant now) {
        Mention m = em.mention();
        long t = m.createdAt().toEpochMilli();
        long minute = Math.floorDiv(t, MINUTE_MS);
        if (now != null && t > now.toEpochMilli() + settings.maxClockSkew().toMillis()) {
            // ingest refuses these; should one get here, it must not run the brand's time ahead of the clock
            detection.sources().record(m.source(), t, now, SourceClocks.Outcome.AHEAD);
            return List.of();
        }
        clock.observe(t, now);
        List<Evaluation> out = finalise(clock.dueFinal(now), null);
        if (baseline == null) {
            baseline = Baseline.startingAt(Math.floorDiv(minute, 60));
        }
        Counted taken = count(em, minute);
        detection.sources().record(m.source(), t, now, taken.outcome());
        if (taken.lookEarly() && detection.early()) {
            long open = clock.openMinute(now);
            if (early.due(windows.negatives(open, Span.FIFTEEN_MINUTES.minutes()), taken.notable(),
                    detection.rules().decisions().earlyLooks())) {
                out = out == null ? new ArrayList<>(1) : out;
                out.add(earlyLook(open));
            }
        }
        return orEmpty(out);
    }

    private static List<Evaluation> orEmpty(List<Evaluation> evaluations) {
        return evaluations == null ? List.of() : evaluations;
    }

    /** The clock moved on without a mention: closes the minutes it made final (live streams only). */
    public List<Evaluation> advanceTo(Instant now) {
        return orEmpty(finalise(clock.dueFinal(now), null));
    }

    /** Makes every open minute final, as at the end of a replay. */
    public List<Evaluation> finish() {
        return orEmpty(finalise(clock.dueAtEnd(), null));
    }

    /**
     * Someone needs every minute evaluated, quiet ones too (an open alert must learn that time passed):
     * long quiet stretches are then not skipped.
     */
    public void watch(boolean needed) {
        watched = needed;
    }

    /** The baseline to keep across restarts, or null when it has not changed since last asked. */
    public BrandBaseline changedBaseline() {
        if (!baselineChanged || baseline == null) {
            return null;
        }
        baselineChanged = false;
        return baseline.snapshot();
    }

    public BrandBaseline baseline() {
        return baseline == null ? null : baseline.snapshot();
    }

    /** The window of a span as the rules last saw it, or null before the first final minute. */
    public BrandWindow window(Span span) {
        return rules.window(span);
    }

    public Counters counters() {
        return new Counters(counted, ticks, signals, earlyLooks, rules.nanos(), rules.notableEvents(), windows.keysHeld());
    }

    /**
     * What one brand's detection has done.
     *
     * @param ruleNanos time spent inside Drools
     * @param keysHeld  mention keys remembered to count re-deliveries once
     */
    public record Counters(long counted, long ticks, long signals, long earlyLooks, long ruleNanos,
                           long notableEvents, long keysHeld) {
        public Counters plus(Counters o) {
            return new Counters(counted + o.counted, ticks + o.ticks, signals + o.signals, earlyLooks + o.earlyLooks,
                    ruleNanos + o.ruleNanos, notableEvents + o.notableEvents, keysHeld + o.keysHeld);
        }
    }

    @Override
    public void close() {
        rules.close();
    }

    /** How a mention was counted, and whether it may call for an early look (a negative one in an open minute). */
    private record Counted(SourceClocks.Outcome outcome, boolean lookEarly, boolean notable) {
        static final Counted LATE = new Counted(SourceClocks.Outcome.LATE, false, false);
        static final Counted DUPLICATE = new Counted(SourceClocks.Outcome.DUPLICATE, false, false);
        static final Counted BEHIND = new Counted(SourceClocks.Outcome.BEHIND, false, false);
        static final Counted QUIET = new Counted(SourceClocks.Outcome.COUNTED, false, false);
    }

    private Counted count(EnrichedMention em, long minute) {
        long lastFinal = clock.lastFinal();
        // windows still to be evaluated end after lastFinal; a minute none of them covers can no longer count
        if (minute < lastFinal + 2 - LONGEST) {
            return Counted.LATE;
        }
        Mention m = em.mention();
        boolean negative = em.enrichment().negative();
        Category category = negative ? Category.of(em.enrichment().category()) : Category.OTHER;
        Category keyword = negative ? detection.keywords().find(m.text()) : null;
        if (!windows.add(minute, m, negative, category, keyword, em.enrichment().categoryTerms())) {
            return Counted.DUPLICATE;
        }
        counted++;
        lastActiveMinute = Math.max(lastActiveMinute, minute);
        Decisions.Notable which = detection.rules().decisions().notable();
        boolean notable = negative && notables.notable(m, keyword, which) && notables.add(minute, em, category, keyword, which);
        if (minute <= lastFinal) {
            return Counted.BEHIND;
        }
        return negative ? new Counted(SourceClocks.Outcome.COUNTED, true, notable) : Counted.QUIET;
    }

    /** The rules over the windows as of now, open minute included, in a session of their own. */
    private Evaluation earlyLook(long open) {
        long endMs = (open + 1) * MINUTE_MS;
        boolean warming = baseline.warmingUp(settings);
        List<Object> facts = new ArrayList<>();
        BrandWindow fifteen = null;
        for (Span span : Span.values()) {
            BrandWindow w = window(span, open, warming, false);
            facts.add(w);
            if (span == Span.FIFTEEN_MINUTES) {
                fifteen = w;
            }
        }
        facts.addAll(notables.before(endMs, false));
        earlyLooks++;
        List<CrisisSignal> raised = RuleSession.once(detection.rules(), facts, endMs);
        detection.counted(raised);
        Decisions d = detection.rules().decisions();
        return new Evaluation(brand, Instant.ofEpochMilli(endMs), true, raised, d.calm().calm(fifteen), d.mergeOther());
    }

    /** Evaluates every minute up to {@code target}; null when there was none to evaluate. */
    private List<Evaluation> finalise(long target, List<Evaluation> out) {
        while (clock.started() && clock.lastFinal() < target) {
            long next = clock.lastFinal() + 1;
            if (!watched && target - next > LONGEST && quiet(next)) {
                skipQuiet(target);
                continue;
            }
            if (out == null) {
                out = new ArrayList<>();
            }
            out.add(tick(next));
        }
        return out;
    }

    private Evaluation tick(long minute) {
        long endMs = (minute + 1) * MINUTE_MS;
        rules.useRules(detection.rules());
        BrandWindow[] ws = new BrandWindow[Span.values().length];
        if (baseline != null) {
            boolean warming = baseline.warmingUp(settings);
            boolean idle = minute - lastActiveMinute >= LONGEST;
            for (Span span : Span.values()) {
                BrandWindow previous = rules.window(span);
                BrandWindow w = window(span, minute, warming, idle);
                // an empty window stays empty: no rule can fire on it, so it is not updated
                ws[span.ordinal()] = w.count() == 0 && previous != null && previous.count() == 0 ? null : w;
            }
        }
        List<CrisisSignal> raised = rules.evaluate(endMs, ws, notables.before(endMs, true));
        signals += raised.size();
        detection.counted(raised);
        if ((minute + 1) % 60 == 0) {
            closeHour(Math.floorDiv(minute, 60));
        }
        clock.finalised(minute);
        ticks++;
        Decisions d = rules.book().decisions();
        return new Evaluation(brand, Instant.ofEpochMilli(endMs), false, raised,
                d.calm().calm(rules.window(Span.FIFTEEN_MINUTES)), d.mergeOther(), rules.window(Span.SIXTY_MINUTES));
    }

    private BrandWindow window(Span span, long lastMinute, boolean warming, boolean idle) {
        long first = lastMinute - span.minutes() + 1;
        WindowCounts c = idle ? WindowCounts.EMPTY : windows.sum(lastMinute, span.minutes(),
                detection.rules().decisions().category().clearShare());
        return BrandWindow.of(brand, span, c, baseline.expectedTotal(first, lastMinute),
                baseline.expectedNegative(first, lastMinute), baseline.expectedKeyword(first, lastMinute), warming);
    }

    private void closeHour(long hour) {
        if (baseline != null) {
            baseline.closeHour(hour, windows.totals(hour * 60, hour * 60 + 59), settings);
            baselineChanged = true;
        }
    }

    /**
     * True when evaluating minute {@code n} cannot raise anything: every window is already empty and
     * nothing notable is waiting. Such a stretch only folds empty hours into the baseline, so it is
     * skipped hour by hour: a week-long gap in a recording, or a mention stamped years ahead, then costs
     * hours of work instead of minutes.
     */
    private boolean quiet(long n) {
        if (!notables.isEmpty() || n - lastActiveMinute <= LONGEST) {
            return false;
        }
        for (Span span : Span.values()) {
            BrandWindow w = rules.window(span);
            if (w != null && w.count() > 0) {
                return false;
            }
        }
        return true;
    }

    private void skipQuiet(long target) {
        long hourEnd = Math.floorDiv(clock.lastFinal() + 1, 60) * 60 + 59;
        for (; hourEnd <= target; hourEnd += 60) {
            closeHour(Math.floorDiv(hourEnd, 60));
        }
        ticks += target - clock.lastFinal();
        clock.finalised(target);
    }
}
