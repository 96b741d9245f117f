package io.firebreak.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firebreak.mention.Mention;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generated mentions for the benchmark: many brands, realistic short texts, event times spread over
 * an hour. Deterministic for a seed, so two runs index the same documents.
 */
final class BenchData {

    private static final String[] TEXTS = {
        "@%s flight delayed again, third time this month",
        "Loving the new app from %s, check-in took ten seconds",
        "%s support never answers, two hours on hold and nothing",
        "Just landed with %s, smooth and on time",
        "Is anyone else having trouble logging in to %s today?",
        "%s lost my bag and nobody can tell me where it is #fail",
        "Great crew on my %s flight this morning, thank you!",
        "Why does %s charge for water now? Ridiculous",
    };

    private BenchData() {}

    static List<Mention> mentions(int count, int brands, Instant start, String idPrefix, long seed) {
        var rnd = new SplittableRandom(seed);
        var out = new ArrayList<Mention>(count);
        for (int i = 0; i < count; i++) {
            String brand = "bench" + rnd.nextInt(brands);
            Instant at = start.plusMillis((long) i * 3_600_000L / count);
            out.add(new Mention(idPrefix + "-" + i, "bench", at, TEXTS[rnd.nextInt(TEXTS.length)].formatted(brand), brand, null,
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
