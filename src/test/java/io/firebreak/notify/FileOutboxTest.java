package io.firebreak.notify;

import static io.firebreak.notify.Fixtures.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.alert.Alert;
import io.firebreak.alert.Alert.Status;
import io.firebreak.detect.Severity;
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
    void everyVersionIsKeptInTheOrderDecided_andSurvivesARestart() {
        try (FileOutbox outbox = FileOutbox.open(dir)) {
            outbox.put(List.of(version("a-1", 1, 100), version("a-2", 1, 50)));
            outbox.put(List.of(version("a-1", 2, 300)));
        }
        try (FileOutbox reopened = FileOutbox.open(dir)) {
            assertThat(reopened.pending()).extracting(e -> e.alertId() + " v" + e.alert().version())
                    .containsExactly("a-1 v1", "a-2 v1", "a-1 v2");
            assertThat(reopened.pending().get(2).alert()).isEqualTo(version("a-1", 2, 300));
            reopened.done(reopened.pending().get(0));
        }
        try (FileOutbox again = FileOutbox.open(dir)) {
            assertThat(again.pending()).extracting(e -> e.alertId() + " v" + e.alert().version())
                    .containsExactly("a-2 v1", "a-1 v2");
            assertThat(again.size()).isEqualTo(2);
        }
    }

    @Test
    void aGivenUpVersionLeavesTheOutboxForTheDeadLetters() throws IOException {
        try (FileOutbox outbox = FileOutbox.open(dir)) {
            OutboxEntry e = outbox.put(List.of(version("a-1", 1, 100))).get(0);
            outbox.giveUp(e, "channel_not_found");
            assertThat(outbox.pending()).isEmpty();
        }
        assertThat(Files.readString(dir.resolve("dead.jsonl"))).contains("channel_not_found").contains("a-1");
        try (FileOutbox reopened = FileOutbox.open(dir)) {
            assertThat(reopened.pending()).isEmpty();
        }
    }

    @Test
    void aTornLastLineFromACrashIsSkipped() throws IOException {
        try (FileOutbox outbox = FileOutbox.open(dir)) {
            outbox.put(List.of(version("a-1", 1, 100)));
        }
        Files.writeString(dir.resolve("outbox.jsonl"), "{\"op\":\"put\",\"seq\":2,\"ale", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        try (FileOutbox reopened = FileOutbox.open(dir)) {
            assertThat(reopened.pending()).extracting(OutboxEntry::alertId).containsExactly("a-1");
            reopened.put(List.of(version("a-2", 1, 1)));
        }
        try (FileOutbox again = FileOutbox.open(dir)) {
            assertThat(again.pending()).as("the torn fragment was compacted away, not glued to the next line")
                    .extracting(OutboxEntry::alertId).containsExactly("a-1", "a-2");
        }
    }

    private static Alert version(String id, long version, long count) {
        Alert a = alert(id, Severity.SEV2, Status.firing, count);
        return new Alert(a.alertId(), version, a.rule(), a.brand(), a.category(), a.severity(), a.status(), a.firedAt(),
                a.updatedAt(), a.resolvedAt(), a.evidence(), a.statement(), a.change(), a.provisional(), a.note(), null);
    }
}
