package io.firebreak.authoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.firebreak.alert.Alert;
import io.firebreak.alert.Lifecycle;
import io.firebreak.detect.BrandWindow;
import io.firebreak.detect.Detection;
import io.firebreak.detect.DetectionSettings;
import io.firebreak.detect.RuleBook;
import io.firebreak.detect.Span;
import io.firebreak.detect.Thresholds;
import io.firebreak.enrich.EnrichedMention;
import io.firebreak.enrich.Enricher;
import io.firebreak.service.Backtest;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * {@code firebreak rules test}: every fixture in a folder run through the real engine, the partitions a
 * backtest (and live ingest) runs, early looks included, on the mentions' own time. Each expectation is
 * checked against the alert versions decided; a miss is told with what was expected, what fired and
 * the brand's window figures at that minute. Every rule must have a firing fixture and a quiet one.
 */
public final class RuleTests {

    private static final String COVERAGE = "coverage";

    private final RuleBook book;
    private final Detection detection;
    private final Lifecycle lifecycle;
    private final Supplier<Enricher> enricher;
    private final Recordings recordings;

    /** @param book the compiled rules and thresholds under test; they run with early looks on, as live */
    public RuleTests(RuleBook book, Path rulesDir, Path thresholdsFile, DetectionSettings settings, Lifecycle lifecycle,
                     Supplier<Enricher> enricher, Recordings recordings) {
        this.book = book;
        this.detection = new Detection(book, rulesDir, thresholdsFile, settings, true);
        this.lifecycle = lifecycle;
        this.enricher = enricher;
        this.recordings = recordings;
    }

