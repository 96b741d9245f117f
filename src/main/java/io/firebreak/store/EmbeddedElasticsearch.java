package io.firebreak.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Elasticsearch 9.2.0 run as a child process on 127.0.0.1: the default when no cluster URL
 * is configured. The distribution arrives through Maven like any dependency (no other download).
 *
 * <p>Elasticsearch refuses to run as root, so as root the server runs as a system user created on
 * first use, with its files where that user can reach them: under the data directory when it can
 * enter it, otherwise under {@code /var/lib/firebreak}. The server is stopped on {@link #close()}
 * and by a shutdown hook (Ctrl-C); a server orphaned by a hard kill is stopped at the next start.
 */
public final class EmbeddedElasticsearch implements AutoCloseable {

    public static final String VERSION = "9.2.0";
    static final String SERVICE_USER = "firebreak-es";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedElasticsearch.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Path base;
    private final Process process;
    private final int port;
    private final Thread shutdownHook;

    private EmbeddedElasticsearch(Path base, Process process, int port) {
        this.base = base;
        this.process = process;
        this.port = port;
        this.shutdownHook = new Thread(this::stop, "embedded-elasticsearch-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Installs (once) and starts the server, returning when the cluster is healthy.
     *
     * @param dataDir  where the distribution, data and logs live (a fallback is used when the
     *                 service user cannot reach it)
     * @param httpPort the HTTP port, 0 for a free one
     * @param heap     JVM heap such as 512m
     */
    public static EmbeddedElasticsearch start(Path projectRoot, Path dataDir, int httpPort, String heap) {
        long t0 = System.nanoTime();
        boolean root = isRoot();
        if (root) {
            ensureServiceUser();
        }
        Path base = root ? reachableBase(dataDir.resolve("elasticsearch")) : dataDir.resolve("elasticsearch");
        Path home = install(projectRoot, base);
        Path run = base.resolve("run");
        Path data = base.resolve("data");
        createDirectories(run, data);
        if (root) {
            exec(List.of("chown", "-R", SERVICE_USER + ":", base.toString()));
        }
        stopOrphan(run.resolve("es.pid"));
        int port = httpPort > 0 ? httpPort : freePort();
        int transport = freePort();

        var command = new ArrayList<String>();
        if (root) {
            command.addAll(List.of("runuser", "-u", SERVICE_USER, "--"));
        }
        command.add(home.resolve("bin/elasticsearch").toString());
        command.addAll(List.of(
                "-Ecluster.name=firebreak",
                "-Enode.name=firebreak-embedded",
                "-Ediscovery.type=single-node",
                "-Enetwork.host=127.0.0.1",
                "-Ehttp.port=" + port,
                "-Etransport.port=" + transport,
                "-Epath.data=" + data,
                "-Epath.logs=" + run,
                // loopback only, so no TLS or passwords for the embedded default; clusters given by URL keep theirs
                "-Expack.security.enabled=false",
                // a nearly full developer disk must not turn indices read-only under the user
                "-Ecluster.routing.allocation.disk.threshold_enabled=false",
                "-p", run.resolve("es.pid").toString()));
        var builder = new ProcessBuilder(command)
                .directory(base.toFile())
                .redirectErrorStream(true)
                .redirectOutput(run.resolve("console.log").toFile());
        builder.environment().put("ES_JAVA_HOME", javaHome().toString());
        builder.environment().put("ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap);
        builder.environment().put("ES_PATH_CONF", home.resolve("config").toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Elasticsearch from " + home, e);
        }
        var server = new EmbeddedElasticsearch(base, process, port);
        try {
            server.awaitHealthy();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        log.info("Elasticsearch {} ready at {} in {} ms (files in {})", VERSION, server.url(),
                (System.nanoTime() - t0) / 1_000_000, base);
        return server;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook itself is running: nothing to remove
        }
        stop();
    }

    private synchronized void stop() {
        Optional<ProcessHandle> server = readPid(base.resolve("run/es.pid")).flatMap(ProcessHandle::of);
        server.ifPresent(ProcessHandle::destroy);
        process.destroy();
        server.ifPresent(h -> awaitExit(h, Duration.ofSeconds(30)));
        awaitExit(process.toHandle(), Duration.ofSeconds(5));
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        URI health = URI.create(url() + "/_cluster/health?wait_for_status=yellow&timeout=1s");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Elasticsearch exited with code " + process.exitValue()
                        + " while starting; its output ends:\n" + tail(base.resolve("run/console.log"), 25));
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(3)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Elasticsearch", e);
            }
            sleep(250);
        }
        throw new IllegalStateException("Elasticsearch did not become healthy within " + START_TIMEOUT.toSeconds()
                + " s; its output ends:\n" + tail(base.resolve("run/console.log"), 25));
    }

    /** Unpacks the distribution under {@code base} unless it is there already. */
    private static Path install(Path projectRoot, Path base) {
        Path home = base.resolve("elasticsearch-" + VERSION);
        if (Files.isRegularFile(home.resolve("bin/elasticsearch"))) {
            return home;
        }
        Path zip = distribution(projectRoot);
        Path staging = base.resolve("staging");
        try {
            createDirectories(base);
            deleteRecursively(staging);
            unzip(zip, staging);
            Files.move(staging.resolve("elasticsearch-" + VERSION), home, StandardCopyOption.ATOMIC_MOVE);
            deleteRecursively(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip + " into " + base, e);
        }
        return home;
    }

    /**
     * The zip Maven fetched: copied into target/ by the build, shipped in elasticsearch/ of the
     * unpacked distribution (no Maven there), or straight from the local repository.
     */
    static Path distribution(Path projectRoot) {
        String name = "elasticsearch-" + VERSION + ".zip";
        List<Path> candidates = List.of(
                projectRoot.resolve("target/elasticsearch").resolve(name),
                projectRoot.resolve("elasticsearch").resolve(name),
                Path.of(System.getProperty("user.home"), ".m2/repository/org/elasticsearch/distribution/integ-test-zip/elasticsearch",
                        VERSION, name));
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() -> new IllegalStateException(
                "the Elasticsearch " + VERSION + " distribution is missing; build once with 'mvn -DskipTests package' "
                        + "(it fetches org.elasticsearch.distribution.integ-test-zip:elasticsearch:" + VERSION + ":zip). Looked in "
                        + candidates));
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(zip); var entries = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry escapes the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                Files.copy(entries, out, StandardCopyOption.REPLACE_EXISTING);
                // zip entries lose their mode through java.util.zip: the launch scripts need it back
                if (out.getParent().getFileName().toString().equals("bin")) {
                    out.toFile().setExecutable(true, false);
                }
            }
        }
    }

    /**
     * The service user must be able to enter every directory above its files; a checkout under
     * /root, say, is closed to it, and then a machine-wide folder keyed by the preferred path is used.
     */
    private static Path reachableBase(Path preferred) {
        createDirectories(preferred);
        if (exec(List.of("runuser", "-u", SERVICE_USER, "--", "test", "-x", preferred.toString())) == 0) {
            return preferred;
        }
        Path fallback = Path.of("/var/lib/firebreak", shortHash(preferred.toString()), "elasticsearch");
        log.info("{} cannot enter {}; Elasticsearch files go to {}", SERVICE_USER, preferred, fallback);
        createDirectories(fallback);
        return fallback;
    }

    private static void ensureServiceUser() {
        if (exec(List.of("id", "-u", SERVICE_USER)) != 0
                && exec(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SERVICE_USER)) != 0
                && exec(List.of("id", "-u", SERVICE_USER)) != 0) {
            throw new IllegalStateException("running as root, and the unprivileged user '" + SERVICE_USER
                    + "' that Elasticsearch needs could not be created (useradd failed)");
        }
    }

    /** A JDK 21 or newer for Elasticsearch: ES_JAVA_HOME, else the newest under /usr/lib/jvm. */
    static Path javaHome() {
        String configured = System.getenv("ES_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        var candidates = new ArrayList<Path>();
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null) {
            candidates.add(Path.of(javaHome));
        }
        candidates.add(Path.of(System.getProperty("java.home")));
        try (Stream<Path> jvms = Files.list(Path.of("/usr/lib/jvm"))) {
            jvms.forEach(candidates::add);
        } catch (IOException noJvmFolder) {
            // only the candidates above
        }
        return candidates.stream()
                .filter(p -> Files.isExecutable(p.resolve("bin/java")))
                .filter(p -> javaMajor(p) >= 21)
                .max(Comparator.comparingInt(EmbeddedElasticsearch::javaMajor))
                .orElseThrow(() -> new IllegalStateException(
                        "Elasticsearch " + VERSION + " needs a JDK 21 or newer; none found under /usr/lib/jvm. Set ES_JAVA_HOME."));
    }

    private static int javaMajor(Path jdk) {
        try {
            for (String line : Files.readAllLines(jdk.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    String major = v.startsWith("1.") ? v.substring(2, 3) : v.split("[.+-]")[0];
                    return Integer.parseInt(major);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return 0;
        }
        return 0;
    }

    /** A server left running by a hard-killed Firebreak holds the data lock: stop it first. */
    private static void stopOrphan(Path pidFile) {
        readPid(pidFile).flatMap(ProcessHandle::of).ifPresent(orphan -> {
            log.info("stopping Elasticsearch left running from an earlier start (pid {})", orphan.pid());
            orphan.destroy();
            awaitExit(orphan, Duration.ofSeconds(30));
        });
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).strip()));
        } catch (IOException | NumberFormatException absent) {
            return Optional.empty();
        }
    }

    private static void awaitExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception notInTime) {
            handle.destroyForcibly();
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int exec(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    private static void createDirectories(Path... dirs) {
        try {
            for (Path dir : dirs) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no output at " + file + ")";
        }
    }

    private static String shortHash(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
