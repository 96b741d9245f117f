package io.firebreak.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.config.Home;
import io.firebreak.config.Settings;
import io.firebreak.notify.SlackStandIn;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Firebreak against an Elasticsearch with security on, through its real front door: the embedded
 * distribution with TLS on HTTP (its own CA, trusted through {@code elasticsearch.ca_cert}) and a
 * user limited to Firebreak's indices. Mentions go in over HTTP, are indexed and alerted on; and no
 * secret (the cluster's password or API key, the Slack token, API tokens in the environment) shows
 * in the logs, the run-state file, {@code firebreak status}, {@code /metrics}, the health and
 * detection answers, the console or what Slack receives.
 */
class SecureElasticsearchIT {

    private static final Path ROOT = TestService.home().root();
    private static final String PATTERN = "secure-*";
    private static SecureCluster cluster;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTheSecuredCluster() throws Exception {
        cluster = SecureCluster.start(ROOT, ROOT.resolve("target/it-data/secure/es"), PATTERN);
    }

    @AfterAll
    static void stopIt() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void userAndPasswordFromTheEnvironment_overTls_mentionsIndexedAndAlertedOnTheConsole() throws Exception {
        Map<String, String> env = Map.of(
                "FIREBREAK_ES_URL", cluster.url(),
                "FIREBREAK_ES_USER", SecureCluster.USER,
                "FIREBREAK_ES_PASSWORD", cluster.password,
                "FIREBREAK_API_TOKEN", "api-token-" + System.nanoTime(),
                "FIREBREAK_ADMIN_TOKEN", "admin-token-" + System.nanoTime());
        Instance instance = instance("env", env);

        Exposure seen = run(instance, null);

        assertThat(seen.indexed).as("mentions stored through TLS as the limited user").isGreaterThan(400);
        assertThat(Files.readAllLines(instance.home().data().resolve("alerts.jsonl"))).as("alerts on the console").isNotEmpty();
        assertThat(seen.texts.get("console")).contains("Acme Air");
        assertThat(seen.texts.get("status")).contains("\"elasticsearch_url\":\"" + cluster.url() + "\"");
        seen.assertNoneOf(secrets(env));
    }

    @Test
    void credentialsInTheUrl_andSlack_noSecretInLogsStateStatusMetricsOrSlack() throws Exception {
        try (SlackStandIn slack = SlackStandIn.start()) {
            String withPassword = cluster.url().replace("https://", "https://" + SecureCluster.USER + ":" + cluster.password + "@");
            Map<String, String> env = Map.of(
                    "FIREBREAK_ES_URL", withPassword,
                    "SLACK_BOT_TOKEN", "xoxb-secure-" + System.nanoTime(),
                    "SLACK_API_URL", slack.apiUrl(),
                    "FIREBREAK_API_TOKEN", "api-token-" + System.nanoTime(),
                    "FIREBREAK_ADMIN_TOKEN", "admin-token-" + System.nanoTime());
            Instance instance = instance("url", env);

            Exposure seen = run(instance, slack);

            assertThat(seen.indexed).isGreaterThan(400);
            assertThat(slack.calls("chat.postMessage")).as("alerts reached Slack").isNotEmpty()
                    .allSatisfy(c -> assertThat(c.authorization()).isEqualTo("Bearer " + env.get("SLACK_BOT_TOKEN")));
            String shown = cluster.url().replace("https://", "https://" + SecureCluster.USER + ":****@");
            assertThat(seen.texts.get("run-state")).contains(shown);
            assertThat(seen.texts.get("status")).contains(shown);
            seen.assertNoneOf(secrets(env));
        }
    }

    @Test
    void credentialsTheClusterRefuses_stopTheStart_withAnErrorThatQuotesNeither() throws Exception {
        String apiKey = Base64.getEncoder().encodeToString(("unknown-id:api-key-secret-" + System.nanoTime())
                .getBytes(StandardCharsets.UTF_8));
        String wrongPassword = "wrong-password-" + System.nanoTime();
        for (Map<String, String> env : List.of(
                Map.of("FIREBREAK_ES_URL", cluster.url(), "FIREBREAK_ES_API_KEY", apiKey),
                Map.of("FIREBREAK_ES_URL", cluster.url().replace("https://", "https://" + SecureCluster.USER + ":" + wrongPassword + "@")))) {
            Instance instance = instance("refused", env);
            try (LogCapture logs = new LogCapture()) {
                assertThatThrownBy(() -> FirebreakService.start(instance.home(), instance.settings(),
                        Wirings.live(instance.home(), env, new PrintStream(new ByteArrayOutputStream(), true)), env))
                        .satisfies(e -> {
                            String all = chain(e);
                            assertThat(all).as("says why").containsIgnoringCase("authenticat");
                            assertThat(all).doesNotContain(apiKey).doesNotContain(wrongPassword).doesNotContain("api-key-secret");
                        });
                assertThat(String.join("\n", logs.lines())).doesNotContain(apiKey).doesNotContain(wrongPassword)
                        .doesNotContain("api-key-secret");
            }
        }
    }

    /** A service's home (its own data folder) and settings (its own indices, the cluster's CA as elasticsearch.ca_cert). */
    private record Instance(Home home, Settings settings, Map<String, String> env) {}

    private static Instance instance(String name, Map<String, String> env) throws Exception {
        Path data = ROOT.resolve("target/it-data/secure").resolve(name);
        ScratchState.wipe(data);
        Files.createDirectories(data);
        Home home = TestService.home().withData(data);
        Path file = data.resolve("firebreak.yaml");
        Files.writeString(file, Files.readString(home.config("firebreak.yaml"))
                .replace("ca_cert: \"\"", "ca_cert: \"" + cluster.caCert + "\""));
        Settings settings = Settings.load(file, env)
                .withIndexPrefix("secure-" + name + "-" + Long.toString(System.nanoTime(), 36))
                .withFreeApiPort();
        return new Instance(home, settings, env);
    }

    /**
     * Runs the service on the demo scenario over HTTP until every alert is delivered, and gathers
     * everything it shows to people: log lines, the run-state file, the status report, metrics,
     * health and detection answers, the console, and every Slack call's body.
     */
    private Exposure run(Instance instance, SlackStandIn slack) throws Exception {
        var seen = new Exposure();
        var console = new ByteArrayOutputStream();
        Map<String, String> env = instance.env();
        try (LogCapture logs = new LogCapture()) {
            try (var service = FirebreakService.start(instance.home(), instance.settings(),
                    Wirings.live(instance.home(), env, new PrintStream(console, true, StandardCharsets.UTF_8)), env)) {
                List<String> lines = DemoScenario.ndjson();
                for (int from = 0; from < lines.size(); from += 400) {
                    String body = String.join("\n", lines.subList(from, Math.min(lines.size(), from + 400)));
                    HttpResponse<String> r = post(service.apiUrl() + "/api/v1/mentions", body, env);
                    assertThat(r.statusCode()).isIn(200, 422);
                    seen.add("ingest answer", r.body());
                }
                LiveDetection detection = (LiveDetection) service.detection();
                detection.finish();
                detection.awaitDispatched(Duration.ofSeconds(60));
                service.store().refresh();
                seen.indexed = service.store().count();

                seen.add("run-state", Files.readString(RunState.file(instance.home())));
                StatusReport status = StatusReport.collect(instance.home(), instance.settings(), env);
                seen.add("status", new ObjectMapper().writeValueAsString(status));
                for (String path : List.of("/metrics", "/health", "/api/v1/detection")) {
                    seen.add(path, get(service.apiUrl() + path, env));
                }
            }
            seen.add("logs", String.join("\n", logs.lines()));
        }
        seen.add("console", console.toString(StandardCharsets.UTF_8));
        if (slack != null) {
            slack.calls().forEach(c -> seen.add("slack " + c.method(), c.body() + " " + c.form()));
        }
        return seen;
    }

    /** Every secret the environment holds, and the parts a careless message could show of them. */
    private static List<String> secrets(Map<String, String> env) {
        var secrets = new java.util.ArrayList<String>();
        for (String name : List.of("FIREBREAK_ES_PASSWORD", "FIREBREAK_ES_API_KEY", "SLACK_BOT_TOKEN", "FIREBREAK_API_TOKEN",
                "FIREBREAK_ADMIN_TOKEN")) {
            if (env.containsKey(name)) {
                secrets.add(env.get(name));
            }
        }
        secrets.add(cluster.password);
        return secrets;
    }

    /** With the API token from {@code env}: the service takes no request without it. */
    private HttpResponse<String> post(String url, String body, Map<String, String> env) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-ndjson")
                .header("Authorization", "Bearer " + env.get("FIREBREAK_API_TOKEN"))
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String get(String url, Map<String, String> env) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + env.get("FIREBREAK_API_TOKEN"))
                        .timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String chain(Throwable e) {
        var all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
            for (Throwable s : t.getSuppressed()) {
                all.append(s).append('\n');
            }
        }
        return all.toString();
    }

    /** What the service showed, by where it showed it. */
    private static final class Exposure {
        final Map<String, String> texts = new LinkedHashMap<>();
        long indexed;

        void add(String where, String text) {
            texts.merge(where, text, (a, b) -> a + "\n" + b);
        }

        void assertNoneOf(List<String> secrets) {
            assertThat(texts).containsKeys("logs", "run-state", "status", "/metrics", "console");
            assertThat(texts.get("logs")).as("something was logged").isNotBlank();
            texts.forEach((where, text) -> {
                for (String secret : secrets) {
                    assertThat(text).as("a secret in %s", where).doesNotContain(secret);
                }
            });
        }
    }
}
