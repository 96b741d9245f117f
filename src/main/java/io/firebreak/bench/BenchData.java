package io.firebreak.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firebreak.mention.Mention;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generated mentions for the benchmark: many brands, real people's sentences, event times in order.
 * Deterministic for a seed, so two runs index the same documents. The texts matter: enrichment costs
 * what its input makes it cost, and a few short templates would flatter it.
 */
final class BenchData {

    /**
     * Event time between consecutive mentions, about the rate the pipeline takes them (20,000 a second):
     * each brand's minutes are evaluated as often as in a real feed of that rate. A step of 30 ms made
     * the bench's 100 minutes of event time pass in 10 s of wall time, and every brand's per-minute
     * evaluation ran 600 times as often as it would live, charged to each mention.
     */
    static final long STEP_MICROS = 50;

    private static final String SHIPPED = "bench/review-snippets.txt";

    private final String name;
    private final List<String> texts;

    private BenchData(String name, List<String> texts) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException(name + " holds no texts");
        }
        this.name = name;
        this.texts = List.copyOf(texts);
    }

    /** The product-review sentences shipped with Firebreak (VADER's ground truth, MIT licence). */
    static BenchData shipped() {
        try (InputStream in = BenchData.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SHIPPED);
            }
            List<String> texts = lines(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return new BenchData(String.format("%,d product-review sentences (VADER ground truth)", texts.size()), texts);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + SHIPPED, e);
        }
    }

    /** Texts of one's own, one per line (a tweet's line breaks written as spaces), UTF-8. */
    static BenchData fromFile(Path file) {
        try {
            List<String> texts = lines(Files.readString(file, StandardCharsets.UTF_8));
            return new BenchData(String.format("%,d texts from %s", texts.size(), file.getFileName()), texts);
        } catch (IOException e) {
            throw new UncheckedIOException("reading bench texts " + file, e);
        }
    }

    private static List<String> lines(String content) {
        return content.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** What the texts are, for the report. */
    String name() {
        return name;
    }

    /**
     * {@code count} mentions from the texts in a seeded order, each naming its brand the ways posts do:
     * a handle in front, a hashtag behind, or the name before a colon.
     */
    List<Mention> mentions(int count, int brands, Instant start, String idPrefix, long seed) {
        var rnd = new SplittableRandom(seed);
        var out = new ArrayList<Mention>(count);
        for (int i = 0; i < count; i++) {
            String brand = "bench" + rnd.nextInt(brands);
            String text = texts.get(rnd.nextInt(texts.size()));
            String post = switch (rnd.nextInt(3)) {
                case 0 -> "@" + brand + " " + text;
                case 1 -> text + " #" + brand;
                default -> brand + ": " + text;
            };
            Instant at = start.plusNanos(i * STEP_MICROS * 1_000);
            out.add(new Mention(idPrefix + "-" + i, "bench", at, post, brand, null,
                    null, new Mention.Author(null, "user" + rnd.nextInt(10_000), rnd.nextInt(5_000), false),
                    new Mention.Engagement(rnd.nextInt(5), rnd.nextInt(20), 0), null));
        }
        return out;
    }

    /** NDJSON request bodies of {@code perBody} mentions each. */
    static List<String> ndjson(List<Mention> mentions, int perBody) {
        var mapper = new ObjectMapper();
        var bodies = new ArrayList<String>();
        var body = new StringBuilder();
        for (int i = 0; i < mentions.size(); i++) {
            body.append(json(mapper, mentions.get(i))).append('\n');
            if ((i + 1) % perBody == 0 || i == mentions.size() - 1) {
                bodies.add(body.toString());
                body.setLength(0);
            }
        }
        return bodies;
    }

    static String json(ObjectMapper mapper, Mention m) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", m.id());
        node.put("source", m.source());
        node.put("created_at", m.createdAt().toString());
        node.put("text", m.text());
        if (m.brand() != null) {
            node.put("brand", m.brand());
        }
        ObjectNode author = node.putObject("author");
        author.put("handle", m.author().handle());
        author.put("followers", m.author().followers());
        ObjectNode engagement = node.putObject("engagement");
        engagement.put("shares", m.engagement().shares());
        engagement.put("likes", m.engagement().likes());
        return node.toString();
    }
}
