package io.firebreak.detect;

import io.firebreak.config.Home;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every brand's detection shares: the settings, the crisis keywords, the compiled rules (swapped
 * whole on reload) and the per-source clocks. Makes the {@link BrandDetector}s; live ingest and backtest
 * alike come here, so both run the same code on the same files.
 */
public final class Detection {

    private static final Logger log = LoggerFactory.getLogger(Detection.class);

    private final Path rulesDir;
    private final Path thresholdsFile;
    private final DetectionSettings settings;
    private final CrisisKeywords keywords;
    private final SourceClocks sources;
    private final int ringMinutes;
    private final boolean early;
    private volatile RuleBook rules;
    private final Map<String, LongAdder> signalsByRule = new ConcurrentHashMap<>();

    /** @param early whether a growing wave gets early looks at its open minute (live does; a backtest may) */
    public Detection(RuleBook rules, Path rulesDir, Path thresholdsFile, DetectionSettings settings, boolean early) {
        this.rules = rules;
        this.rulesDir = rulesDir;
        this.thresholdsFile = thresholdsFile;
        this.settings = settings;
        this.keywords = new CrisisKeywords(settings.keywords());
        this.sources = new SourceClocks(settings.lateShareWarn());
        // ingest refuses mentions stamped further ahead than the skew: the windows keep that many minutes more
        this.ringMinutes = Span.SIXTY_MINUTES.minutes() + settings.latenessMinutes()
                + (int) Math.ceil(settings.maxClockSkew().toSeconds() / 60.0) + 4;
        this.early = early;
    }

    /** Detection over the shipped files: {@code rules/}, {@code config/thresholds.yaml}, {@code config/detection.yaml}. */
    public static Detection of(Home home, boolean early) {
        return of(home.rules(), home.config("thresholds.yaml"), DetectionSettings.load(home.config("detection.yaml")), early);
    }

    /** @throws IllegalStateException naming every problem (file:line) when the rules do not compile */
    public static Detection of(Path rulesDir, Path thresholdsFile, DetectionSettings settings, boolean early) {
        try {
            return new Detection(RuleBook.compile(rulesDir, thresholdsFile), rulesDir, thresholdsFile, settings, early);
        } catch (RuleBook.InvalidRules e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The same compiled rules and settings with a fresh set of source clocks: for evals replaying many streams. */
    public Detection fresh() {
        return withEarly(early);
    }

    /** The same compiled rules and settings, with or without early looks, and fresh source clocks. */
    public Detection withEarly(boolean earlyLooks) {
        return new Detection(rules, rulesDir, thresholdsFile, settings, earlyLooks);
    }

    /** A brand's detection, starting from its stored baseline (null for none). */
    public BrandDetector newBrand(String brand, BrandBaseline stored) {
        return new BrandDetector(brand, this, stored);
    }

    /**
     * Recompiles the rule and threshold files. On success every brand moves to the new rules at its next
     * minute, keeping its windows and notable events; on failure the old rules keep running and the
     * problems are returned. Compiling takes seconds and holds no lock, so ingest keeps flowing.
     */
    public List<RuleBook.Problem> reload() {
        long t0 = System.nanoTime();
        try {
            rules = RuleBook.compile(rulesDir, thresholdsFile);
        } catch (RuleBook.InvalidRules e) {
            e.problems().forEach(p -> log.error("rules not reloaded: {}", p));
            return e.problems();
        }
        log.info("rules reloaded: {} files in {} ms", rules.files().size(), (System.nanoTime() - t0) / 1_000_000);
        return List.of();
    }

    /**
     * How far back a restart relearns a brand's baseline from its indexed mentions, at most, when the saved
     * one is missing or behind (the service was killed before it saved): four weeks see every hour of the
     * week more than twice.
     */
    public static final Duration BASELINE_RELEARN = Duration.ofDays(28);

    /** How much event time before a brand's newest mention its windows need: what a restart rebuilds. */
    public Duration history() {
        return Duration.ofMinutes(Span.SIXTY_MINUTES.minutes() + settings.latenessMinutes() + 1);
    }

    /** Signals raised so far, by rule id (complete minutes and early looks). */
    public Map<String, Long> signalsByRule() {
        Map<String, Long> out = new TreeMap<>();
        signalsByRule.forEach((rule, n) -> out.put(rule, n.sum()));
        return out;
    }

    void counted(List<CrisisSignal> raised) {
        for (CrisisSignal s : raised) {
            signalsByRule.computeIfAbsent(s.rule(), r -> new LongAdder()).increment();
        }
    }

    public DetectionSettings settings() {
        return settings;
    }

    public SourceClocks sources() {
        return sources;
    }

    public boolean early() {
        return early;
    }

    public Path rulesDir() {
        return rulesDir;
    }

    public Path thresholdsFile() {
        return thresholdsFile;
    }

    RuleBook rules() {
        return rules;
    }

    CrisisKeywords keywords() {
        return keywords;
    }

    int ringMinutes() {
        return ringMinutes;
    }
}