    /** Every {@code *.yaml} in {@code dir}, in name order, then the coverage check over the rule ids. */
    public List<TestResult> runAll(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        }
        List<TestResult> results = new ArrayList<>();
        List<Fixture> loaded = new ArrayList<>();
        for (Path f : files) {
            long t0 = System.nanoTime();
            try {
                Fixture fixture = Fixture.load(f);
                loaded.add(fixture);
                results.add(run(fixture));
            } catch (Fixture.Invalid e) {
                results.add(new TestResult(suiteOf(f), f.toString(), null, List.of(), e.problems, since(t0)));
            }
        }
        results.add(coverage(dir, ruleIds(book), loaded));
        return results;
    }

    /** The rule ids of the compiled rules: a rule's name up to its first colon. */
    public static Set<String> ruleIds(RuleBook book) {
        Set<String> ids = new TreeSet<>();
        for (KiePackage p : book.kieBase().getKiePackages()) {
            for (Rule r : p.getRules()) {
                int colon = r.getName().indexOf(':');
                ids.add(colon < 0 ? r.getName().strip() : r.getName().substring(0, colon).strip());
            }
        }
        return ids;
    }

    /** Runs one fixture and checks each of its expectations. */
    TestResult run(Fixture f) throws IOException {
        long t0 = System.nanoTime();
        List<EnrichedMention> mentions;
        try {
            mentions = FixtureInput.mentions(f, enricher, recordings);
        } catch (IOException e) {
            return new TestResult(f.id(), f.file().toString(), f.name(), List.of(), List.of(f.file() + ": " + e.getMessage()),
                    since(t0));
        }
        List<Alert> versions = replay(mentions);
        double replaySeconds = since(t0);
        // the end of the last minute with a mention: the replay's last final minute
        Instant end = f.end() != null ? f.end() : mentions.isEmpty() ? f.start() : Instant.ofEpochMilli(
                (Math.floorDiv(mentions.get(mentions.size() - 1).mention().createdAt().toEpochMilli(), 60_000) + 1) * 60_000);
        List<TestResult.Case> cases = new ArrayList<>();
        for (Expectation e : f.expectations()) {
            long c0 = System.nanoTime();
            cases.add(check(f, e, versions, mentions, end, c0));
        }
        return new TestResult(f.id(), f.file().toString(), f.name(), cases, List.of(), replaySeconds);
    }

    private List<Alert> replay(List<EnrichedMention> mentions) {
        try (Backtest b = new Backtest(detection.fresh(), lifecycle)) {
            return b.replayEnriched(mentions);
        }
    }

    private TestResult.Case check(Fixture f, Expectation e, List<Alert> versions, List<EnrichedMention> mentions,
                                  Instant end, long c0) {
        if (e instanceof Expectation.AlertExpected a) {
            String name = a.describe(f.start());
            Map<String, String> openedBy = new java.util.HashMap<>();
            versions.forEach(v -> openedBy.putIfAbsent(v.alertId(), v.rule()));
            Alert first = versions.stream().filter(v -> a.matches(v, openedBy.get(v.alertId()))).findFirst().orElse(null);
            Instant from = a.at().minus(a.within());
            Instant to = a.at().plus(a.within());
            if (first != null && !first.updatedAt().isBefore(from) && !first.updatedAt().isAfter(to)) {
                return new TestResult.Case(name, a.rule(), a.line(), true, null, null, since(c0));
            }
            String message = first == null ? "no alert version matched"
                    : "the first matching version came at " + Offsets.since(f.start(), first.updatedAt())
                            + ", outside " + Offsets.since(f.start(), from) + ".." + Offsets.since(f.start(), to);
            StringBuilder d = new StringBuilder();
            d.append("expected: ").append(name).append(" (").append(f.file()).append(':').append(a.line()).append(")\n");
            d.append("          a version with rule=").append(a.rule()).append(field("brand", a.brand()))
                    .append(field("category", a.category())).append(field("severity", a.severity()))
                    .append(field("status", a.status())).append(field("change", a.change()))
                    .append(a.early() == null ? "" : a.early() ? " from an early look" : " from a final minute")
                    .append(", first decided between ").append(at(f, from)).append(" and ").append(at(f, to)).append('\n');
            fired(d, f, versions.stream().filter(a::related).toList());
            Instant probe = first != null && first.updatedAt().isBefore(from) ? first.updatedAt() : a.at();
            figures(d, f, mentions, a.brand() != null ? a.brand() : brandOf(mentions), probe, a.rule());
            return new TestResult.Case(name, a.rule(), a.line(), false, message, d.toString(), since(c0));
        }
        Expectation.SilenceExpected s = (Expectation.SilenceExpected) e;
        Expectation.SilenceExpected bounded = s.to() != null ? s
                : new Expectation.SilenceExpected(s.rule(), s.brand(), s.category(), s.from(), end, s.line());
        List<Alert> breaking = versions.stream().filter(bounded::breaks).toList();
        if (breaking.isEmpty()) {
            return new TestResult.Case(bounded.describe(f.start()), s.rule(), s.line(), true, null, null, since(c0));
        }
        Alert first = breaking.get(0);
        StringBuilder d = new StringBuilder();
        d.append("expected: ").append(bounded.describe(f.start())).append(" (").append(f.file()).append(':')
                .append(s.line()).append(")\n");
        fired(d, f, breaking);
        figures(d, f, mentions, first.brand(), first.updatedAt(),
                Expectation.SilenceExpected.ANY.equals(s.rule()) ? first.rule() : s.rule());
        return new TestResult.Case(bounded.describe(f.start()), s.rule(), s.line(), false,
                breaking.size() + " alert version(s) in the interval, the first " + first.rule() + " " + first.severity()
                        + " at " + Offsets.since(f.start(), first.updatedAt()), d.toString(), since(c0));
    }

    private static void fired(StringBuilder d, Fixture f, List<Alert> versions) {
        if (versions.isEmpty()) {
            d.append("fired:    nothing\n");
            return;
        }
        d.append("fired:\n");
        versions.stream().limit(12).forEach(v -> d.append(String.format(Locale.ROOT,
                "  %-7s %-34s v%-2d %-11s %-22s %s %-9s%s%n", Offsets.since(f.start(), v.updatedAt()), v.alertId(),
                v.version(), v.change(), v.rule(), v.severity(), v.status(), v.provisional() ? " early" : "")));
        if (versions.size() > 12) {
            d.append("  ... and ").append(versions.size() - 12).append(" more\n");
        }
    }

    /**
     * The brand's windows as the rules saw them at the end of the minute ending at {@code at}: the
     * fixture replayed again up to that minute, every span's figures by the names rules use.
     */
    private void figures(StringBuilder d, Fixture f, List<EnrichedMention> mentions, String brand, Instant at, String rule) {
        if (brand == null) {
            return;
        }
        List<EnrichedMention> upTo = mentions.stream().filter(m -> m.mention().createdAt().isBefore(at)).toList();
        d.append("windows of ").append(brand).append(" at ").append(at(f, at)).append(" (final minutes up to then):\n");
        try (Backtest b = new Backtest(detection.fresh().withEarly(false), lifecycle)) {
            b.replayEnriched(upTo);
            for (Span span : Span.values()) {
                BrandWindow w = b.partitions().window(brand, span);
                d.append(String.format(Locale.ROOT, "  %-4s %s%n", span.id(), w == null ? "no mentions yet" : figures(w)));
            }
        }
        Thresholds t = book.thresholds().stream().filter(x -> x.rule().equals(rule)).findFirst().orElse(null);
        if (t != null) {
            d.append(rule).append(" thresholds: ").append(thresholds(t)).append('\n');
        }
    }

    static String figures(BrandWindow w) {
        StringBuilder b = new StringBuilder();
        for (RecordComponent c : BrandWindow.class.getRecordComponents()) {
            String n = c.getName();
            if (n.equals("brand") || n.equals("span") || n.equals("topMentions") || n.equals("topTerms")) {
                continue;
            }
            try {
                Object v = c.getAccessor().invoke(w);
                b.append(n).append('=').append(v instanceof Double x ? number(x) : v).append(' ');
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return b.toString().strip();
    }

    private static final ObjectMapper KEBAB = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    /** A rule's thresholds as written in thresholds.yaml, the ones it sets. */
    static String thresholds(Thresholds t) {
        Map<String, Object> all = KEBAB.convertValue(t, LinkedHashMap.class);
        StringBuilder b = new StringBuilder();
        all.forEach((k, v) -> {
            if (!k.equals("rule") && v != null && !(v instanceof Number n && n.doubleValue() == 0)) {
                b.append(k).append(' ').append(v instanceof Double x ? number(x) : v).append(", ");
            }
        });
        return b.length() == 0 ? "(none)" : b.substring(0, b.length() - 2);
    }

    private static String number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e12 ? String.valueOf((long) x) : String.format(Locale.ROOT, "%.2f", x);
    }

    private static String at(Fixture f, Instant t) {
        return Offsets.since(f.start(), t) + " (" + t + ")";
    }

    private static String field(String name, Object v) {
        return v == null ? "" : " " + name + "=" + v;
    }

    private static String brandOf(List<EnrichedMention> mentions) {
        return mentions.isEmpty() ? null : mentions.get(0).enrichment().brands().isEmpty() ? mentions.get(0).mention().brand()
                : mentions.get(0).enrichment().brands().get(0);
    }

    private TestResult coverage(Path dir, Set<String> ids, List<Fixture> fixtures) {
        List<TestResult.Case> cases = new ArrayList<>();
        for (String id : ids) {
            List<String> firing = new ArrayList<>();
            List<String> quiet = new ArrayList<>();
            for (Fixture f : fixtures) {
                for (Expectation e : f.expectations()) {
                    if (e instanceof Expectation.AlertExpected a && a.rule().equals(id)) {
                        firing.add(f.id());
                    } else if (e instanceof Expectation.SilenceExpected s
                            && (s.rule().equals(id) || s.rule().equals(Expectation.SilenceExpected.ANY))) {
                        quiet.add(f.id());
                    }
                }
            }
            cases.add(new TestResult.Case(id + ": has a firing fixture", id, 0, !firing.isEmpty(),
                    firing.isEmpty() ? "no fixture in " + dir + " expects an alert from " + id : null, null, 0));
            cases.add(new TestResult.Case(id + ": has a quiet fixture", id, 0, !quiet.isEmpty(),
                    quiet.isEmpty() ? "no fixture in " + dir + " expects silence from " + id + " (silence: " + id
                            + " or silence: any)" : null, null, 0));
        }
        return new TestResult(COVERAGE, dir.toString(), "every rule has a firing and a quiet fixture", cases, List.of(), 0);
    }

    private static String suiteOf(Path f) {
        return f.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    }

    private static double since(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
