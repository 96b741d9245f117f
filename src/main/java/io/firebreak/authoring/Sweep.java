package io.firebreak.authoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firebreak.alert.Alert;
import io.firebreak.alert.Lifecycle;
import io.firebreak.config.KebabYaml;
import io.firebreak.detect.Detection;
import io.firebreak.detect.DetectionSettings;
import io.firebreak.detect.RuleBook;
import io.firebreak.enrich.EnrichedMention;
import io.firebreak.service.Backtest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * A threshold sweep: the same recording replayed once per combination of settings, each through the
 * real partitions (early looks as live), scored against labelled incidents. The DRL is compiled once:
 * thresholds are facts, so a combination only swaps them; {@code detection.*} and {@code alerts.*} keys
 * sweep the engine's and the alert lifecycle's settings the same way.
 */
public final class Sweep {

    /** One swept key and its values: {@code negative-spike.min-count=10,20,40}, {@code detection.calm-max-z=1.5,2}. */
    public record Setting(String key, List<String> values) {

        /** Parses {@code key=v1,v2,...}. */
        public static Setting parse(String text) {
            int eq = text.indexOf('=');
            if (eq <= 0 || eq == text.length() - 1) {
                throw new IllegalArgumentException("--set '" + text + "': expected key=value[,value...] such as "
                        + "negative-spike.min-count=10,20,40");
            }
            String key = text.substring(0, eq).strip();
            if (!key.contains(".")) {
                throw new IllegalArgumentException("--set '" + text + "': the key names a rule id (or detection, alerts) "
                        + "and a setting: negative-spike.min-count");
            }
            List<String> values = new ArrayList<>();
            for (String v : text.substring(eq + 1).split(",")) {
                if (!v.isBlank()) {
                    values.add(v.strip());
                }
            }
            return new Setting(key, List.copyOf(values));
        }
    }

    /** How one combination did. {@code firstAlert} per incident, in the incidents' order; null when missed. */
    public record Row(Map<String, String> settings, int alerts, int falseAlarms, double falseAlarmsPer30Days,
                      int missed, List<Instant> firstAlert, List<Duration> timeToFirstAlert) {}

    /** What the sweep ran over. */
    public record Report(String input, long mentions, double days, Incidents incidents, List<Row> rows) {}

    private final RuleBook book;
    private final Path rulesDir;
    private final Path thresholdsFile;
    private final Path detectionFile;
    private final Path alertsFile;
    private final boolean early;

    public Sweep(RuleBook book, Path rulesDir, Path thresholdsFile, Path detectionFile, Path alertsFile, boolean early) {
        this.book = book;
        this.rulesDir = rulesDir;
        this.thresholdsFile = thresholdsFile;
        this.detectionFile = detectionFile;
        this.alertsFile = alertsFile;
        this.early = early;
    }

