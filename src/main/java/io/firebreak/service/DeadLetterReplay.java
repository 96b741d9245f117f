package io.firebreak.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.config.Home;
import io.firebreak.config.Settings;
import io.firebreak.ingest.Normaliser;
import io.firebreak.store.DeadLetters;
import io.firebreak.access.ClientCredentials;
import io.firebreak.access.Role;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists dead letters and replays them through the running service's own API, so a replayed
 * mention is validated, enriched, indexed and seen by detection exactly like a new one. An item
 * still rejected gets a fresh letter with today's reasons (and its original origin) in place of
 * the old one, so replaying twice never doubles the letters.
 */
public final class DeadLetterReplay {

    /** How a replay went. */
    public record Result(int tried, int indexed) {}

    private DeadLetterReplay() {}

    public static List<DeadLetters.Letter> list(Home home, Settings settings, int limit) {
        try (Backend backend = Backend.attach(home, settings)) {
            return new DeadLetters(backend.client(), backend.store(settings, true)).list(limit);
        }
    }

    public static Result replay(Home home, Settings settings, List<String> ids) throws Exception {
        return replay(home, settings, ids, System.getenv());
    }

    /** @param env where FIREBREAK_ADMIN_TOKEN (or FIREBREAK_API_TOKEN) and a signing secret come from */
    public static Result replay(Home home, Settings settings, List<String> ids, Map<String, String> env) throws Exception {
        RunState state = RunState.read(home).orElseThrow(() -> new IllegalStateException(
                "no running service to replay into: start it with ./firebreak run"));
        Backend backend = Backend.attach(home, settings);
        DeadLetters letters = new DeadLetters(backend.client(), backend.store(settings, state.embedded()));
        var http = HttpClient.newHttpClient();
        var credentials = ClientCredentials.fromEnvironment(settings.access().signatureSecretEnv(), env);
        var mapper = new ObjectMapper();
        var done = new ArrayList<String>();
        int tried = 0;
        int indexed = 0;
        for (DeadLetters.Letter letter : letters.list(10_000)) {
            if (!ids.isEmpty() && !ids.contains(letter.id())) {
                continue;
            }
            tried++;
            boolean csv = "csv".equals(letter.format());
            String body = csv ? letter.header() + "\n" + letter.raw() + "\n" : letter.raw();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            // a replay keeps the letter's origin, which only the admin token may ask for
            var request = credentials.authorize(HttpRequest.newBuilder(URI.create(state.apiUrl() + "/api/v1/mentions")),
                    Role.ADMIN, bytes);
            HttpResponse<String> response = http.send(request
                    .header("Content-Type", csv ? "text/csv" : "application/json")
                    .header(Normaliser.ORIGIN_HEADER, letter.origin())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                throw new IllegalStateException("the running service refused the replay (" + response.statusCode() + "): "
                        + response.body());
            }
            if (response.statusCode() == 200 || response.statusCode() == 422) {
                // answered: indexed now, or rejected again, and then the API kept a fresh letter with today's reasons
                done.add(letter.id());
                if (mapper.readTree(response.body()).path("indexed").asInt() > 0) {
                    indexed++;
                }
            }
        }
        letters.delete(done);
        return new Result(tried, indexed);
    }
}
