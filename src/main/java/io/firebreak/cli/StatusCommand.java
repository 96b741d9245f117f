package io.firebreak.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.firebreak.config.Home;
import io.firebreak.config.Settings;
import io.firebreak.service.StatusReport;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code firebreak status}: where things are and how much is indexed. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Print where Elasticsearch and the API are, and how many mentions are indexed per brand.")
public final class StatusCommand implements Callable<Integer> {

    @Option(names = "--json", description = "one JSON object instead of a table")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Home home = Home.detect();
        StatusReport report = StatusReport.collect(home, Settings.load(home));
        if (json) {
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            return 0;
        }
        System.out.printf("API            %s%n", report.apiRunning() ? report.apiUrl() + " (running)" : "not running");
        System.out.printf("Elasticsearch  %s%s%n", report.elasticsearchUrl(), report.embedded() ? " (embedded)" : "");
        if (report.note() != null) {
            System.out.println("               " + report.note());
        }
        System.out.printf("mentions       %,d%n", report.mentions());
        for (Map.Entry<String, Long> brand : report.byBrand().entrySet()) {
            System.out.printf("  %-20s %,10d%n", brand.getKey(), brand.getValue());
        }
        System.out.printf("dead letters   %,d%n", report.deadLetters());
        return 0;
    }
}
