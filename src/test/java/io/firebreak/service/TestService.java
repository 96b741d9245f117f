package io.firebreak.service;

import io.firebreak.config.Home;
import io.firebreak.config.Settings;
import io.firebreak.enrich.Enrichers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * One real Firebreak service (with the embedded Elasticsearch) shared by every integration test
 * in the JVM: starting Elasticsearch costs seconds, so it is started once and stopped at exit.
 */
public final class TestService {

    private static FirebreakService service;

    private TestService() {}

    public static synchronized FirebreakService get() {
        if (service == null) {
            Home home = home();
            System.setProperty("firebreak.data", home.root().resolve("target/it-data").toString());
            Settings settings = Settings.load(home.config("firebreak.yaml"), java.util.Map.of()).withApiPort(freePort());
            service = FirebreakService.start(home, settings, FirebreakService.Wiring.of(Enrichers.standard(home), stored -> { }));
            Runtime.getRuntime().addShutdownHook(new Thread(service::close));
        }
        return service;
    }


    public static Home home() {
        return new Home(Path.of(System.getProperty("firebreak.home", "")).toAbsolutePath().normalize());
    }

    public static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
