package io.firebreak.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.alert.Alert;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live clock makes minutes final without mentions; here it is a clock the test moves by hand. */
class LiveClockTest {

    @Test
    void theClockAlone_bringsOutTheAlertOfAMinuteThatHadNoSuccessor() {
        var engine = ShippedRules.engine();
        Instant posted = Instant.parse("2026-03-02T10:00:30Z");
        List<Alert> received = new ArrayList<>();
        Clock[] now = {Clock.fixed(posted, ZoneOffset.UTC)};
        Clock moving = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now[0].instant(); }
        };
        try (var live = new LiveClock(engine, moving, Duration.ofHours(1), received::addAll)) {
            assertThat(engine.accept(Scenarios.mention("acme", "star", posted, true, "conduct", 500_000, "done with acme")))
                    .isEmpty(); // its minute is not final yet, and no later mention will come

            now[0] = Clock.fixed(posted.plus(Duration.ofMinutes(1)), ZoneOffset.UTC);
            live.tick();
            assertThat(received).isEmpty(); // within the allowed lateness
            now[0] = Clock.fixed(posted.plus(Duration.ofMinutes(3)), ZoneOffset.UTC);
            live.tick();
        }
        assertThat(received).singleElement().extracting(Alert::rule).isEqualTo("influencer-complaint");
    }
}
