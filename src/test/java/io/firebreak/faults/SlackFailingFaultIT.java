package io.firebreak.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.alert.Alert;
import io.firebreak.alert.Lifecycle;
import io.firebreak.alert.Routes;
import io.firebreak.config.Home;
import io.firebreak.detect.Detection;
import io.firebreak.enrich.Enrichers;
import io.firebreak.mention.MentionJson;
import io.firebreak.notify.AlertDispatcher;
import io.firebreak.notify.AlertView;
import io.firebreak.notify.DispatchReport;
import io.firebreak.notify.FileDeliveryLog;
import io.firebreak.notify.FileOutbox;
import io.firebreak.notify.RetryPolicy;
import io.firebreak.notify.SlackNotifier;
import io.firebreak.notify.SlackStandIn;
import io.firebreak.notify.SlackStandIn.Failure;
import io.firebreak.service.Backtest;
import io.firebreak.service.DemoScenario;
import io.firebreak.service.TestService;
import io.firebreak.statement.HoldingStatements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Slack answering 429, 500, dropped connections and timeouts, then down, then well again, with a restart
 * of the dispatcher in between: every version of the demo's alert reaches Slack exactly once and in
 * order, the same calls a Slack that never failed receives.
 */
class SlackFailingFaultIT {

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    @Test
    void failingThenRecovering_eachVersionDeliveredOnce_inOrder() throws Exception {
        List<Alert> versions = demoVersions();
        assertThat(versions).hasSizeGreaterThan(5);

        List<String> clean = deliver(versions, slack -> { }, false);
        List<String> faulty = deliver(versions, slack -> slack.retryAfterSeconds(1).slowMillis(1_500)
                .failNext(2, Failure.RATE_LIMITED).failNext(2, Failure.SERVER_ERROR).failNext(1, Failure.DISCONNECT)
                .failNext(2, Failure.SLOW).failNext(1, Failure.RATE_LIMITED), true);

        assertThat(faulty).as("what Slack did: the calls it answered with 200").isEqualTo(clean);
    }

    /** Delivers every version through a dispatcher over a fresh folder; returns the successful calls, in order. */
    private List<String> deliver(List<Alert> versions, java.util.function.Consumer<SlackStandIn> faults, boolean outage)
            throws Exception {
        Path dir = Files.createTempDirectory("firebreak-slack-fault");
        Home home = TestService.home();
        try (SlackStandIn slack = SlackStandIn.start()) {
            faults.accept(slack);
            var dispatcher = dispatcher(home, slack, dir);
            int half = versions.size() / 2;
            dispatcher.first().enqueue(versions.subList(0, half));
            drainUntilEmpty(dispatcher.first());
            if (outage) {
                // down while the rest is decided, and the dispatcher restarts before Slack is back
                slack.down(true);
                dispatcher.first().enqueue(versions.subList(half, versions.size()));
                assertThat(dispatcher.first().drain().pending()).isEqualTo(versions.size() - half);
                dispatcher.close();
                dispatcher = dispatcher(home, slack, dir);
                slack.down(false);
            } else {
                dispatcher.first().enqueue(versions.subList(half, versions.size()));
            }
            drainUntilEmpty(dispatcher.first());
            dispatcher.close();
            List<String> calls = new ArrayList<>();
            for (SlackStandIn.Call c : slack.calls()) {
                if (c.ok() && c.method().startsWith("chat.")) {
                    calls.add(c.method() + " " + slack.channelName(c.param("channel")) + " "
                            + (c.param("thread_ts") == null ? "" : "thread ")
                            + (c.param("blocks") != null ? header(c) : c.param("text")));
                }
            }
            return calls;
        }
    }

    private static String header(SlackStandIn.Call c) {
        return c.json("blocks").get(0).path("text").path("text").asText();
    }

    private static void drainUntilEmpty(AlertDispatcher dispatcher) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        DispatchReport report;
        do {
            report = dispatcher.drain();
        } while (report.pending() > 0 && System.nanoTime() < deadline);
        assertThat(report.pending()).isZero();
        assertThat(report.failed()).isZero();
    }

    /** A dispatcher over the folder's outbox and delivery log, as after a start; close it to stop. */
    private record Running(AlertDispatcher first, FileOutbox outbox, FileDeliveryLog log, SlackNotifier notifier)
            implements AutoCloseable {
        @Override
        public void close() throws Exception {
            notifier.close();
            outbox.close();
            log.close();
        }
    }

    private static Running dispatcher(Home home, SlackStandIn slack, Path dir) {
        FileOutbox outbox = FileOutbox.open(dir.resolve("outbox"));
        FileDeliveryLog log = FileDeliveryLog.open(dir.resolve("outbox/delivered.jsonl"));
        SlackNotifier notifier = new SlackNotifier("xoxb-fault", slack.apiUrl(), log, null, Duration.ofMillis(700));
        var dispatcher = new AlertDispatcher(List.of(), Routes.load(home.config("routing.yaml")),
                HoldingStatements.load(home.config("statements"), home.config("statement-settings.yaml")), notifier,
                outbox, log, a -> AlertView.of(a, List.of()),
                new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(2)),
                d -> Thread.sleep(Math.min(d.toMillis(), 200)), Clock.fixed(NOW, ZoneOffset.UTC));
        return new Running(dispatcher, outbox, log, notifier);
    }

    /** The versions the demo's safety scare goes through, as a backtest decides them. */
    private static List<Alert> demoVersions() {
        Home home = TestService.home();
        var batch = new MentionJson().readLines("demo", String.join("\n", DemoScenario.ndjson()));
        try (Backtest b = new Backtest(Detection.of(home, true), Lifecycle.load(home.config("alerts.yaml")),
                Enrichers.standard(home))) {
            return b.replay(batch.mentions(), done -> { });
        }
    }
}
