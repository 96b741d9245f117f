package io.firebreak.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pid file of the embedded server only ever stops that server, never a process that reused its pid. */
class EmbeddedElasticsearchTest {

    @TempDir
    Path base;
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopWhatWasStarted() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void aStalePidFileNamingAnotherLiveProcess_leavesItAlone() throws Exception {
        Path home = base.resolve("elasticsearch-" + EmbeddedElasticsearch.VERSION);
        Process sleep = start("sleep", "60");
        Path pidFile = pidFile(sleep.pid());

        EmbeddedElasticsearch.stopOrphan(pidFile, home);

        assertThat(sleep.waitFor(1, TimeUnit.SECONDS)).as("still running").isFalse();
        assertThat(sleep.isAlive()).isTrue();
    }

    @Test
    void anElasticsearchOfAnotherDistribution_isLeftAlone_too() throws Exception {
        Path home = base.resolve("elasticsearch-" + EmbeddedElasticsearch.VERSION);
        Process other = startLookingLikeServer(base.resolve("elsewhere/elasticsearch-" + EmbeddedElasticsearch.VERSION));

        EmbeddedElasticsearch.stopOrphan(pidFile(other.pid()), home);

        assertThat(other.waitFor(1, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void anOrphanThatIsThisServer_isStopped() throws Exception {
        Path home = base.resolve("elasticsearch-" + EmbeddedElasticsearch.VERSION);
        Files.createDirectories(home);
        Process orphan = startLookingLikeServer(home);
        awaitArguments(orphan);

        assertThat(EmbeddedElasticsearch.isServer(orphan.toHandle(), home)).isTrue();
        EmbeddedElasticsearch.stopOrphan(pidFile(orphan.pid()), home);

        assertThat(orphan.waitFor(5, TimeUnit.SECONDS)).as("stopped").isTrue();
    }

    @Test
    void aPidFileThatIsMissingOrGarbled_stopsNothing() throws Exception {
        Path home = base.resolve("elasticsearch-" + EmbeddedElasticsearch.VERSION);
        EmbeddedElasticsearch.stopOrphan(base.resolve("run/none.pid"), home);
        Path garbled = Files.writeString(base.resolve("garbled.pid"), "not a pid");
        EmbeddedElasticsearch.stopOrphan(garbled, home);
        // nothing to assert beyond "no exception": there was nothing to stop
    }

    @Test
    void extraSettings_cannotMoveTheServerOffLoopbackOrItsFiles() {
        var defaults = EmbeddedElasticsearch.Options.loopback(0, "512m");
        assertThatThrownBy(() -> defaults.secured(Map.of("network.host", "0.0.0.0"), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("network.host");
        assertThat(defaults.settings()).isEmpty();
        assertThat(defaults.https()).isFalse();
        assertThat(defaults.secured(Map.of("xpack.security.http.ssl.enabled", "true"), null, null).https()).isTrue();
    }

    /** A process whose arguments carry what the server's do: the distribution's home and the main class. */
    private Process startLookingLikeServer(Path home) throws Exception {
        // bash waits on its (open) stdin with a builtin: one process, no child left behind when it is stopped
        return start("bash", "-c", "read -t 60", "-Des.path.home=" + home,
                "-m", "org.elasticsearch.server/" + EmbeddedElasticsearch.MAIN_CLASS);
    }

    private Process start(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        started.add(p);
        return p;
    }

    private Path pidFile(long pid) throws Exception {
        Files.createDirectories(base.resolve("run"));
        return Files.writeString(base.resolve("run/es.pid"), pid + "\n");
    }

    private static void awaitArguments(Process p) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (p.info().arguments().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
