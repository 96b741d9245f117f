package io.firebreak.notify;

import io.firebreak.alert.AlertChange;
import io.firebreak.alert.AlertJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends each delivered alert as one Alert v1 JSON line: the record when there is no Slack. */
public final class AlertsFile implements Notifier {

    private final Path file;

    public AlertsFile(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void deliver(Notification notification, AlertChange change) throws NotifyFailure {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, AlertJson.line(notification.alert()) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // a full or briefly unavailable disk may recover; the outbox keeps the alert meanwhile
            throw new NotifyFailure.Retryable("alerts file " + file + ": " + e.getMessage(), null, e);
        }
    }
}
