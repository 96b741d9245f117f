package io.firebreak.notify;

import static io.firebreak.notify.Fixtures.FIRED;
import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.alert.Alert;
import io.firebreak.alert.Routes;
import io.firebreak.config.Home;
import io.firebreak.detect.Severity;
import io.firebreak.statement.HoldingStatements;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An alert for a brand whose public reads Chinese: the message is in the team's language, the statement in the public's. */
class ChineseAlertMessageTest {

    @TempDir
    Path home;

    @Test
    void theAlertStaysInTheTeamsLanguageWithTheStatementInChinese() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        DeliveryLog log = DeliveryLog.inMemory();
        Notifier notifier = Notifiers.fromEnvironment(Map.of(), new Home(home), log,
                new PrintStream(console, true, StandardCharsets.UTF_8));
        AlertDispatcher dispatcher = new AlertDispatcher(List.of(), Routes.load(Path.of("config/routing.yaml")),
                HoldingStatements.load(Path.of("config/statements"), Path.of("config/statement-settings.yaml")),
                notifier, FileOutbox.open(home.resolve("data/outbox")), log, Fixtures::view, RetryPolicy.DEFAULT, d -> {},
                java.time.Clock.fixed(FIRED, java.time.ZoneOffset.UTC));
        Alert acme = Fixtures.alert("a-zh", Severity.SEV1, Alert.Status.firing, 480);
        Alert alert = new Alert(acme.alertId(), acme.version(), acme.rule(), "xianfeng", acme.category(), acme.severity(),
                acme.status(), acme.firedAt(), acme.updatedAt(), acme.resolvedAt(), acme.evidence(), null, acme.change(),
                false, null, null);

        dispatcher.enqueue(List.of(alert));
        dispatcher.drain();

        String text = console.toString(StandardCharsets.UTF_8);
        // SEV1 updates hourly: fired 09:07 UTC, so 10:07 UTC, 18:07 in Beijing (the console wraps at the space)
        assertThat(text).contains(
                "== SEV1 · 鲜丰乳业 · safety · FIRING ==",
                "mentions (15m): 480 vs baseline 40.0 (12.0×) · negative 83% (400) · reach 1.2M",
                "holding statement (zh/safety/safety-first/default), check facts, then post:",
                "  | 您的安全最重要。关于鲜丰乳业可能存在的安全问题，在我们查清之前请先暂停使用相关产品。",
                "客服热线 400-000-0000",
                "3月2日\n  | 18:07（中国标准时间）前更新进展。",
                "do:\n  + Put people's safety first");
    }
}
