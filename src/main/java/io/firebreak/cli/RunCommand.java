package io.firebreak.cli;

import io.firebreak.config.Home;
import io.firebreak.config.Settings;
import io.firebreak.service.FirebreakService;
import io.firebreak.service.Wirings;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code firebreak run}: the long-running service. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Start the service: API, drop folder, Elasticsearch (embedded unless a URL is configured).")
public final class RunCommand implements Callable<Integer> {

    @Option(names = "--port", description = "API port (default from config/firebreak.yaml, 8080)")
    Integer port;

    @Override
    public Integer call() throws InterruptedException {
        Home home = Home.detect();
        Settings settings = Settings.load(home);
        if (port != null) {
            settings = settings.withApiPort(port);
        }
        var stopped = new CountDownLatch(1);
        FirebreakService service = FirebreakService.start(home, settings, Wirings.live(home));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "firebreak-stop"));
        System.out.printf("Firebreak is running.%n  API            %s/api/v1/mentions (POST Mention v1 JSON, NDJSON or CSV)%n"
                        + "  health         %s/health%n  drop folder    %s%n  Elasticsearch  %s%nCtrl-C stops it.%n",
                service.apiUrl(), service.apiUrl(), service.dropDir(), service.elasticsearchUrl());
        stopped.await();
        return 0;
    }
}
