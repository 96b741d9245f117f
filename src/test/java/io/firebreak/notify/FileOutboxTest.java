package io.firebreak.notify;

import static io.firebreak.notify.Fixtures.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.alert.Alert.Severity;
import io.firebreak.alert.Alert.Status;
import io.firebreak.statement.Checklist;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileOutboxTest {

    @TempDir
    Path dir;

    @Test
    void pendingSurvivesARestartAndTheNewestVersionReplacesTheOld() {
        try (FileOutbox outbox = FileOutbox.open(dir)) {
            outbox.put(notification("a-1", 100));
            outbox.put(notification("a-2", 50));
            outbox.put(notification("a-1", 300));
        }
        try (FileOutbox reopened = FileOutbox.open(dir)) {
            assertThat(reopened.pending()).extracting(OutboxEntry::alertId).containsExactly("a-2", "a-1");
            OutboxEntry a1 = reopened.pending().get(1);
            assertThat(a1.notification()).isEqualTo(notification("a-1", 300));
            reopened.done(a1);
        }
        try (FileOutbox again = FileOutbox.open(dir)) {
            assertThat(again.pending()).extracting(OutboxEntry::alertId).containsExactly("a-2");
        }
    }

    @Test
    void doneForAnOlderVersionKeepsTheNewerOneQueued() {
        try (FileOutbox outbox = FileOutbox.open(dir)) {
            OutboxEntry old = outbox.put(notification("a-1", 100));
            outbox.put(notification("a-1", 300));
            outbox.done(old);
            assertThat(outbox.pending()).singleElement().satisfies(e -> assertThat(e.notification().alert().evidence().count()).isEqualTo(300));
        }
    }

    @Test
    void aTornLastLineFromACrashIsSkipped() throws IOException {
        try (FileOutbox outbox = FileOutbox.open(dir)) {
            outbox.put(notification("a-1", 100));
        }
        Files.writeString(dir.resolve("outbox.jsonl"), "{\"op\":\"put\",\"seq\":2,\"notif", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        try (FileOutbox reopened = FileOutbox.open(dir)) {
            assertThat(reopened.pending()).extracting(OutboxEntry::alertId).containsExactly("a-1");
            reopened.put(notification("a-2", 1));
        }
        try (FileOutbox again = FileOutbox.open(dir)) {
            assertThat(again.pending()).as("the torn fragment was compacted away, not glued to the next line")
                    .extracting(OutboxEntry::alertId).containsExactly("a-1", "a-2");
        }
    }

    private static Notification notification(String id, long count) {
        return new Notification(alert(id, Severity.SEV2, Status.firing, count), "Acme", "#crisis",
                Fixtures.view(alert(id, Severity.SEV2, Status.firing, count)).topPosts(), List.of(),
                new Checklist(List.of("do"), List.of("don't")));
    }
}
