package io.firebreak.store;

import co.elastic.clients.transport.TransportUtils;
import io.firebreak.config.Settings;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * and by a shutdown hook (Ctrl-C); a server orphaned by a hard kill is stopped at the next start,
 * and only if the pid file's process is that server (a pid reused by another process is left alone).
 *
 * <p>A server that exits on its own is started again on the same port and data, a few times with a
 * growing pause; {@link #trouble()} says meanwhile what happened, and says so for good if it gave up.
 */
public final class EmbeddedElasticsearch implements AutoCloseable {

    public static final String VERSION = "9.2.0";
    static final String SERVICE_USER = "firebreak-es";
    /** The server JVM's main class: with the distribution's path, what makes a process this server. */
    static final String MAIN_CLASS = "org.elasticsearch.bootstrap.Elasticsearch";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedElasticsearch.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    /** Restarts allowed before giving up, counted while the server keeps dying within {@link #STABLE}. */
    static final int MAX_RESTARTS = 3;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration STABLE = Duration.ofMinutes(10);
    /** Settings Firebreak relies on for where the server listens and keeps its files. */
    private static final List<String> FIXED = List.of(
            "network.host", "http.port", "transport.port", "path.data", "path.logs", "discovery.type");

    /**
     * How the server runs. {@link #loopback} is the default: 127.0.0.1, security off. {@link #secured}
     * adds settings (security, TLS); the start-up probe then trusts {@code caCert} and asks as {@code probe}.
     *
     * @param settings extra {@code -E} settings; those in {@link #FIXED} stay Firebreak's
     */
    public record Options(int httpPort, String heap, Map<String, String> settings, Path caCert, Settings.Credentials probe) {
        public Options {
            settings = Map.copyOf(settings);
            probe = probe == null ? Settings.Credentials.NONE : probe;
            for (String key : settings.keySet()) {
                if (FIXED.contains(key)) {
                    throw new IllegalArgumentException(key + " is set by Firebreak for the embedded server");
                }
            }
        }

        public static Options loopback(int httpPort, String heap) {
            return new Options(httpPort, heap, Map.of(), null, Settings.Credentials.NONE);
        }

        public Options secured(Map<String, String> extra, Path trust, Settings.Credentials as) {
            return new Options(httpPort, heap, extra, trust, as);
        }

        boolean https() {
            return "true".equals(settings.get("xpack.security.http.ssl.enabled"));
        }
    }

    private final Path home;
    private final Options options;
    private final int port;
    private final Thread shutdownHook;
    private final ExecutorService restarter;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Process process;
    private volatile boolean stopping;
    private volatile String trouble;
    private int restartsInRow;
    private long upSince = System.nanoTime();

    private EmbeddedElasticsearch(Path home, Options options, int port) {
        this.home = home;
        this.options = options;
        this.port = port;
        this.shutdownHook = new Thread(this::stop, "embedded-elasticsearch-stop");
        this.restarter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "embedded-elasticsearch-restart");
            t.setDaemon(true);
            return t;
        });
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
        return start(projectRoot, dataDir, Options.loopback(httpPort, heap));
    }

    /** Installs (once) and starts the server as {@code options} say, returning when the cluster is healthy. */
    public static EmbeddedElasticsearch start(Path projectRoot, Path dataDir, Options options) {
        long t0 = System.nanoTime();
        Path home = install(projectRoot, dataDir);
        Path base = home.getParent();
        createDirectories(base.resolve("run"), base.resolve("data"));
        if (isRoot()) {
            exec(List.of("chown", "-R", SERVICE_USER + ":", base.toString()));
        }
        int port = options.httpPort() > 0 ? options.httpPort() : freePort();
        var server = new EmbeddedElasticsearch(home, options, port);
        try {
            synchronized (server) {
                server.process = server.launch(false);
            }
            server.awaitHealthy(server.process);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        server.watch(server.process);
        log.info("Elasticsearch {} ready at {} in {} ms (files in {})", VERSION, server.url(),
                (System.nanoTime() - t0) / 1_000_000, base);
        return server;
    }

    /**
     * Unpacks the distribution (once) where the server's user can reach it and returns its home,
     * {@code <base>/elasticsearch-9.2.0}: a caller may prepare its {@code config/} before {@link #start}.
     */
    public static Path install(Path projectRoot, Path dataDir) {
        boolean root = isRoot();
        if (root) {
            ensureServiceUser();
        }
        Path base = root ? reachableBase(dataDir.resolve("elasticsearch")) : dataDir.resolve("elasticsearch");
        return unpack(projectRoot, base);
    }

    public String url() {
        return (options.https() ? "https" : "http") + "://127.0.0.1:" + port;
    }

    /** Why the server cannot serve now (it exited, is being restarted, or could not be), or empty while it runs. */
    public Optional<String> trouble() {
        return Optional.ofNullable(trouble);
    }

    /** Called on every change of {@link #trouble()}: the server exited, came back, or was given up on. */
    public void onTrouble(Runnable listener) {
        listeners.add(listener);
    }

    /** The server's own process (the JVM the pid file names), while it runs. */
    public Optional<ProcessHandle> server() {
        return readPid(pidFile(home)).flatMap(ProcessHandle::of).filter(h -> isServer(h, home));
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook itself is running: nothing to remove
        }
        stop();
        restarter.shutdownNow();
    }

    private synchronized void stop() {
        stopping = true;
        Optional<ProcessHandle> server = server();
        server.ifPresent(ProcessHandle::destroy);
        if (process != null) {
            process.destroy();
        }
        server.ifPresent(h -> awaitExit(h, Duration.ofSeconds(30)));
        if (process != null) {
            awaitExit(process.toHandle(), Duration.ofSeconds(5));
        }
    }

    /**
     * Starts the server process; the caller holds the lock so a concurrent {@link #stop} sees it.
     * A restart appends to the console log, which then still shows why the server died.
     */
    private Process launch(boolean restart) {
        Path base = home.getParent();
        Path run = base.resolve("run");
        stopOrphan(pidFile(home), home);
        var command = new ArrayList<String>();
        if (isRoot()) {
            command.addAll(List.of("runuser", "-u", SERVICE_USER, "--"));
        }
        command.add(home.resolve("bin/elasticsearch").toString());
        var settings = new LinkedHashMap<String, String>();
        settings.put("cluster.name", "firebreak");
        settings.put("node.name", "firebreak-embedded");
        settings.put("discovery.type", "single-node");
        settings.put("network.host", "127.0.0.1");
        settings.put("http.port", String.valueOf(port));
        settings.put("transport.port", String.valueOf(freePort()));
        settings.put("path.data", base.resolve("data").toString());
        settings.put("path.logs", run.toString());
        // loopback only, so no TLS or passwords for the embedded default; clusters given by URL keep theirs
        settings.put("xpack.security.enabled", "false");
        // a nearly full developer disk must not turn indices read-only under the user
        settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
        settings.putAll(options.settings());
        settings.forEach((key, value) -> command.add("-E" + key + "=" + value));
        command.addAll(List.of("-p", pidFile(home).toString()));
        var builder = new ProcessBuilder(command)
                .directory(base.toFile())
                .redirectErrorStream(true)
                .redirectOutput(restart ? ProcessBuilder.Redirect.appendTo(consoleLog().toFile())
                        : ProcessBuilder.Redirect.to(consoleLog().toFile()));
        builder.environment().put("ES_JAVA_HOME", javaHome().toString());
        builder.environment().put("ES_JAVA_OPTS", "-Xms" + options.heap() + " -Xmx" + options.heap());
        builder.environment().put("ES_PATH_CONF", home.resolve("config").toString());
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Elasticsearch from " + home, e);
        }
    }

    private void watch(Process watched) {
        watched.onExit().thenRunAsync(() -> exited(watched), restarter);
    }

    /** The server exited without being asked to: start it again, a bounded number of times. */
    private void exited(Process dead) {
        if (stopping || dead != process) {
            return;
        }
        int code = dead.exitValue();
        if (System.nanoTime() - upSince > STABLE.toNanos()) {
            restartsInRow = 0;
        }
        String exitedWith = "the embedded Elasticsearch exited with code " + code;
        log.error("{}; its output ends:\n{}", exitedWith, tail(consoleLog(), 15));
        String lastFailure = null;
        while (restartsInRow < MAX_RESTARTS && !stopping) {
            restartsInRow++;
            report(exitedWith + "; restarting (attempt " + restartsInRow + " of " + MAX_RESTARTS + ")"
                    + (lastFailure == null ? "" : ", the last one failed: " + lastFailure));
            sleep(FIRST_BACKOFF.toMillis() << (restartsInRow - 1));
            try {
                long t0 = System.nanoTime();
                Process next;
                synchronized (this) {
                    if (stopping) {
                        return;
                    }
                    next = launch(true);
                    process = next;
                }
                awaitHealthy(next);
                upSince = System.nanoTime();
                watch(next);
                log.info("the embedded Elasticsearch is back at {} after a restart ({} ms, attempt {} of {})", url(),
                        (System.nanoTime() - t0) / 1_000_000, restartsInRow, MAX_RESTARTS);
                report(null);
                return;
            } catch (RuntimeException e) {
                lastFailure = shortReason(e);
                log.warn("restarting the embedded Elasticsearch failed (attempt {} of {}): {}", restartsInRow, MAX_RESTARTS,
                        e.getMessage());
                synchronized (this) {
                    if (process != null && !stopping) {
                        process.destroy();
                    }
                }
            }
        }
        if (!stopping) {
            String gaveUp = exitedWith + " and was not restarted: " + MAX_RESTARTS + " restarts failed or died within "
                    + STABLE.toMinutes() + " min" + (lastFailure == null ? "" : " (last: " + lastFailure + ")")
                    + "; see " + consoleLog() + " and restart Firebreak";
            log.error(gaveUp);
            report(gaveUp);
        }
    }

    /** The first line of why a start failed, without the output tail the log already has. */
    private static String shortReason(RuntimeException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse(e.toString());
        int tail = message.indexOf("; its output ends");
        return tail < 0 ? message : message.substring(0, tail);
    }

    private void report(String nowTrouble) {
        trouble = nowTrouble;
        listeners.forEach(Runnable::run);
    }

    private void awaitHealthy(Process starting) {
        HttpClient http = probeClient();
        String authorization = options.probe().authorization();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        URI health = URI.create(url() + "/_cluster/health?wait_for_status=yellow&timeout=1s");
        while (System.nanoTime() < deadline) {
            if (stopping) {
                throw new IllegalStateException("stopped while Elasticsearch was starting");
            }
            if (!starting.isAlive()) {
                throw new IllegalStateException("Elasticsearch exited with code " + starting.exitValue()
                        + " while starting; its output ends:\n" + tail(consoleLog(), 25));
            }
            try {
                var request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(3));
                if (authorization != null) {
                    request.header("Authorization", authorization);
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
                + " s; its output ends:\n" + tail(consoleLog(), 25));
    }

    private HttpClient probeClient() {
        var builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1));
        if (options.caCert() != null) {
            try {
                builder.sslContext(TransportUtils.sslContextFromHttpCaCrt(options.caCert().toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the CA certificate " + options.caCert(), e);
            }
        }
        return builder.build();
    }

    private Path consoleLog() {
        return home.getParent().resolve("run/console.log");
    }

    private static Path pidFile(Path home) {
        return home.getParent().resolve("run/es.pid");
    }

    /** Unpacks the distribution under {@code base} unless it is there already. */
    private static Path unpack(Path projectRoot, Path base) {
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

    /** A JDK 21 or newer for Elasticsearch (and its command-line tools): ES_JAVA_HOME, else the newest under /usr/lib/jvm. */
    public static Path javaHome() {
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

    /**
     * A server left running by a hard-killed Firebreak holds the data lock: stop it first. The pid
     * file may be stale and its pid reused by now, so only a process that is this distribution's
     * server is stopped; anything else is left alone.
     */
    static void stopOrphan(Path pidFile, Path home) {
        readPid(pidFile).flatMap(ProcessHandle::of).ifPresent(process -> {
            if (!isServer(process, home)) {
                log.info("pid file {} names pid {}, which is not this Elasticsearch ({}); leaving it alone", pidFile,
                        process.pid(), process.info().command().orElse("command unknown"));
                return;
            }
            log.info("stopping Elasticsearch left running from an earlier start (pid {})", process.pid());
            process.destroy();
            awaitExit(process, Duration.ofSeconds(30));
        });
    }

    /** Whether the process runs Elasticsearch's main class from this distribution; unknown counts as no. */
    static boolean isServer(ProcessHandle process, Path home) {
        List<String> args = process.info().arguments().map(List::of).orElse(List.of());
        var homeArgs = new ArrayList<String>(List.of("-Des.path.home=" + home.toAbsolutePath().normalize()));
        try {
            homeArgs.add("-Des.path.home=" + home.toRealPath());
        } catch (IOException gone) {
            // no real path to compare with: the given one only
        }
        return args.stream().anyMatch(homeArgs::contains)
                && args.stream().anyMatch(a -> a.equals(MAIN_CLASS) || a.endsWith("/" + MAIN_CLASS));
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
