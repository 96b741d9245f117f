package io.firebreak.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code firebreak run} in a process of its own, from the built jar, over a home of its own (a copy of the
 * shipped config, rules and routes with its own index prefix), so a test can kill it with SIGKILL.
 */
final class ChildService implements AutoCloseable {

    private final Path home;
    private final Map<String, String> env;
    private final int port;
    private Process process;

    /**
     * @param project the checkout (for target/firebreak.jar and target/classpath.txt)
     * @param env     the child's environment on top of this one's (FIREBREAK_ES_URL, SLACK_*, ...)
     */
    ChildService(Path project, Path home, String indexPrefix, int port, Map<String, String> env) throws IOException {
        this.home = home;
        this.port = port;
        this.env = env;
        for (String dir : new String[] {"config", "rules", "routes"}) {
            try (Stream<Path> files = Files.walk(project.resolve(dir))) {
                for (Path f : files.toList()) {
                    Path target = home.resolve(project.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        Path settings = home.resolve("config/firebreak.yaml");
        Files.writeString(settings, Files.readString(settings).replace("index_prefix: firebreak", "index_prefix: " + indexPrefix));
        Files.createDirectories(home.resolve("target"));
        Files.copy(project.resolve("target/firebreak.jar"), home.resolve("target/firebreak.jar"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(project.resolve("target/classpath.txt"), home.resolve("target/classpath.txt"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    String apiUrl() {
        return "http://127.0.0.1:" + port;
    }

    Path data() {
        return home.resolve("data");
    }

    /** Starts it and waits until /health says ready. */
    ChildService start() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = home.resolve("target/firebreak.jar") + ":" + Files.readString(home.resolve("target/classpath.txt")).strip();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-Dfirebreak.home=" + home, "-cp", classpath,
                "io.firebreak.cli.Firebreak", "run", "--port", String.valueOf(port)));
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("child.log").toFile()));
        pb.environment().putAll(env);
        process = pb.start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the child service exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(apiUrl() + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the child service was not ready within 2 minutes:\n" + log());
    }

    /** SIGKILL: no shutdown hook, no flush, nothing saved that was not saved already. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    String log() throws IOException {
        Path log = home.resolve("child.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
