package io.firebreak.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.access.AccessTokens;
import io.firebreak.access.WebhookSignature;
import io.firebreak.config.Home;
import io.firebreak.config.Settings;
import io.firebreak.store.DeadLetters;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A service with both tokens and webhook signing on, walked through the access rules and the hostile
 * inputs over real HTTP, with the real embedded Elasticsearch (shared, indices of its own); it stays up
 * and answers each with a 4xx naming what is wrong. The table in docs/security.md points here.
 */
class HostileInputIT {

    static final String API = "it-api-token-5f1c2a9e7b3d";
    static final String ADMIN = "it-admin-token-8e2b6d4f1a0c";
    static final String SECRET_ENV = "FIREBREAK_IT_WEBHOOK_SECRET";
    static final String SECRET = "it-webhook-secret-3c7a9f";
    static final Map<String, String> ENV = Map.of(AccessTokens.API_ENV, API, AccessTokens.ADMIN_ENV, ADMIN, SECRET_ENV, SECRET);
    static final Settings.Limits LIMITS = new Settings.Limits(200_000, 50, 32, 100_000, 40, 256, 30, 2, 5_000, 100_000_000);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WebhookSignature SIGNER = new WebhookSignature(SECRET, Duration.ofMinutes(5));
    private static final HttpClient http = HttpClient.newHttpClient();
    private static FirebreakService service;
    private static Home home;
    private static Settings settings;
    private static LogCapture logs;

    @BeforeAll
    static void start() throws IOException {
        Path data = TestService.home().root().resolve("target/it-data/hostile");
        ScratchState.wipe(data);
        home = TestService.home().withData(data);
        settings = Settings.load(home.config("firebreak.yaml"), Map.of())
                .withElasticsearchUrl(TestService.get().elasticsearchUrl())
                .withIndexPrefix("hostile-" + Long.toString(System.nanoTime(), 36))
                .withFreeApiPort()
                .withAccess(new Settings.Access(SECRET_ENV, 300))
                .withLimits(LIMITS);
        logs = new LogCapture();
        service = FirebreakService.start(home, settings,
                Wirings.live(home, ENV, new PrintStream(OutputStream.nullOutputStream())), ENV);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (logs != null) {
            // no token or secret reaches the log, whatever was refused
            assertThat(String.join("\n", logs.lines())).doesNotContain(API, ADMIN, SECRET);
            logs.close();
        }
    }

    // ---- access ----

    @Test
    void access_tokensSignaturesAndWhoIsAllowedWhat() throws Exception {
        byte[] one = mention("acc-1", "fine").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> noToken = send(get("/api/v1/detection"));
        assertRefused(noToken, 401, "needs a bearer token");
        assertThat(noToken.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"firebreak\"");
        assertRefused(send(get("/metrics")), 401, "bearer token");
        assertRefused(send(get("/api/v1/detection").header("Authorization", "Bearer not-the-token-at-all")), 401, "not valid");
        assertThat(send(get("/api/v1/detection").header("Authorization", "Bearer " + API)).statusCode()).isEqualTo(200);
        assertThat(send(get("/health")).statusCode()).as("health stays open").isEqualTo(200);

        assertRefused(send(get("/api/v1/silences").header("Authorization", "Bearer " + API)), 403, "admin token");
        assertThat(send(get("/api/v1/silences").header("Authorization", "Bearer " + ADMIN)).statusCode()).isEqualTo(200);

        // mentions: a webhook signature is the credential; without one, or wrong, or stale, refused before parsing
        assertRefused(send(post("/api/v1/mentions", "application/json", one).header("Authorization", "Bearer " + API)),
                401, "signed bodies only");
        assertRefused(send(post("/api/v1/mentions", "application/json", one)
                .header(WebhookSignature.HEADER, SIGNER.sign("other".getBytes(StandardCharsets.UTF_8), Instant.now()))),
                401, "does not match");
        assertRefused(send(post("/api/v1/mentions", "application/json", one)
                .header(WebhookSignature.HEADER, SIGNER.sign(one, Instant.now().minusSeconds(900)))), 401, "the most is 300 s");
        HttpResponse<String> signed = send(signedPost("/api/v1/mentions", "application/json", one));
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);

