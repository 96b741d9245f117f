package io.firebreak.service;

import io.firebreak.alert.Alert;
import io.firebreak.alert.AlertBook;
import io.firebreak.alert.AlertJournal;
import io.firebreak.alert.Lifecycle;
import io.firebreak.alert.Tracked;
import io.firebreak.detect.BaselineStore;
import io.firebreak.detect.BrandBaseline;
import io.firebreak.detect.BrandDetector;
import io.firebreak.detect.BrandWindow;
import io.firebreak.detect.Detection;
import io.firebreak.detect.Evaluation;
import io.firebreak.detect.Span;
import io.firebreak.enrich.EnrichedMention;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every brand's partition: its detection (windows, baseline, rules) and its alert book, behind a lock of
 * its own. Data flows one way inside it: mention → windows → rules → alert state → the {@link Sink},
 * which makes each decision durable before the lock is released, so a brand's decisions leave in the
 * order they were made. Brands never wait for each other, and no Elasticsearch call is made while a
 * partition is held. Live ingest and backtest both run this class.
 */
public final class Partitions implements AutoCloseable {

    /** Where a brand's decisions go, called under its partition's lock. */
    @FunctionalInterface
    public interface Sink {
        /**
         * @param finalUpTo the last final minute the book has decided
         * @param outcome   the alerts changed and the new versions
         */
        void decided(String brand, Instant finalUpTo, AlertBook.Outcome outcome);
    }

    /** What all partitions have done. */
    public record Counters(long mentions, long unbranded, BrandDetector.Counters detection, int brands, int openAlerts) {}

    private final Detection detection;
    private final Lifecycle lifecycle;
    private final Sink sink;
    private final Map<String, BrandBaseline> storedBaselines;
    private final Map<String, AlertJournal.BookState> storedBooks;
    private final Map<String, Partition> partitions = new ConcurrentHashMap<>();
    private final LongAdder mentions = new LongAdder();
    private final LongAdder unbranded = new LongAdder();

    /**
     * @param baselines what each brand's baseline was when last saved
     * @param books     what each brand's alert book was when last recorded
     */
    public Partitions(Detection detection, Lifecycle lifecycle, Map<String, BrandBaseline> baselines,
                      Map<String, AlertJournal.BookState> books, Sink sink) {
        this.detection = detection;
        this.lifecycle = lifecycle;
        this.sink = sink;
        this.storedBaselines = new ConcurrentHashMap<>(baselines);
        this.storedBooks = new ConcurrentHashMap<>(books);
        // a brand with open alerts is live from the start: its alerts must resolve even if it stays silent
        books.forEach((brand, book) -> {
            if (!book.open().isEmpty()) {
                partition(brand);
            }
        });
    }

    /** Partitions for a backtest: nothing stored, decisions to {@code sink}. */
    public static Partitions fresh(Detection detection, Lifecycle lifecycle, Sink sink) {
        return new Partitions(detection, lifecycle, Map.of(), Map.of(), sink);
    }

    /**
     * Counts a stored mention in the partition of every brand it names; {@code now} is the clock (the wall
     * clock live, null in a backtest).
     */
    public void accept(EnrichedMention em, Instant now) {
        mentions.increment();
        List<String> names = em.enrichment().brands();
        if (names.isEmpty()) {
            if (em.mention().brand() == null) {
                unbranded.increment();
                return;
            }
            names = List.of(em.mention().brand());
        }
        for (String name : names) {
            partition(name).accept(em, now);
        }
    }

    /**
     * Where a restart's replay of a brand's indexed mentions starts: a full window before its newest mention,
     * or before the first hour its saved baseline lacks, whichever is earlier (at most
     * {@link Detection#BASELINE_RELEARN} back). A service killed before it saved the baseline (an import's
     * history arrives in seconds, the baseline is saved every 30) then learns it again from the store,
     * instead of leaving the brand warming up with its spike rules quiet.
     */
    public Instant replayFrom(String brand, Instant newest) {
        Partition p = partitions.get(brand);
        BrandBaseline saved = p != null ? p.baseline() : storedBaselines.get(brand);
        Instant oldest = newest.minus(Detection.BASELINE_RELEARN);
        Instant unlearned = saved == null ? oldest : Instant.ofEpochSecond((saved.lastHour() + 1) * 3600);
        Instant from = unlearned.isBefore(newest) ? unlearned : newest;
        return (from.isBefore(oldest) ? oldest : from).minus(detection.history());
    }

    /** Counts a mention for one brand only: rebuilding that brand's state after a restart. */
    public void acceptFor(String brand, EnrichedMention em, Instant now) {
        partition(brand).accept(em, now);
    }

    /** What a person did to an alert: decided in its brand's partition like everything else about it. */
    public AlertBook.Acted act(AlertBook.Action action) {
        Partition p = partitions.get(action.brand());
        if (p == null) {
            return new AlertBook.Acted(AlertBook.Outcome.NONE, "no alert " + action.alertId());
        }
        return p.act(action);
    }

    /** The clock moved on: live brands close the minutes it made final. */
    public void advanceTo(Instant now) {
        for (Partition p : sorted()) {
            p.advanceTo(now);
        }
    }

