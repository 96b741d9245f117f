package io.firebreak.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restart loop on a stand-in for the server (a tiny HTTP server that answers health, started by
 * a fake {@code bin/elasticsearch}), so both endings are seen in seconds: back after a death, and
 * reported for good when the restarts keep failing.
 */
class EmbeddedElasticsearchRestartTest {

    @TempDir
    Path dir;

    @Test
    void aServerThatDies_isStartedAgain_andOneThatCannotStart_isReportedForGood() throws Exception {
        Path home = fakeDistribution();
        var troubles = new CopyOnWriteArrayList<String>();
        try (var server = EmbeddedElasticsearch.start(dir, dir.resolve("data"), EmbeddedElasticsearch.Options.loopback(0, "64m"))) {
            server.onTrouble(() -> troubles.add(server.trouble().orElse("ok")));
            ProcessHandle first = server.server().orElseThrow();

            first.destroyForcibly();
            await(() -> troubles.contains("ok"), Duration.ofSeconds(60));
            assertThat(troubles.get(0)).startsWith("the embedded Elasticsearch exited with code ")
                    .endsWith("; restarting (attempt 1 of 3)");
            assertThat(server.trouble()).isEmpty();
            ProcessHandle second = server.server().orElseThrow();
            assertThat(second.pid()).isNotEqualTo(first.pid());

            // it dies again soon after, and now cannot start: the two restarts left fail, and that is said plainly
            Files.writeString(home.resolve("fail-to-start"), "");
            troubles.clear();
            second.destroyForcibly();
            await(() -> server.trouble().filter(t -> t.contains("was not restarted")).isPresent(), Duration.ofSeconds(60));

            assertThat(troubles).anySatisfy(t -> assertThat(t).endsWith("restarting (attempt 2 of 3)"))
                    .anySatisfy(t -> assertThat(t).contains("restarting (attempt 3 of 3), the last one failed: "
                            + "Elasticsearch exited with code 3 while starting"));
            assertThat(server.trouble().orElseThrow())
                    .contains("and was not restarted: 3 restarts failed or died within 10 min")
                    .contains("console.log");
        }
    }

    /** {@code data/elasticsearch/elasticsearch-9.2.0} with a start script that runs {@code FakeServer.java}. */
    private Path fakeDistribution() throws Exception {
        // as root the server runs as another user, who must be able to enter the test's folder
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path home = dir.resolve("data/elasticsearch/elasticsearch-" + EmbeddedElasticsearch.VERSION);
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("FakeServer.java"), """
                import com.sun.net.httpserver.HttpServer;
                import java.net.InetSocketAddress;

                public class FakeServer {
                    public static void main(String[] args) throws Exception {
                        var http = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 0);
                        http.createContext("/", x -> {
                            byte[] body = "{\\"status\\":\\"green\\"}".getBytes();
                            x.sendResponseHeaders(200, body.length);
                            x.getResponseBody().write(body);
                            x.close();
                        });
                        http.start();
                    }
                }
                """);
        Path script = home.resolve("bin/elasticsearch");
        Files.writeString(script, """
                #!/bin/bash
                # stands in for Elasticsearch: the same -E settings and -p pid file, the server's main class in its arguments
                home="$(cd "$(dirname "$0")/.." && pwd)"
                for a in "$@"; do case "$a" in -Ehttp.port=*) port="${a#-Ehttp.port=}";; esac; done
                while [ $# -gt 0 ]; do [ "$1" = "-p" ] && pidfile="$2"; shift; done
                if [ -e "$home/fail-to-start" ]; then echo "told to fail"; exit 3; fi
                echo $$ > "$pidfile"
                exec "$ES_JAVA_HOME/bin/java" "$home/FakeServer.java" "$port" "-Des.path.home=$home" %s
                """.formatted(EmbeddedElasticsearch.MAIN_CLASS));
        script.toFile().setExecutable(true, false);
        return home;
    }

    private static void await(BooleanSupplier condition, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within);
            }
            Thread.sleep(50);
        }
    }
}
