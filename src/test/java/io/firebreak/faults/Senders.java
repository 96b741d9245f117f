package io.firebreak.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Clients of the mentions API as a careful sender writes them: a 503 means wait as told and send the same again. */
final class Senders {

    /** What sending one body took, and the last answer (null when there was none). */
    record Sent(int finalStatus, int attempts, int refused, boolean retryAfterGiven, HttpResponse<String> answer) {}

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    final AtomicLong refusals = new AtomicLong();

    Senders(String apiUrl) {
        this.url = apiUrl + "/api/v1/mentions";
    }

    /** Sends once; a connection that fails counts as status 0 (no answer: nothing acknowledged). */
    HttpResponse<String> once(String body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-ndjson")
                    .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Sends until the answer is not 503 (or there is no answer), waiting what Retry-After says; at most {@code within}. */
    Sent untilAccepted(String body, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        int attempts = 0;
        int refused = 0;
        boolean told = true;
        while (true) {
            attempts++;
            HttpResponse<String> r = once(body);
            if (r != null && r.statusCode() != 503) {
                return new Sent(r.statusCode(), attempts, refused, told, r);
            }
            if (System.nanoTime() > deadline) {
                return new Sent(r == null ? 0 : 503, attempts, refused, told, r);
            }
            long wait = 1;
            if (r != null) {
                refused++;
                refusals.incrementAndGet();
                String after = r.headers().firstValue("Retry-After").orElse(null);
                told &= after != null;
                wait = after == null ? 1 : Math.max(1, Long.parseLong(after.trim()));
            }
            Thread.sleep(Math.min(wait, 5) * 1000);
        }
    }

    /** NDJSON lines of {@code count} plain mentions of brand acme, ids {@code prefix-from ..}, one second apart. */
    static String lines(String prefix, int from, int count, java.time.Instant start) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            out.append("{\"id\":\"").append(prefix).append('-').append(i).append("\",\"source\":\"fault\",\"created_at\":\"")
                    .append(start.plusMillis(i * 10L)).append("\",\"brand\":\"acme\",\"text\":\"flew with acme today, ")
                    .append(i % 7 == 0 ? "the crew was rude" : "all fine").append("\"}\n");
        }
        return out.toString();
    }
}
