package io.firebreak.detect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live hot reload: watches the rules folder and the thresholds file and calls
 * {@link Detection#reload()} after an edit settles. Problems go to the log and to the listener;
 * the engine keeps its previous rules.
 */
public final class RuleWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RuleWatcher.class);
    // editors write a file in several steps; reloading on the first event would compile a half-saved file
    private static final long SETTLE_MS = 300;

    private final WatchService watcher;
    private final Thread thread;

    /** @param onReload told the problems of each reload, empty when the new rules are in use */
    public RuleWatcher(Detection engine, Path rulesDir, Path thresholdsFile, Consumer<List<RuleBook.Problem>> onReload) {
        try {
            watcher = FileSystems.getDefault().newWatchService();
            register(rulesDir);
            Path configDir = thresholdsFile.toAbsolutePath().getParent();
            if (!configDir.equals(rulesDir.toAbsolutePath())) {
                register(configDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + rulesDir + " and " + thresholdsFile, e);
        }
        String thresholdsName = thresholdsFile.getFileName().toString();
        thread = new Thread(() -> loop(engine, thresholdsName, onReload), "rule-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void register(Path dir) throws IOException {
        dir.toAbsolutePath().register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
    }

    private void loop(Detection engine, String thresholdsName, Consumer<List<RuleBook.Problem>> onReload) {
        try {
            while (true) {
                WatchKey key = watcher.take();
                boolean relevant = false;
                do {
                    for (var event : key.pollEvents()) {
                        String name = String.valueOf(event.context());
                        relevant |= name.endsWith(".drl") || name.equals(thresholdsName);
                    }
                    key.reset();
                    key = watcher.poll(SETTLE_MS, TimeUnit.MILLISECONDS);
                } while (key != null);
                if (relevant) {
                    onReload.accept(engine.reload());
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            log.debug("rule watcher stopped");
        }
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        thread.interrupt();
    }
}