        // a replay keeps an origin of its choosing: admin only
        assertRefused(send(signedPost("/api/v1/mentions", "application/json", one).header("X-Firebreak-Origin", "x.ndjson")
                .header("Authorization", "Bearer " + API)), 403, "admin token");
    }

    @Test
    void access_bindingBeyondLoopbackWithoutAToken_refusesToStart() {
        Settings exposed = new Settings(new Settings.Api("0.0.0.0", 0), settings.elasticsearch(), settings.ingest(),
                new Settings.Access("", 300), LIMITS);
        assertThatThrownBy(() -> FirebreakService.start(home, exposed, FirebreakService.Wiring.of(null, s -> { }), Map.of()))
                .hasMessageContaining("api.host is 0.0.0.0").hasMessageContaining(AccessTokens.API_ENV);
    }

    @Test
    void access_cliReplayUsesTheAdminTokenFromTheEnvironment() throws Exception {
        HttpResponse<String> rejected = send(signedPost("/api/v1/mentions", "application/json",
                "{\"id\":\"replay-1\",\"source\":\"hostile\",\"created_at\":\"2026-03-02T09:00:00Z\"}".getBytes(StandardCharsets.UTF_8)));
        assertThat(rejected.statusCode()).isEqualTo(422);
        service.store().refresh();
        DeadLetters.Letter letter = service.deadLetters().list(100).stream().filter(l -> l.raw().contains("replay-1"))
                .findFirst().orElseThrow();

        Map<String, String> apiOnly = Map.of(AccessTokens.API_ENV, API, AccessTokens.ADMIN_ENV, "", SECRET_ENV, SECRET);
        assertThatThrownBy(() -> DeadLetterReplay.replay(home, settings, List.of(letter.id()), apiOnly)).hasMessageContaining("403");
        DeadLetterReplay.Result result = DeadLetterReplay.replay(home, settings, List.of(letter.id()), ENV);
        assertThat(result.tried()).isEqualTo(1);
        assertThat(result.indexed()).as("still missing its text").isZero();
    }

    // ---- bodies ----

    @Test
    void contentTypes_only_theOnesTheRouteTakes() throws Exception {
        byte[] one = mention("ct-1", "fine").getBytes(StandardCharsets.UTF_8);
        assertRefused(send(signedPost("/api/v1/mentions", "text/plain", one)), 415, "application/json, application/x-ndjson, text/csv");
        assertRefused(send(signedPost("/api/v1/mentions", "application/x-www-form-urlencoded", one)), 415, "is not taken here");
        assertRefused(send(signedPost("/api/v1/mentions", "multipart/form-data; boundary=x", one)), 415, "is not taken here");
        assertRefused(send(signedPost("/api/v1/mentions", "application/json; charset=utf-16", one)), 415, "charset utf-16");
        assertRefused(send(signedPost("/api/v1/silences", "text/csv", "{}".getBytes(StandardCharsets.UTF_8))
                .header("Authorization", "Bearer " + ADMIN)), 415, "takes application/json");
        assertThat(send(signedPost("/api/v1/mentions", "application/json; charset=utf-8", one)).statusCode()).isEqualTo(200);
    }

    @Test
    void sizes_bodyItemsNestingStringsNumbers_areBounded() throws Exception {
        byte[] big = ("[" + mention("big", "x".repeat(250_000)) + "]").getBytes(StandardCharsets.UTF_8);
        assertRefused(send(signedPost("/api/v1/mentions", "application/json", big)), 413, "limits.max_body_bytes");

        String many = String.join("\n", Collections.nCopies(51, mention("many", "same")));
        assertRefused(send(signedPost("/api/v1/mentions", "application/x-ndjson", many.getBytes(StandardCharsets.UTF_8))),
                413, "limits.max_items (50)");

        String deep = "[".repeat(50_000) + "]".repeat(50_000);
        assertRefused(send(signedPost("/api/v1/mentions", "application/json", deep.getBytes(StandardCharsets.UTF_8))),
                400, "limits.max_nesting_depth");

        String longNumber = "{\"id\":\"n1\",\"source\":\"hostile\",\"created_at\":\"2026-03-02T09:00:00Z\",\"text\":\"t\","
                + "\"author\":{\"followers\":" + "7".repeat(100) + "}}";
        assertItemRefused(longNumber, "limits.max_number_chars");
        String beyondLong = longNumber.replace("7".repeat(100), "99999999999999999999");
        assertItemRefused(beyondLong, "author.followers: 99999999999999999999 is too large");
        assertThat(send(get("/health")).statusCode()).as("still up").isEqualTo(200);
    }

    @Test
    void text_encodingControlsDuplicatesAndInvisibleCharacters() throws Exception {
        byte[] latin1 = mention("enc-1", "caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(send(signedPost("/api/v1/mentions", "application/json", latin1)), 400, "not valid UTF-8: byte");

        assertItemRefused(mention("ctl-1", "bell\\u0007"), "text: control character U+0007");
        assertItemRefused("{\"id\":\"d1\",\"source\":\"hostile\",\"created_at\":\"2026-03-02T09:00:00Z\",\"text\":\"a\",\"text\":\"b\"}",
                "Duplicate field 'text'");
        assertItemRefused(mention("zw\\u200b1", "fine"), "id: character U+200B");

        // a zero-width space inside the brand's name does not hide the mention from Acme's watchers
        HttpResponse<String> hidden = send(signedPost("/api/v1/mentions", "application/json",
                mention("zw-text", "Ac\\u200bme Air lost my bag").getBytes(StandardCharsets.UTF_8)));
        assertThat(hidden.statusCode()).as(hidden.body()).isEqualTo(200);
        service.store().refresh();
        var doc = service.client().search(s -> s.index(service.store().alias())
                .query(q -> q.term(t -> t.field("id").value("zw-text"))), JsonNode.class).hits().hits();
        assertThat(doc).singleElement().satisfies(h -> assertThat(h.source().toString()).contains("acme"));
    }

    // ---- silences ----

    @Test
    void silences_expiryFieldsIdsAndWhoCreatedThem() throws Exception {
        String soon = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS).toString();
        assertRefused(silence("{\"brand\":\"acme\"}"), 400, "expires_at: required");
        assertRefused(silence("{\"brand\":\"acme\",\"expires_at\":\"2099-01-01T00:00:00Z\"}"), 400, "limits.silence_max_days");
        assertRefused(silence("{\"brand\":\"acme\",\"expires_at\":\"" + soon + "\",\"mute\":true}"), 400, "unknown field 'mute'");
        assertRefused(silence("{\"brand\":\"acme\",\"expires_at\":\"" + soon + "\",\"created_by\":\"the-ceo\"}"), 400,
                "created_by: not taken from the body");
        assertRefused(silence("{\"brand\":\"acme\",\"expires_at\":\"" + soon + "\",\"id\":\"../../etc\"}"), 400, "id: letters");

        HttpResponse<String> added = silence("{\"id\":\"hostile-1\",\"brand\":\"acme\",\"expires_at\":\"" + soon + "\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(JSON.readTree(added.body()).get("created_by").asText()).isEqualTo("admin-token");
        assertRefused(silence("{\"id\":\"hostile-1\",\"category\":\"pricing\",\"expires_at\":\"" + soon + "\"}"), 409, "exists");
    }

    // ---- the drop folder ----

    @Test
    void dropFolder_poisonFilesGoToFailedWithAReason_andAHundredThousandLinesAreReadInPieces() throws Exception {
        Path drop = service.dropDir();
        Files.writeString(drop.resolve("unknown.csv"), "colour,flavour\nred,sweet\n");
        byte[] notUtf8 = mention("bad-enc", "caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(drop.resolve("latin1.ndjson"), notUtf8);

        awaitFile(drop.resolve("failed/unknown.csv"), 30);
        assertThat(Files.readString(drop.resolve("failed/unknown.csv.reason")))
                .contains("no CSV mapping in config/csv matches the header [colour, flavour]").contains("attempts: 2");
        awaitFile(drop.resolve("failed/latin1.ndjson"), 30);
        assertThat(Files.readString(drop.resolve("failed/latin1.ndjson.reason"))).contains("not valid UTF-8");

        var lines = new StringBuilder();
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        for (int i = 0; i < 100_000; i++) {
            lines.append("{\"id\":\"").append(i).append("\",\"source\":\"hostile-big\",\"created_at\":\"")
                    .append(start.plusSeconds(i)).append("\",\"text\":\"line ").append(i).append("\"}\n");
        }
        lines.append("{\"id\":\"last\",\"source\":\"hostile-big\"}\n");
        Files.writeString(drop.resolve("big.ndjson.part"), lines);
        Files.move(drop.resolve("big.ndjson.part"), drop.resolve("big.ndjson"));

        awaitFile(drop.resolve("done/big.ndjson"), 180);
        service.store().refresh();
        long stored = service.client().count(c -> c.index(service.store().alias())
                .query(q -> q.term(t -> t.field("source").value("hostile-big")))).count();
        assertThat(stored).isEqualTo(100_000);
        assertThat(service.deadLetters().list(200)).anySatisfy(l -> {
            assertThat(l.origin()).isEqualTo("big.ndjson");
            assertThat(l.where()).as("the file's own line number").isEqualTo("line 100001");
        });
    }

    // ---- what /metrics shows ----

    @Test
    void metrics_showIngestRejectsBulkAndQueues() throws Exception {
        String body = mention("m-1", "counted") + "\n{\"id\":\"m-2\",\"source\":\"hostile\",\"created_at\":\"later\",\"text\":\"t\"}";
        assertThat(send(signedPost("/api/v1/mentions", "application/x-ndjson", body.getBytes(StandardCharsets.UTF_8))).statusCode())
                .isEqualTo(422);
        send(signedPost("/api/v1/mentions", "text/plain", body.getBytes(StandardCharsets.UTF_8)));

        String scrape = send(get("/metrics").header("Authorization", "Bearer " + API)).body();
        assertThat(series(scrape, "firebreak_mentions_accepted_total{source=\"hostile\"")).isGreaterThanOrEqualTo(1);
        assertThat(series(scrape, "firebreak_rejects_total{reason=\"created_at\"")).isGreaterThanOrEqualTo(1);
        assertThat(series(scrape, "firebreak_rejects_total{reason=\"media_type\"")).isGreaterThanOrEqualTo(1);
        assertThat(series(scrape, "firebreak_bulk_latency_seconds_count")).isGreaterThanOrEqualTo(1);
        assertThat(scrape).contains("firebreak_bulk_failures_total{kind=\"request\"}", "firebreak_bulk_failures_total{kind=\"item\"}",
                "firebreak_bulk_queue_depth ", "firebreak_outbox_pending ");
        assertThat(scrape).doesNotContain(API, ADMIN, SECRET);
    }

    // ---- helpers ----

    private static String mention(String id, String text) {
        return "{\"id\":\"" + id + "\",\"source\":\"hostile\",\"created_at\":\"2026-03-02T09:00:00Z\",\"brand\":\"acme\",\"text\":\""
                + text + "\"}";
    }

    private static double series(String scrape, String prefix) {
        return scrape.lines().filter(l -> l.startsWith(prefix)).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static void assertItemRefused(String item, String reason) throws Exception {
        HttpResponse<String> r = send(signedPost("/api/v1/mentions", "application/json", item.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(JSON.readTree(r.body()).at("/items/0/errors/0").asText()).contains(reason);
    }

    private static void assertRefused(HttpResponse<String> r, int status, String reason) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(JSON.readTree(r.body()).get("error").asText()).contains(reason);
    }

    private static HttpResponse<String> silence(String body) throws Exception {
        return send(post("/api/v1/silences", "application/json", body.getBytes(StandardCharsets.UTF_8))
                .header("Authorization", "Bearer " + ADMIN));
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(service.apiUrl() + path)).timeout(Duration.ofSeconds(60)).GET();
    }

    private static HttpRequest.Builder post(String path, String contentType, byte[] body) {
        return HttpRequest.newBuilder(URI.create(service.apiUrl() + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private static HttpRequest.Builder signedPost(String path, String contentType, byte[] body) {
        return post(path, contentType, body).header(WebhookSignature.HEADER, SIGNER.sign(body, Instant.now()));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitFile(Path file, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(file).as("within " + seconds + " s").exists();
    }
}
