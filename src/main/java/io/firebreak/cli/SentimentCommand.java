package io.firebreak.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.firebreak.enrich.SentimentAnalyzer;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code firebreak sentiment}: one line of text in, one JSON object with score, label and language out. */
@Command(name = "sentiment", mixinStandardHelpOptions = true,
        description = {"Reads lines of text on stdin, writes one JSON object per line: score, label, lang.",
            "score: compound in [-1,1], null when unscored; label: negative, neutral, positive or unscored;",
            "lang: ISO 639-1 code, und (undetermined) or zxx (no words)."})
public final class SentimentCommand implements Callable<Integer> {

    @Option(names = "--lang", description = "Treat every line as this language instead of detecting it.")
    String lang;

    @Option(names = "--stats", description = "Print lines per second to stderr at the end.")
    boolean stats;

    @Override
    public Integer call() throws Exception {
        SentimentAnalyzer analyzer = SentimentAnalyzer.standard();
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
        var out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        long lines = 0;
        long start = System.nanoTime();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.setRootValueSeparator(null);
            for (String line; (line = in.readLine()) != null; lines++) {
                SentimentAnalyzer.Result r = analyzer.analyze(line, lang);
                json.writeStartObject();
                if (r.scored()) {
                    json.writeNumberField("score", Math.round(r.score() * 10_000) / 10_000.0);
                } else {
                    json.writeNullField("score");
                }
                json.writeStringField("label", r.label());
                json.writeStringField("lang", r.lang());
                json.writeEndObject();
                json.writeRaw('\n');
            }
        }
        if (stats) {
            double secs = (System.nanoTime() - start) / 1e9;
            System.err.printf("sentiment: %d lines in %.2f s, %.0f lines/s%n", lines, secs, lines / secs);
        }
        return 0;
    }
}