    /** Makes every open minute final, as at the end of a replay. */
    public void finish() {
        for (Partition p : sorted()) {
            p.finish();
        }
    }

    /** The baselines that changed since last asked: for the background saver, never on the ingest path. */
    public Map<String, BrandBaseline> changedBaselines() {
        Map<String, BrandBaseline> out = new TreeMap<>();
        for (Partition p : sorted()) {
            BrandBaseline b = p.changedBaseline();
            if (b != null) {
                out.put(p.brand, b);
            }
        }
        return out;
    }

    /** Every brand's baseline now (for a final save). */
    public Map<String, BrandBaseline> baselines() {
        Map<String, BrandBaseline> out = new TreeMap<>();
        for (Partition p : sorted()) {
            BrandBaseline b = p.baseline();
            if (b != null) {
                out.put(p.brand, b);
            }
        }
        return out;
    }

    public List<Tracked> openAlerts() {
        List<Tracked> out = new ArrayList<>();
        for (Partition p : sorted()) {
            out.addAll(p.openAlerts());
        }
        return out;
    }

    /** The brand's latest window of a span as the rules saw it, or null. */
    public BrandWindow window(String brand, Span span) {
        Partition p = partitions.get(brand);
        return p == null ? null : p.window(span);
    }

    public Detection detection() {
        return detection;
    }

    public Counters counters() {
        BrandDetector.Counters total = new BrandDetector.Counters(0, 0, 0, 0, 0, 0, 0);
        int open = 0;
        for (Partition p : sorted()) {
            total = total.plus(p.counters());
            open += p.openAlerts().size();
        }
        return new Counters(mentions.sum(), unbranded.sum(), total, partitions.size(), open);
    }

    @Override
    public void close() {
        partitions.values().forEach(Partition::close);
    }

    private Partition partition(String brand) {
        Partition p = partitions.get(brand);
        return p != null ? p : partitions.computeIfAbsent(brand, this::create);
    }

    private Partition create(String brand) {
        AlertBook book = new AlertBook(brand, lifecycle);
        AlertJournal.BookState stored = storedBooks.remove(brand);
        if (stored != null) {
            book.restore(stored.finalUpTo(), stored.open());
        }
        return new Partition(brand, detection.newBrand(brand, storedBaselines.remove(brand)), book);
    }

    /** In brand order, so that clock ticks run in the same order live and in a replay. */
    private List<Partition> sorted() {
        List<Partition> all = new ArrayList<>(partitions.values());
        all.sort((a, b) -> a.brand.compareTo(b.brand));
        return all;
    }

    /** One brand: the single owner of its windows and its alerts. */
    private final class Partition {
        final String brand;
        private final BrandDetector detector;
        private final AlertBook book;

        Partition(String brand, BrandDetector detector, AlertBook book) {
            this.brand = brand;
            this.detector = detector;
            this.book = book;
            detector.watch(book.hasOpen());
        }

        synchronized void accept(EnrichedMention em, Instant now) {
            decide(detector.accept(em, now));
        }

        synchronized AlertBook.Acted act(AlertBook.Action action) {
            AlertBook.Acted acted = book.act(action);
            if (!acted.outcome().isEmpty()) {
                sink.decided(brand, book.finalUpTo(), acted.outcome());
            }
            detector.watch(book.hasOpen());
            return acted;
        }

        synchronized void advanceTo(Instant now) {
            decide(detector.advanceTo(now));
        }

        synchronized void finish() {
            decide(detector.finish());
        }

        synchronized BrandBaseline changedBaseline() {
            return detector.changedBaseline();
        }

        synchronized BrandBaseline baseline() {
            return detector.baseline();
        }

        synchronized List<Tracked> openAlerts() {
            return List.copyOf(book.open());
        }

        synchronized BrandWindow window(Span span) {
            return detector.window(span);
        }

        synchronized BrandDetector.Counters counters() {
            return detector.counters();
        }

        synchronized void close() {
            detector.close();
        }

        private void decide(List<Evaluation> evaluations) {
            for (Evaluation e : evaluations) {
                AlertBook.Outcome outcome = book.apply(e);
                if (!outcome.isEmpty()) {
                    sink.decided(brand, book.finalUpTo(), outcome);
                }
                // an open alert must hear of every minute, quiet ones too
                detector.watch(book.hasOpen());
            }
        }
    }

    /** A sink that keeps the versions in memory, in order: what a backtest writes. */
    public static final class Recorder implements Sink {
        private final List<Alert> versions = new ArrayList<>();
        private final java.util.function.Consumer<Alert> each;

        public Recorder(java.util.function.Consumer<Alert> each) {
            this.each = each;
        }

        @Override
        public synchronized void decided(String brand, Instant finalUpTo, AlertBook.Outcome outcome) {
            for (Alert a : outcome.versions()) {
                versions.add(a);
                each.accept(a);
            }
        }

        public synchronized List<Alert> versions() {
            return List.copyOf(versions);
        }
    }

    /** Brands whose books hold open alerts, by brand: for status. */
    Map<String, Integer> openByBrand() {
        Map<String, Integer> out = new HashMap<>();
        for (Partition p : sorted()) {
            int n = p.openAlerts().size();
            if (n > 0) {
                out.put(p.brand, n);
            }
        }
        return out;
    }
}
