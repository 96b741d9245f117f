package io.firebreak.bench;

import io.firebreak.notify.SlackStandIn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Detection latency as a comms team feels it: from the HTTP request that pushes a brand over its
 * threshold to the alert's arrival at the Slack Web API (a local stand-in). Each trial uses a brand
 * of its own whose history is already past warm-up, so every trial is a first alert.
 */
final class DetectionLatency {

    private static final int HISTORY_HOURS = 30;
    private static final int PER_HOUR = 2;
    private static final int WAVE = 14;

    private final String apiUrl;
    private final SlackStandIn slack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DetectionLatency(String apiUrl, SlackStandIn slack) {
        this.apiUrl = apiUrl;
        this.slack = slack;
    }

    /** Calm history for every trial brand, ending a few minutes ago, so none is warming up. */
    void seed(int trials, Instant now) throws Exception {
        var body = new StringBuilder();
        int n = 0;
        Instant start = now.minus(Duration.ofHours(HISTORY_HOURS));
        // in event-time order across brands, as a real feed arrives: nothing is late
        for (int h = 0; h < HISTORY_HOURS; h++) {
            for (int k = 0; k < PER_HOUR; k++) {
                for (int t = 0; t < trials; t++) {
                    Instant at = start.plus(Duration.ofHours(h)).plusSeconds(k * 1_700L + t);
                    body.append(line("lat-" + t, "h" + h + "-" + k, at, "Flew with lat-" + t + " today, all fine"));
                    if (++n % 1_000 == 0) {
                        post(body.toString());
                        body.setLength(0);
                    }
                }
            }
        }
        if (!body.isEmpty()) {
            post(body.toString());
        }
    }

    /** Runs the trials one after another; returns each latency in milliseconds, sorted. */
    double[] measure(int trials) throws Exception {
        double[] millis = new double[trials];
        for (int t = 0; t < trials; t++) {
            String brand = "lat-" + t;
            var wave = new StringBuilder();
            Instant now = Instant.now();
            for (int k = 0; k < WAVE; k++) {
                wave.append(line(brand, "w" + k, now.minusMillis(WAVE - k),
                        "@" + brand + " passengers injured, this is dangerous and nobody helps"));
            }
            int seen = slack.calls().size();
            long t0 = System.nanoTime();
            post(wave.toString());
            millis[t] = (arrival(brand, seen, t0 + Duration.ofSeconds(30).toNanos()) - t0) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private long arrival(String brand, int from, long deadline) throws InterruptedException {
        while (System.nanoTime() < deadline) {
            List<SlackStandIn.Call> calls = slack.calls();
            for (int i = from; i < calls.size(); i++) {
                SlackStandIn.Call c = calls.get(i);
                if (c.method().equals("chat.postMessage") && c.body() != null && c.body().contains(brand)) {
                    return c.receivedNanos();
                }
            }
            Thread.sleep(1);
        }
        List<SlackStandIn.Call> calls = slack.calls();
        throw new IllegalStateException("no alert for " + brand + " reached the Slack stand-in within 30 s; calls since: "
                + calls.subList(from, calls.size()).stream().map(c -> c.method() + " " + c.status() + " "
                + (c.body() == null ? "" : c.body().substring(0, Math.min(300, c.body().length())))).toList());
    }

    private void post(String body) throws Exception {
        HttpResponse<String> r = http.send(io.firebreak.access.ClientCredentials.fromEnvironment("", System.getenv())
                .authorize(HttpRequest.newBuilder(URI.create(apiUrl + "/api/v1/mentions")), io.firebreak.access.Role.API)
                .header("Content-Type", "application/x-ndjson").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("ingest answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static String line(String brand, String id, Instant at, String text) {
        return "{\"id\":\"" + brand + "-" + id + "\",\"source\":\"bench\",\"created_at\":\"" + at + "\",\"brand\":\"" + brand
                + "\",\"text\":\"" + text + "\",\"author\":{\"handle\":\"someone\",\"followers\":100}}\n";
    }
}
