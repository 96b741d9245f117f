package io.firebreak.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Files in the drop folder and CSV over HTTP, on the shared real data. */
class FileDropIT {

    private static final Path SHARED = Path.of("..", "shared", "data");
    private static FirebreakService service;

    @BeforeAll
    static void start() {
        service = TestService.get();
    }

    @Test
    void airlineCsv_overHttp_gives14485UniqueTweets() throws Exception {
        Path file = SHARED.resolve("airline-tweets/Tweets.csv");
        assumeTrue(Files.exists(file), "shared data not present");

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(service.apiUrl() + "/api/v1/mentions"))
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        service.store().refresh();
        long airline = service.client().count(c -> c.index(service.store().alias())
                .query(q -> q.bool(b -> b.must(m -> m.term(t -> t.field("source").value("twitter")))
                        .must(m -> m.exists(e -> e.field("brand")))
                        .mustNot(m -> m.term(t -> t.field("brand").value("apple")))))).count();
        assertThat(airline).isEqualTo(14_485);
    }

    @Test
    void droppedFiles_areImportedAndMovedToDone_badLinesBecomeDeadLetters() throws Exception {
        Path drop = service.dropDir();
        String ndjson = """
                {"id":"d1","source":"it-drop","created_at":"2026-03-02T09:00:00Z","text":"dropped one"}
                {"id":"d2","source":"it-drop","created_at":"2026-03-02T09:00:00Z"}
                {"id":"d3","source":"it-drop","created_at":"2026-03-02T09:00:01Z","text":"dropped three"}
                """;
        Files.writeString(drop.resolve("batch.ndjson.part"), ndjson);
        Files.move(drop.resolve("batch.ndjson.part"), drop.resolve("batch.ndjson"));

        awaitFile(drop.resolve("done/batch.ndjson"));

        service.store().refresh();
        assertThat(count("it-drop")).isEqualTo(2);
        assertThat(service.deadLetters().list(100))
                .anySatisfy(l -> {
                    assertThat(l.origin()).isEqualTo("batch.ndjson");
                    assertThat(l.where()).isEqualTo("line 2");
                    assertThat(l.errors()).containsExactly("text: required");
                });
    }

    private static long count(String source) throws IOException {
        return service.client().count(c -> c.index(service.store().alias())
                .query(q -> q.term(t -> t.field("source").value(source)))).count();
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(file).exists();
    }
}
