package io.firebreak.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.config.Settings;
import io.firebreak.enrich.Enrichers;
import io.firebreak.mention.Mention;
import io.firebreak.mention.Rejection;
import io.firebreak.store.BulkWriter;
import io.firebreak.store.DeadLetters;
import io.firebreak.store.MentionStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Retention drops old daily indices; dead letters replay through the running API. */
class StoreMaintenanceIT {

    @Test
    void retention_dropsDailyIndicesOlderThanTheSetting_andKeepsTheRest() throws Exception {
        FirebreakService shared = TestService.get();
        var store = new MentionStore(shared.client(), "it-retention", 0);
        store.installTemplates();
        var settings = Settings.load(TestService.home().config("firebreak.yaml"), Map.of());
        Instant now = Instant.parse("2026-06-01T12:00:00Z");
        var enricher = Enrichers.standard(TestService.home());
        try (var writer = new BulkWriter(shared.client(), settings.ingest())) {
            for (Instant at : List.of(now.minusSeconds(40 * 86_400L), now.minusSeconds(5 * 86_400L))) {
                Mention m = Mention.of("it-retention", at.toString(), at, "old and new");
                assertThat(store.index(writer, enricher.apply(m), now).get().ok()).isTrue();
            }
        }

        List<String> dropped = store.applyRetention(30, now);

        assertThat(dropped).containsExactly("it-retention-mentions-2026.04.22");
        store.refresh();
        assertThat(store.count()).isEqualTo(1);
        assertThat(store.applyRetention(0, now)).as("0 keeps everything").isEmpty();
    }

    @Test
    void deadLetters_replayThroughTheRunningApi_andThoseNowAcceptedAreRemoved() throws Exception {
        FirebreakService shared = TestService.get();
        var settings = Settings.load(TestService.home().config("firebreak.yaml"), Map.of());
        var letters = new DeadLetters(shared.client(), shared.store());
        String origin = "it-replay-" + System.nanoTime();
        // a letter whose item is valid today (say, rejected by an older, stricter rule) and one still broken
        String valid = "{\"id\":\"" + origin + "\",\"source\":\"it-replay\",\"created_at\":\"2026-03-02T09:00:00Z\",\"text\":\"hello again\"}";
        String broken = "{\"id\":\"replayed-2\",\"source\":\"it-replay\",\"text\":\"still no time\"}";
        try (var writer = new BulkWriter(shared.client(), settings.ingest())) {
            letters.add(writer, origin, null, Rejection.of(0, "line 1", "text: too long (old limit)", valid), Instant.now()).get();
            letters.add(writer, origin, null, Rejection.of(1, "line 2", "created_at: required", broken), Instant.now()).get();
        }
        shared.store().refresh();
        List<String> ids = letters.list(1_000).stream().filter(l -> origin.equals(l.origin())).map(DeadLetters.Letter::id).toList();

        DeadLetterReplay.Result result = DeadLetterReplay.replay(TestService.home(), settings, ids);

        assertThat(result.tried()).isEqualTo(2);
        assertThat(result.indexed()).isEqualTo(1);
        shared.store().refresh();
        assertThat(letters.list(1_000)).as("the still broken one, once, with today's reasons")
                .filteredOn(l -> origin.equals(l.origin()))
                .singleElement().satisfies(l -> {
                    assertThat(l.raw()).contains("replayed-2");
                    assertThat(l.errors()).containsExactly("created_at: required");
                });
        long stored = shared.client().count(c -> c.index(shared.store().alias())
                .query(q -> q.term(t -> t.field("id").value(origin)))).count();
        assertThat(stored).isEqualTo(1);
    }
}
