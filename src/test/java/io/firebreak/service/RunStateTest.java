package io.firebreak.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.config.Home;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStateTest {

    @Test
    void theRunStateFile_showsTheClusterUrlWithoutItsPassword(@TempDir Path dir) throws Exception {
        Home home = new Home(dir).withData(dir.resolve("data"));
        RunState.write(home, new RunState("http://127.0.0.1:8080", "https://firebreak:s3cret@es.internal:9200",
                ProcessHandle.current().pid(), false));

        assertThat(Files.readString(RunState.file(home)))
                .contains("https://firebreak:****@es.internal:9200").doesNotContain("s3cret");
        assertThat(RunState.read(home)).get().extracting(RunState::elasticsearchUrl)
                .isEqualTo("https://firebreak:****@es.internal:9200");
    }
}