    /** Every combination of the settings' values, first setting slowest: what {@link #run} replays. */
    public static List<Map<String, String>> combinations(List<Setting> settings) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Setting s : settings) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String v : s.values()) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(s.key(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    /**
     * Checks every combination's settings before anything is replayed, so a typo fails in a second, not
     * after the first hour of a long sweep.
     */
    public void check(List<Map<String, String>> combos) {
        for (Map<String, String> c : combos) {
            configure(c);
        }
    }

    /**
     * @param mentions the recording, enriched, in event-time order
     * @param progress told how many mentions are done, over all combinations
     */
    public Report run(String input, List<EnrichedMention> mentions, Incidents incidents, List<Map<String, String>> combos,
                      LongConsumer progress) {
        check(combos);
        List<Row> rows = new ArrayList<>();
        long base = 0;
        double days = mentions.isEmpty() ? 0 : Duration.between(mentions.get(0).mention().createdAt(),
                mentions.get(mentions.size() - 1).mention().createdAt()).toMinutes() / 1440.0;
        for (Map<String, String> c : combos) {
            Configured conf = configure(c);
            long offset = base;
            List<Alert> versions;
            try (Backtest b = new Backtest(conf.detection, conf.lifecycle)) {
                versions = b.replayEnriched(mentions, done -> progress.accept(offset + done));
            }
            base += mentions.size();
            rows.add(score(c, versions, incidents, days));
        }
        return new Report(input, mentions.size(), days, incidents, rows);
    }

    static Row score(Map<String, String> settings, List<Alert> versions, Incidents incidents, double days) {
        Map<String, Alert> opened = new LinkedHashMap<>();
        for (Alert a : versions) {
            opened.putIfAbsent(a.alertId(), a);
        }
        int falseAlarms = 0;
        for (Alert a : opened.values()) {
            boolean caught = incidents.all().stream().anyMatch(i -> i.covers(a.brand(), a.firedAt()));
            if (!caught) {
                falseAlarms++;
            }
        }
        List<Instant> first = new ArrayList<>();
        List<Duration> ttd = new ArrayList<>();
        int missed = 0;
        for (Incidents.Incident i : incidents.all()) {
            Instant f = opened.values().stream().filter(a -> i.covers(a.brand(), a.firedAt())).map(Alert::firedAt)
                    .min(Instant::compareTo).orElse(null);
            first.add(f);
            ttd.add(f == null ? null : Duration.between(i.start(), f));
            if (f == null) {
                missed++;
            }
        }
        double per30 = days <= 0 ? 0 : falseAlarms * 30.0 / days;
        return new Row(settings, opened.size(), falseAlarms, per30, missed, first, ttd);
    }

    private record Configured(Detection detection, Lifecycle lifecycle) {}

    private Configured configure(Map<String, String> combo) {
        ObjectNode thresholds = thresholdsTree();
        ObjectNode detection = KebabYaml.tree(detectionFile);
        ObjectNode alerts = KebabYaml.tree(alertsFile);
        for (Map.Entry<String, String> e : combo.entrySet()) {
            String key = e.getKey();
            int dot = key.indexOf('.');
            String target = key.substring(0, dot);
            String path = key.substring(dot + 1);
            ObjectNode root = switch (target) {
                case "detection" -> detection;
                case "alerts" -> alerts;
                default -> {
                    if (!thresholds.has(target) && target.equals(RuleBook.DECISIONS)) {
                        thresholds.putObject(RuleBook.DECISIONS);
                    }
                    if (!thresholds.has(target)) {
                        throw new IllegalArgumentException("--set " + key + ": " + thresholdsFile + " has no rule '" + target
                                + "' (rules: " + String.join(", ", iterable(thresholds.fieldNames())) + "; or detection.*, alerts.*)");
                    }
                    yield (ObjectNode) thresholds.get(target);
                }
            };
            set(root, path, e.getValue());
        }
        DetectionSettings settings = KebabYaml.convert(detection, DetectionSettings.class, "--set detection.*");
        Lifecycle lifecycle = KebabYaml.convert(alerts, Lifecycle.class, "--set alerts.*");
        RuleBook swapped;
        try {
            swapped = book.withThresholds(thresholds, thresholdsFile);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("--set " + String.join(", ", combo.keySet()) + ": " + ex.getMessage());
        }
        return new Configured(new Detection(swapped, rulesDir, thresholdsFile, settings, early), lifecycle);
    }

    private ObjectNode thresholdsTree() {
        ObjectNode root = KebabYaml.tree(thresholdsFile);
        return root.deepCopy();
    }

    /** Sets a dotted path ({@code sev2.count}) to a value typed as YAML would type it. */
    private static void set(ObjectNode root, String path, String value) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (!(child instanceof ObjectNode)) {
                child = node.putObject(parts[i]);
            }
            node = (ObjectNode) child;
        }
        node.set(parts[parts.length - 1], typed(value));
    }

    private static JsonNode typed(String v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v.matches("-?\\d+")) {
            return f.numberNode(Long.parseLong(v));
        }
        if (v.matches("-?\\d*\\.\\d+(?:[eE]-?\\d+)?")) {
            return f.numberNode(Double.parseDouble(v));
        }
        if (v.equals("true") || v.equals("false")) {
            return f.booleanNode(Boolean.parseBoolean(v));
        }
        return f.textNode(v);
    }

    private static Iterable<String> iterable(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
