package io.firebreak.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Silences over the HTTP API: add, list, refuse without expiry, remove. */
class SilencesApiIT {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aSilenceCanBeAddedListedAndRemoved_andOneWithoutExpiryIsRefused() throws Exception {
        String api = TestService.get().apiUrl() + "/api/v1/silences";

        String expires = java.time.Instant.now().plus(java.time.Duration.ofDays(7)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        HttpResponse<String> added = send(HttpRequest.newBuilder(URI.create(api)).POST(HttpRequest.BodyPublishers.ofString(
                "{\"id\":\"price-change\",\"brand\":\"acme\",\"category\":\"pricing\",\"expires_at\":\"" + expires + "\","
                        + "\"reason\":\"announced price change\"}")));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);

        HttpResponse<String> listed = send(HttpRequest.newBuilder(URI.create(api)).GET());
        assertThat(json.readTree(listed.body()).get("silences")).anySatisfy(s -> {
            assertThat(s.get("id").asText()).isEqualTo("price-change");
            assertThat(s.get("category").asText()).isEqualTo("pricing");
        });

        HttpResponse<String> noExpiry = send(HttpRequest.newBuilder(URI.create(api))
                .POST(HttpRequest.BodyPublishers.ofString("{\"brand\":\"acme\"}")));
        assertThat(noExpiry.statusCode()).isEqualTo(400);
        assertThat(noExpiry.body()).contains("expires_at");

        assertThat(send(HttpRequest.newBuilder(URI.create(api + "/price-change")).DELETE()).statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(URI.create(api + "/price-change")).DELETE()).statusCode()).isEqualTo(404);
        assertThat(json.readTree(send(HttpRequest.newBuilder(URI.create(api)).GET()).body()).get("silences")).isEmpty();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }
}
