package io.firebreak.service;

import io.firebreak.config.Settings;
import io.firebreak.store.EmbeddedElasticsearch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.security.SecureRandom;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The embedded distribution with security on, as an operator would set up a small cluster: a CA
 * and an HTTP certificate for 127.0.0.1 made with the distribution's own {@code elasticsearch-certutil},
 * TLS on HTTP, and a file-realm user with only the privileges Firebreak needs on its indices.
 */
final class SecureCluster implements AutoCloseable {

    static final String USER = "firebreak";
    static final String ROLE = "firebreak_writer";

    final EmbeddedElasticsearch server;
    final Path caCert;
    final String password;

    private SecureCluster(EmbeddedElasticsearch server, Path caCert, String password) {
        this.server = server;
        this.caCert = caCert;
        this.password = password;
    }

    /** @param indexPattern the indices the user may write, e.g. {@code secure-*} */
    static SecureCluster start(Path projectRoot, Path dataDir, String indexPattern) throws IOException, InterruptedException {
        deleteRecursively(dataDir);
        Path home = EmbeddedElasticsearch.install(projectRoot, dataDir);
        // as root the distribution may live outside dataDir (see EmbeddedElasticsearch): start its security files afresh
        Path certs = home.resolve("config/certs");
        deleteRecursively(certs);
        Files.createDirectories(certs);
        Files.writeString(home.resolve("config/users"), "");
        Files.writeString(home.resolve("config/users_roles"), "");
        tool(home, "elasticsearch-certutil", "ca", "--pem", "--silent", "--out", certs.resolve("ca.zip").toString());
        unzip(certs.resolve("ca.zip"), certs);
        tool(home, "elasticsearch-certutil", "cert", "--pem", "--silent",
                "--ca-cert", certs.resolve("ca/ca.crt").toString(), "--ca-key", certs.resolve("ca/ca.key").toString(),
                "--ip", "127.0.0.1", "--dns", "localhost", "--name", "http", "--out", certs.resolve("http.zip").toString());
        unzip(certs.resolve("http.zip"), certs);

        // what Firebreak does: cluster health and index templates on the cluster, everything on its own indices
        Files.writeString(home.resolve("config/roles.yml"), ROLE + ":\n"
                + "  cluster: [monitor, manage_index_templates]\n"
                + "  indices:\n"
                + "    - names: [\"" + indexPattern + "\"]\n"
                + "      privileges: [all]\n");
        String password = "pw-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        tool(home, "elasticsearch-users", "useradd", USER, "-p", password, "-r", ROLE);

        Path ca = certs.resolve("ca/ca.crt");
        var options = EmbeddedElasticsearch.Options.loopback(0, "512m").secured(Map.of(
                "xpack.security.enabled", "true",
                "xpack.security.http.ssl.enabled", "true",
                "xpack.security.http.ssl.key", "certs/http/http.key",
                "xpack.security.http.ssl.certificate", "certs/http/http.crt"), ca, new Settings.Credentials(null, USER, password));
        return new SecureCluster(EmbeddedElasticsearch.start(projectRoot, dataDir, options), ca, password);
    }

    /** https://127.0.0.1:port */
    String url() {
        return server.url();
    }

    @Override
    public void close() {
        server.close();
    }

    private static void tool(Path home, String name, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<String>(List.of(home.resolve("bin").resolve(name).toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("ES_JAVA_HOME", EmbeddedElasticsearch.javaHome().toString());
        builder.environment().put("ES_PATH_CONF", home.resolve("config").toString());
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(name + " " + args[0] + " failed with code " + p.exitValue() + ":\n" + output);
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(zip); var entries = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                Path out = target.resolve(entry.getName()).normalize();
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(entries, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
