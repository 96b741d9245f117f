package io.firebreak.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One log line per imported file, so an operator sees what a drop did. */
public final class FileReports {

    private static final Logger log = LoggerFactory.getLogger(FileReports.class);

    public void log(IngestReport report) {
        if (report.rejected() == 0) {
            log.info("imported {}: {} mentions indexed", report.origin(), report.indexed());
        } else {
            log.warn("imported {}: {} mentions indexed, {} rejected (see ./firebreak deadletters list); first: {}",
                    report.origin(), report.indexed(), report.rejected(),
                    report.items().stream().filter(i -> i.status().equals("rejected")).findFirst()
                            .map(i -> "item " + i.index() + ": " + String.join("; ", i.errors())).orElse(""));
        }
    }
}
