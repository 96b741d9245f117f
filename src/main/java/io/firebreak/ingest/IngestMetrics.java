package io.firebreak.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What ingest shows at {@code /metrics}: mentions accepted (stored) per source, and everything refused
 * by reason, whether a whole request (unauthorized, media_type, too_large, bad_input ...) or one item
 * (the field its first error names: created_at, text, json ...).
 *
 * <p>Tags come from what callers send, so their number is capped: after {@value #MAX_SOURCES} sources,
 * the rest count as source "other", and a reason that is not a plain field name counts as "other". A
 * sender inventing a new source per mention cannot grow the registry without bound.
 */
public final class IngestMetrics {

    static final int MAX_SOURCES = 100;
    private static final Pattern REASON = Pattern.compile("\\(?[a-z][a-z0-9_.]{0,39}\\)?");

    private final MeterRegistry registry;
    private final Map<String, Counter> accepted = new ConcurrentHashMap<>();
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Meters no one reads (tools and tests that run ingest without a registry). */
    public static IngestMetrics none() {
        return new IngestMetrics(new SimpleMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** {@code count} mentions of {@code source} stored. */
    public void accepted(String source, long count) {
        String tag = accepted.containsKey(source) || accepted.size() < MAX_SOURCES ? source : "other";
        accepted.computeIfAbsent(tag, s -> Counter.builder("firebreak_mentions_accepted")
                .description("mentions stored, by source").tag("source", s).register(registry)).increment(count);
    }

    /** One refusal: a whole request, a file, or one item of a batch. */
    public void rejected(String reason) {
        String tag = reason != null && REASON.matcher(reason).matches() ? reason.replace("(", "").replace(")", "") : "other";
        rejected.computeIfAbsent(tag, r -> Counter.builder("firebreak_rejects")
                .description("requests, files and items refused, by reason").tag("reason", r).register(registry)).increment();
    }

    /** The reason an item's first error names: "created_at: required" -> created_at, "(json): ..." -> json. */
    static String reasonOf(String error) {
        if (error == null) {
            return "other";
        }
        int colon = error.indexOf(':');
        return colon <= 0 ? "other" : error.substring(0, colon).strip();
    }
}
