package io.firebreak.authoring;

import io.firebreak.enrich.EnrichedMention;
import io.firebreak.enrich.Enrichment;
import io.firebreak.mention.Mention;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compact per-minute series of one brand's mentions, as a rule author writes it in a fixture:
 * {@code acme negative: 2x600 then 30x15} is 600 minutes of 2 negative mentions a minute, then 15 of 30.
 * The head is {@code <brand> <kind> [<category>]}; kind is negative, neutral, positive, or total (all
 * mentions, the rest beyond the brand's other series filled with neutral ones). Rates may be fractional
 * ({@code 0.25x1440}: one every 4 minutes) and are spread evenly, so the same fixture always gives the
 * same mentions. The mentions come out already enriched (tone, category, terms as written): a fixture
 * tests the rules, not the sentiment scorer; a mention file does go through enrichment.
 *
 * @param from      offset of the first minute from the fixture's start (option {@code from:}; {@code repeat: N}
 *                  writes the steps N times over)
 * @param steps     rate and length of each stretch, in order
 * @param text      the mentions' text (crisis keywords are found in it, as live)
 * @param terms     category terms the enrichment would have found (they become the alert's top terms)
 * @param followers each author's followers
 * @param shares    each mention's share count
 * @param reshares  the mentions are reshares of another post (not distinct voices)
 */
record MinuteSeries(String brand, Kind kind, String category, Duration from, List<Step> steps, String text,
                    List<String> terms, long followers, long shares, boolean reshares, int line) {

    enum Kind { negative, neutral, positive, total }

    record Step(double perMinute, long minutes) {}

    private static final Pattern HEAD = Pattern.compile("([A-Za-z0-9_.-]+)\\s+(negative|neutral|positive|total)(?:\\s+([a-z0-9-]+))?");
    private static final Pattern STEP = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*x\\s*(\\d+)\\s*(m|min|h)?");

    /** Parses {@code head: steps}; throws naming what is wrong. */
    static MinuteSeries parse(String head, String steps, int line) {
        Matcher h = HEAD.matcher(head.strip());
        if (!h.matches()) {
            throw new IllegalArgumentException("series '" + head + "': expected '<brand> <negative|neutral|positive|total> [category]'");
        }
        Kind kind = Kind.valueOf(h.group(2));
        String category = h.group(3);
        if (category != null && kind != Kind.negative) {
            throw new IllegalArgumentException("series '" + head + "': only negative mentions have a crisis category");
        }
        List<Step> parsed = new ArrayList<>();
        for (String part : steps.strip().split("\\s+then\\s+")) {
            Matcher s = STEP.matcher(part.strip());
            if (!s.matches()) {
                throw new IllegalArgumentException("series '" + head + "': '" + part.strip()
                        + "' is not <per-minute>x<minutes> (e.g. 2x600, 0.5x90, 30x2h)");
            }
            long n = Long.parseLong(s.group(2));
            parsed.add(new Step(Double.parseDouble(s.group(1)), "h".equals(s.group(3)) ? n * 60 : n));
        }
        String text = switch (kind) {
            case negative -> "so disappointed with " + h.group(1) + " today, never again";
            case positive -> "love what " + h.group(1) + " did here";
            default -> "just used " + h.group(1) + " again";
        };
        return new MinuteSeries(h.group(1), kind, category == null ? "other" : category, Duration.ZERO,
                List.copyOf(parsed), text, List.of(), 100, 0, false, line);
    }

    MinuteSeries with(Duration newFrom, String newText, List<String> newTerms, long newFollowers, long newShares,
                      boolean newReshares) {
        return new MinuteSeries(brand, kind, category, newFrom, steps, newText, newTerms, newFollowers, newShares,
                newReshares, line);
    }

    /** The steps {@code times} times over: a day's rhythm written once for a month of history. */
    MinuteSeries repeated(int times) {
        List<Step> all = new ArrayList<>(steps.size() * times);
        for (int i = 0; i < times; i++) {
            all.addAll(steps);
        }
        return new MinuteSeries(brand, kind, category, from, List.copyOf(all), text, terms, followers, shares, reshares, line);
    }

    long minutes() {
        return steps.stream().mapToLong(Step::minutes).sum();
    }

    /** How many mentions minute {@code i} (from the series' start) holds; 0 outside it. */
    int countAt(long i) {
        long offset = 0;
        for (Step s : steps) {
            if (i < offset + s.minutes) {
                long k = i - offset;
                // cumulative rounding: 0.25/min is one mention every 4 minutes, never a fraction
                return (int) (Math.floor((k + 1) * s.perMinute + 1e-9) - Math.floor(k * s.perMinute + 1e-9));
            }
            offset += s.minutes;
        }
        return 0;
    }

    /** The mentions of minute {@code i}, {@code n} of them, spread over the minute. */
    List<EnrichedMention> mentionsAt(Instant start, long i, int n, String idPrefix) {
        List<EnrichedMention> out = new ArrayList<>(n);
        long minuteMs = start.plus(from).toEpochMilli() + i * 60_000;
        Kind tone = kind == Kind.total ? Kind.neutral : kind;
        for (int k = 0; k < n; k++) {
            Instant at = Instant.ofEpochMilli(minuteMs + (long) ((k + 0.5) * 60_000 / n));
            String id = idPrefix + "-" + i + "-" + k;
            Mention m = new Mention(id, "fixture", at, text, brand, "en", null,
                    new Mention.Author("author-" + id, null, followers, false),
                    shares > 0 ? new Mention.Engagement(shares, 0, 0) : null,
                    reshares ? "fixture:original-" + brand : null);
            double score = switch (tone) {
                case negative -> -0.6;
                case positive -> 0.6;
                default -> 0.0;
            };
            out.add(new EnrichedMention(m, new Enrichment("en", true, score, tone.name(), List.of(brand),
                    tone == Kind.negative ? category : "other", tone == Kind.negative ? terms : List.of())));
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(brand + " " + kind + (kind == Kind.negative && !"other".equals(category)
                ? " " + category : "") + ":");
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            b.append(i == 0 ? " " : " then ").append(String.format(Locale.ROOT, "%sx%d",
                    s.perMinute == Math.rint(s.perMinute) ? String.valueOf((long) s.perMinute) : String.valueOf(s.perMinute),
                    s.minutes));
        }
        return b.toString();
    }
}
