package io.firebreak.alert;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Every alert version the brand partitions decided (early looks included), as Alert v1 lines: the live
 * twin of backtest output, so "what would the backtest have said" can be checked against what live
 * said, line by line. What was actually sent (silenced versions left out) is the delivery log's business.
 */
public final class AlertLog implements AutoCloseable {

    private final Path file;
    private final BufferedWriter out;

    public AlertLog(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the alert log " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    public synchronized void append(List<Alert> alerts) {
        try {
            for (Alert a : alerts) {
                out.write(AlertJson.line(a));
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the alert log " + file, e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
