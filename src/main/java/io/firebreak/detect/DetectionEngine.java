package io.firebreak.detect;

import io.firebreak.alert.Alert;
import io.firebreak.alert.AlertPipeline;
import io.firebreak.alert.AlertStage;
import io.firebreak.alert.AutoResolve;
import io.firebreak.alert.Dedup;
import io.firebreak.alert.OpenAlerts;
import io.firebreak.enrich.EnrichedMention;
import io.firebreak.mention.Mention;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.time.SessionPseudoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one detection engine, live and backtest alike: mentions in, alerts out, on event time.
 *
 * <p>Each mention costs O(1) (a bucket increment per brand). Once the newest event time seen (the
 * watermark) passes the end of a minute plus the allowed lateness, that minute is final and is
 * <em>ticked</em>: every brand's windows are summarised into {@link BrandWindow} facts, its notable
 * mentions are inserted as events, the Drools session (pseudo clock set to the minute's end) fires, and
 * the {@link CrisisSignal}s go through the alert stages. Because ticks depend on event time only, the
 * same mentions give the same alerts whether they come in one replay or in live batches with clock
 * ticks ({@link #advanceTo}) in between, as long as each mention arrives within the allowed lateness.
 *
 * <p>Not for concurrent use by design, but every public method is synchronized so a live ingest thread
 * and a clock thread may share one engine.
 */
public final class DetectionEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DetectionEngine.class);
    private static final long MINUTE_MS = 60_000;
    private static final long NONE = Long.MIN_VALUE;

    /**
     * What the engine has counted so far.
     *
     * @param ruleNanos time spent inside Drools (fact updates, event inserts, firing): per tick, so cheap to measure
     */
    public record Counters(long accepted, long late, long unbranded, long ticks, long signals, long ruleNanos) {}

    private final Path rulesDir;
    private final Path thresholdsFile;
    private final DetectionSettings settings;
    private final BaselineStore store;
    private final CrisisKeywords keywords;
    private final long latenessMs;
    private final int ringMinutes;
    private final OpenAlerts open = new OpenAlerts();
    private Previews previews;
    private RuleBook rules;
    private final AlertStage stages;
    // sorted: ticking brands in a fixed order keeps live and replay identical
    private final Map<String, BrandState> brands = new TreeMap<>();
    private final Map<String, BrandState> lookup = new HashMap<>();

    private KieSession session;
    private long lastTicked = NONE;
    private long watermark = NONE;
    private long accepted;
    private long late;
    private long unbranded;
    private long ticks;
    private long signals;
    private long ruleNanos;

    /**
     * @param book       compiled rules (see {@link RuleBook#compile}); {@link #reload} recompiles from the same files
     * @param later      stages after the built-in lifecycle (dedup/escalate, auto-resolve), e.g. silences, routing
     */
    public DetectionEngine(RuleBook book, Path rulesDir, Path thresholdsFile, DetectionSettings settings,
                           BaselineStore store, List<AlertStage> later) {
        this.rulesDir = rulesDir;
        this.thresholdsFile = thresholdsFile;
        this.settings = settings;
        this.store = store;
        this.keywords = new CrisisKeywords(settings.keywords());
        this.latenessMs = settings.allowedLateness().toMillis();
        this.ringMinutes = Span.SIXTY_MINUTES.minutes() + settings.latenessMinutes() + 4;
        List<AlertStage> all = new ArrayList<>();
        all.add(new Dedup(open));
        all.add(new AutoResolve(open, settings.quietTime(), (brand, category, now) -> calm(brand)));
        all.addAll(later);
        this.stages = new AlertPipeline(all);
        store.load().ifPresent(s -> s.brands().forEach((b, stored) -> state(b).baseline = Baseline.of(stored)));
        this.session = newSession(book);
        this.rules = book;
    }

    /** Counts a mention; returns the alerts of any minutes its event time made final. */
    public synchronized List<Alert> accept(EnrichedMention em) {
        Mention m = em.mention();
        long t = m.createdAt().toEpochMilli();
        long minute = Math.floorDiv(t, MINUTE_MS);
        if (lastTicked == NONE) {
            lastTicked = minute - 1;
        }
        List<Alert> out = advanceWatermark(t);
        if (minute <= lastTicked) {
            late++;
            // one line per thousand: a late feed must not flood the log
            if (late % 1000 == 1) {
                log.warn("late mention {} at {} (minute already final; {} late so far)", m.key(), m.createdAt(), late);
            }
            return out;
        }
        List<String> names = em.enrichment().brands();
        if (names.isEmpty()) {
            if (m.brand() == null) {
                unbranded++;
                return out;
            }
            names = List.of(m.brand());
        }
        boolean negative = em.enrichment().negative();
        Category category = negative ? Category.of(em.enrichment().category()) : Category.OTHER;
        Category keyword = negative ? keywords.find(m.text()) : null;
        for (String name : names) {
            BrandState b = state(name);
            if (b.baseline == null) {
                b.baseline = Baseline.startingAt(Math.floorDiv(minute, 60));
            }
            b.windows.add(minute, m, negative, category, keyword, em.enrichment().categoryTerms());
            b.lastActiveMinute = Math.max(b.lastActiveMinute, minute);
            boolean notable = negative && (keyword != null
                    || m.author().followers() >= settings.notableFollowers()
                    || m.engagement().shares() >= settings.notableShares());
            if (notable) {
                b.notable(minute, em, category, keyword, settings.notablePerMinute());
            }
            if (negative && previews != null && b.duePreview(minute, notable, settings.previewMinNegatives())) {
                preview(b, minute);
            }
        }
        accepted++;
        return out;
    }

    /** Moves event time forward without a mention (the live clock, or the end of a replay). */
    public synchronized List<Alert> advanceTo(Instant now) {
        return advanceWatermark(now.toEpochMilli());
    }

    /** Ticks every minute still open, as at the end of a replay: waits for no more late mentions. */
    public synchronized List<Alert> finish() {
        return watermark == NONE ? List.of() : advanceWatermark(watermark + latenessMs + MINUTE_MS);
    }

    /**
     * Recompiles the rule and threshold files. On success the new rules take over with the current
     * windows and notable events; on failure the old rules keep running and the problems are returned.
     * Compiling takes seconds and happens outside the engine's lock, so ingest keeps flowing meanwhile.
     */
    public List<RuleBook.Problem> reload() {
        RuleBook next;
        try {
            next = RuleBook.compile(rulesDir, thresholdsFile);
        } catch (RuleBook.InvalidRules e) {
            e.problems().forEach(p -> log.error("rules not reloaded: {}", p));
            return e.problems();
        }
        swapRules(next);
        log.info("rules reloaded: {} files", next.files().size());
        return List.of();
    }

    private synchronized void swapRules(RuleBook next) {
        KieSession old = session;
        List<Object> events = new ArrayList<>(old.getObjects(o -> o instanceof NotableMention));
        session = newSession(next);
        rules = next;
        for (Object e : events) {
            session.insert(e);
        }
        for (BrandState b : brands.values()) {
            for (int s = 0; s < b.facts.length; s++) {
                b.handles[s] = b.facts[s] == null ? null : session.insert(b.facts[s]);
            }
        }
        old.dispose();
        if (previews != null) {
            previews = previews.withRules(next);
        }
    }

    /**
     * Live only: sends early looks at a growing wave to {@code sink} without waiting for its minute to
     * be final (see {@link Previews}). The alerts this engine returns are not affected, so backtest
     * and live still agree on them.
     */
    public synchronized void onPreview(java.util.function.Consumer<Alert> sink) {
        if (previews != null) {
            previews.close();
        }
        previews = new Previews(rules, open, sink);
    }

    /** The alerts not yet resolved and when their wave was last active: what to store for a restart. */
    public synchronized List<OpenAlerts.Entry> openAlerts() {
        return open.entries();
    }

    /** Starts from stored open alerts (before the first mention): a crisis still running is not announced twice. */
    public synchronized void restoreOpenAlerts(List<OpenAlerts.Entry> entries) {
        entries.forEach(open::restore);
    }

    public synchronized Counters counters() {
        return new Counters(accepted, late, unbranded, ticks, signals, ruleNanos);
    }

    /** Notable mentions the rules still hold: they leave by expiry, so this stays bounded. */
    public synchronized int notableEventsInMemory() {
        return session.getObjects(o -> o instanceof NotableMention).size();
    }

    /** The brand's latest window of a span, or null before its first tick. */
    public synchronized BrandWindow window(String brand, Span span) {
        BrandState b = lookup.get(brand);
        return b == null ? null : b.facts[span.ordinal()];
    }

    public synchronized BaselineSnapshot baselines() {
        Map<String, BrandBaseline> out = new TreeMap<>();
        brands.forEach((name, b) -> {
            if (b.baseline != null) {
                out.put(name, b.baseline.snapshot());
            }
        });
        return new BaselineSnapshot(out);
    }

    @Override
    public synchronized void close() {
        if (previews != null) {
            previews.close();
        }
        session.dispose();
    }

    private List<Alert> advanceWatermark(long t) {
        if (t <= watermark) {
            return List.of();
        }
        watermark = t;
        if (lastTicked == NONE) {
            return List.of();
        }
        List<Alert> out = List.of();
        // minute n is final once the watermark is past its end plus the allowed lateness
        while ((lastTicked + 2) * MINUTE_MS + latenessMs <= watermark) {
            long lastFinal = Math.floorDiv(watermark - latenessMs, MINUTE_MS) - 1;
            if (lastFinal - lastTicked > 60 && quietEverywhere(lastTicked + 1)) {
                skipQuietMinutes(lastFinal);
                continue;
            }
            List<Alert> alerts = tick(lastTicked + 1);
            if (!alerts.isEmpty()) {
                if (out.isEmpty()) {
                    out = new ArrayList<>();
                }
                out.addAll(alerts);
            }
        }
        return out;
    }

    /** Hands a brand's windows as of now (open minute included) and its pending notables to {@link Previews}. */
    private void preview(BrandState b, long minute) {
        long endMs = (minute + 1) * MINUTE_MS;
        boolean warming = b.baseline.warmingUp(settings);
        List<Object> facts = new ArrayList<>();
        for (Span span : Span.values()) {
            long first = minute - span.minutes() + 1;
            facts.add(BrandWindow.of(b.name, span, b.windows.sum(minute, span.minutes()),
                    b.baseline.expectedTotal(first, minute), b.baseline.expectedNegative(first, minute),
                    b.baseline.expectedKeyword(first, minute), warming));
        }
        for (NotableMention n : b.pending) {
            if (n.at() < endMs) {
                double ageMinutes = Math.max(1.0, (endMs - n.at()) / (double) MINUTE_MS);
                facts.add(new NotableMention(n.key(), n.brand(), n.at(), n.category(), n.followers(),
                        n.shares(), n.shares() / ageMinutes, n.keywordCategory(), n.terms()));
            }
        }
        previews.look(facts, endMs);
    }

    private List<Alert> tick(long minute) {
        long endMs = (minute + 1) * MINUTE_MS;
        SessionPseudoClock clock = session.getSessionClock();
        clock.advanceTime(endMs - clock.getCurrentTime(), TimeUnit.MILLISECONDS);
        for (BrandState b : brands.values()) {
            if (b.baseline == null) {
                continue;
            }
            boolean warming = b.baseline.warmingUp(settings);
            boolean idle = minute - b.lastActiveMinute >= Span.SIXTY_MINUTES.minutes();
            for (Span span : Span.values()) {
                WindowCounts c = idle ? WindowCounts.EMPTY : b.windows.sum(minute, span.minutes());
                BrandWindow previous = b.facts[span.ordinal()];
                if (c.count() == 0 && previous != null && previous.count() == 0) {
                    continue; // an empty window stays empty: no rule can fire on it, so no update
                }
                long first = minute - span.minutes() + 1;
                BrandWindow w = BrandWindow.of(b.name, span, c,
                        b.baseline.expectedTotal(first, minute), b.baseline.expectedNegative(first, minute),
                        b.baseline.expectedKeyword(first, minute), warming);
                if (w.equals(previous)) {
                    continue;
                }
                b.facts[span.ordinal()] = w;
                long t0 = System.nanoTime();
                if (b.handles[span.ordinal()] == null) {
                    b.handles[span.ordinal()] = session.insert(w);
                } else {
                    session.update(b.handles[span.ordinal()], w);
                }
                ruleNanos += System.nanoTime() - t0;
            }
            long t0 = System.nanoTime();
            b.insertNotable(minute, endMs, session);
            ruleNanos += System.nanoTime() - t0;
        }
        long fireStart = System.nanoTime();
        session.fireAllRules();
        List<CrisisSignal> raised = new ArrayList<>();
        List<FactHandle> handles = new ArrayList<>(session.getFactHandles(o -> o instanceof CrisisSignal));
        for (FactHandle h : handles) {
            raised.add((CrisisSignal) session.getObject(h));
            session.delete(h);
        }
        ruleNanos += System.nanoTime() - fireStart;
        // rule firing order is an engine detail; the order alerts leave in must not be
        raised.sort(Comparator.comparing(CrisisSignal::brand).thenComparing(CrisisSignal::category)
                .thenComparing(CrisisSignal::severity).thenComparing(CrisisSignal::rule));
        signals += raised.size();
        Instant now = Instant.ofEpochMilli(endMs);
        List<Alert> raw = new ArrayList<>(raised.size());
        for (CrisisSignal s : raised) {
            raw.add(new Alert(null, s.rule(), s.brand(), s.category(), s.severity(), Alert.Status.firing,
                    now, now, null, s.evidence(), null));
        }
        List<Alert> out = stages.apply(raw, now);
        if ((minute + 1) % 60 == 0) {
            closeHour(Math.floorDiv(minute, 60));
        }
        lastTicked = minute;
        ticks++;
        return out;
    }

    private void closeHour(long hour) {
        foldHour(hour);
        store.save(baselines());
    }

    private void foldHour(long hour) {
        for (BrandState b : brands.values()) {
            if (b.baseline != null) {
                b.baseline.closeHour(hour, b.windows.totals(hour * 60, hour * 60 + 59), settings);
            }
        }
    }

    /**
     * True when ticking minute {@code n} cannot produce anything: every window is already empty, nothing
     * notable is waiting and no alert is open. Ticks through such a stretch only fold empty hours into the
     * baselines, so it can be skipped hour by hour: a week-long gap in a recording, or a mention stamped
     * years ahead, then costs hours of work instead of minutes times brands.
     */
    private boolean quietEverywhere(long n) {
        if (!open.entries().isEmpty()) {
            return false;
        }
        for (BrandState b : brands.values()) {
            if (!b.pending.isEmpty() || n - b.lastActiveMinute <= Span.SIXTY_MINUTES.minutes()) {
                return false;
            }
            for (BrandWindow w : b.facts) {
                if (w != null && w.count() > 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private void skipQuietMinutes(long lastFinal) {
        long hourEnd = Math.floorDiv(lastTicked + 1, 60) * 60 + 59;
        for (; hourEnd <= lastFinal; hourEnd += 60) {
            foldHour(Math.floorDiv(hourEnd, 60));
        }
        ticks += lastFinal - lastTicked;
        lastTicked = lastFinal;
        store.save(baselines());
    }

    private boolean calm(String brand) {
        BrandState b = lookup.get(brand);
        BrandWindow w = b == null ? null : b.facts[Span.FIFTEEN_MINUTES.ordinal()];
        // near baseline: within the calm ratio, or too few negatives to tell apart from noise
        return w == null || w.negativeRatio() <= settings.calmRatio() || w.negativeZ() < 2;
    }

    private KieSession newSession(RuleBook rules) {
        KieSessionConfiguration conf = KieServices.Factory.get().newKieSessionConfiguration();
        conf.setOption(ClockTypeOption.PSEUDO);
        KieSession s = rules.kieBase().newKieSession(conf, null);
        if (lastTicked != NONE) {
            s.<SessionPseudoClock>getSessionClock().advanceTime((lastTicked + 1) * MINUTE_MS, TimeUnit.MILLISECONDS);
        }
        rules.thresholds().forEach(s::insert);
        return s;
    }

    private BrandState state(String name) {
        BrandState b = lookup.get(name);
        if (b == null) {
            b = new BrandState(name, ringMinutes);
            lookup.put(name, b);
            brands.put(name, b);
        }
        return b;
    }

    /** Everything the engine keeps per brand. */
    private static final class BrandState {
        final String name;
        final BrandWindows windows;
        final BrandWindow[] facts = new BrandWindow[Span.values().length];
        final FactHandle[] handles = new FactHandle[Span.values().length];
        final List<NotableMention> pending = new ArrayList<>();
        Baseline baseline;
        long lastActiveMinute = Long.MIN_VALUE / 2; // "long ago" without overflow in minute arithmetic
        long notableMinute = NONE;
        int notableInMinute;
        int nextPreview = -1;

        BrandState(String name, int ringMinutes) {
            this.name = name;
            this.windows = new BrandWindows(ringMinutes);
        }

        /**
         * Whether this negative mention calls for an early look: a notable mention always does; else
         * the 15-minute negatives (open minute included) reaching the next step, which then grows by
         * half, so a wave gets a handful of looks, not one per mention. The step comes back down as
         * the wave ebbs, so a second wave is looked at early too.
         */
        boolean duePreview(long minute, boolean notable, int minNegatives) {
            // asked for every negative mention: a bare count, not the window summary with its top mentions
            long negatives = windows.negatives(minute, Span.FIFTEEN_MINUTES.minutes());
            if (nextPreview < 0 || negatives * 3 < nextPreview) {
                nextPreview = Math.max(minNegatives, (int) negatives);
            }
            if (negatives < nextPreview && !notable) {
                return false;
            }
            nextPreview = (int) Math.max(nextPreview, Math.ceil(negatives * 1.5));
            return true;
        }

        /** Keeps a notable mention for the tick of its minute, at most {@code cap} per minute (first come). */
        void notable(long minute, EnrichedMention em, Category category, Category keyword, int cap) {
            if (minute != notableMinute) {
                notableMinute = minute;
                notableInMinute = 0;
            }
            if (notableInMinute >= cap) {
                return;
            }
            notableInMinute++;
            Mention m = em.mention();
            pending.add(new NotableMention(m.key(), name, m.createdAt().toEpochMilli(), category.id(),
                    m.author().followers(), m.engagement().shares(), 0,
                    keyword == null ? null : keyword.id(), em.enrichment().categoryTerms()));
        }

        void insertNotable(long minute, long endMs, KieSession session) {
            if (pending.isEmpty()) {
                return;
            }
            long limit = (minute + 1) * MINUTE_MS;
            pending.removeIf(n -> {
                if (n.at() >= limit) {
                    return false;
                }
                double ageMinutes = Math.max(1.0, (endMs - n.at()) / (double) MINUTE_MS);
                session.insert(new NotableMention(n.key(), n.brand(), n.at(), n.category(), n.followers(),
                        n.shares(), n.shares() / ageMinutes, n.keywordCategory(), n.terms()));
                return true;
            });
        }
    }
}
