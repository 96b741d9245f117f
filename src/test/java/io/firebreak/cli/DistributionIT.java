package io.firebreak.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive {@code mvn package} builds runs on its own: unpacked into an empty folder and started
 * from outside it, {@code firebreak demo} works with nothing from the checkout, neither its files
 * nor Maven's local repository.
 */
class DistributionIT {

    private static final Duration DEMO_TIMEOUT = Duration.ofMinutes(4);
    private static final Pattern DECIDED = Pattern.compile("Alert versions decided: (\\d+) \\(kept in (\\S+);");
    private static final Pattern VERSION_LINE = Pattern.compile("(?m)^  v(\\d+) +\\S+Z +\\S+ +SEV\\d");

    @TempDir
    Path tmp;

    @Test
    void unpackedArchive_runsTheDemo_fromAnotherFolder_withItsDataInsideTheUnpackedFolder() throws Exception {
        Path archive = Path.of(System.getProperty("firebreak.distribution", "missing"));
        assertThat(archive).as("the distribution archive, built by mvn package").isRegularFile();
        // as root Elasticsearch runs as a service user, which must be able to enter the folder; otherwise its
        // files would go to /var/lib/firebreak/<hash>/, a new folder left behind by every run
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));

        Output untar = run(new ProcessBuilder("tar", "-xzf", archive.toString()).directory(tmp.toFile()),
                Duration.ofMinutes(1), "untar");
        assertThat(untar.exitCode()).as(untar.text()).isZero();
        List<Path> top;
        try (Stream<Path> list = Files.list(tmp)) {
            top = list.filter(Files::isDirectory).toList();
        }
        assertThat(top).as("the archive's top folder").singleElement()
                .satisfies(folder -> assertThat(folder.getFileName().toString()).startsWith("firebreak-"));
        Path home = top.get(0);
        assertThat(home.resolve("firebreak")).isExecutable();

        // started from the folder above it, without -Dfirebreak.home, so the home can only come from the archive
        var demo = new ProcessBuilder(home.resolve("firebreak").toString(), "demo").directory(tmp.toFile());
        Map<String, String> env = demo.environment();
        env.keySet().removeIf(k -> k.startsWith("FIREBREAK_") || k.startsWith("SLACK_"));
        env.putIfAbsent("JAVA_HOME", System.getProperty("java.home")); // ES_JAVA_HOME passes through as it is
        Path userHome = Files.createDirectory(tmp.resolve("user-home"));
        // an empty user home: the Elasticsearch zip cannot come from ~/.m2, only from the archive
        env.put("FIREBREAK_JAVA_OPTS", "-Duser.home=" + userHome);
        Output out = run(demo, DEMO_TIMEOUT, "demo");

        assertThat(out.exitCode()).as(out.tail(60)).isZero();
        Matcher decided = DECIDED.matcher(out.text());
        assertThat(decided.find()).as(out.tail(60)).isTrue();
        int versions = Integer.parseInt(decided.group(1));
        assertThat(versions).as(out.tail(60)).isPositive();
        assertThat(VERSION_LINE.matcher(out.text()).results().count()).as(out.tail(60)).isEqualTo(versions);
        assertThat(out.text()).contains("  v1 ");

        Path alertLog = home.resolve("data/demo/alert-log.jsonl");
        assertThat(Path.of(decided.group(2))).isEqualTo(alertLog);
        assertThat(Files.readAllLines(alertLog)).hasSize(versions);
        assertThat(tmp.resolve("data")).as("nothing written beside the unpacked folder").doesNotExist();

        // the incident the scare opened, its report and chart where the demo says, and a command that gives it again
        Path report = home.resolve("data/demo/incidents/INC-acme-safety-20260302T0904Z.md");
        assertThat(out.text()).contains("Post-incident report: " + report)
                .contains("FIREBREAK_DATA=" + home.resolve("data/demo") + " " + home.resolve("firebreak")
                        + " incident report INC-acme-safety-20260302T0904Z");
        assertThat(Files.readString(report)).startsWith("# Post-incident report: Acme Air, safety")
                .contains("![Mentions vs baseline](INC-acme-safety-20260302T0904Z-chart.png)");
        assertThat(Files.size(report.resolveSibling("INC-acme-safety-20260302T0904Z-chart.png"))).isGreaterThan(2_000);
    }

    private record Output(int exitCode, String text) {
        String tail(int lines) {
            List<String> all = text.lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }
    }

    private Output run(ProcessBuilder builder, Duration timeout, String name) throws IOException, InterruptedException {
        Path log = tmp.resolve(name + ".out");
        Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            // a polite stop first: the demo's shutdown hook stops its Elasticsearch
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            fail(name + " did not finish within " + timeout.toSeconds() + " s; its output ends:\n"
                    + new Output(-1, Files.readString(log, StandardCharsets.UTF_8)).tail(60));
        }
        return new Output(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
