package io.firebreak.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.alert.AlertBook;
import io.firebreak.alert.AlertJson;
import io.firebreak.config.Home;
import io.firebreak.config.Settings;
import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentDesk;
import io.firebreak.incident.IncidentNotices;
import io.firebreak.incident.IncidentSettings;
import io.firebreak.incident.Incidents;
import io.firebreak.incident.Playbooks;
import io.firebreak.incident.RoleMentions;
import io.firebreak.incident.StepState;
import io.firebreak.incident.TimelineEntry;
import io.firebreak.store.ElasticIncidents;
import io.firebreak.store.MentionRecovery;
import io.firebreak.store.MentionStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A wave through the real service and Elasticsearch opens an incident whose state and timeline are stored;
 * a restart mid-incident finds them again and carries on; a re-delivery adds nothing; the report renders.
 */
class IncidentsIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aWaveOpensAnIncident_storedInElasticsearch_aRestartKeepsIt_andTheReportRenders() throws Exception {
        String name = "incidents-it";
        Path data = TestService.home().root().resolve("target/it-data").resolve(name);
        ScratchState.wipe(data);
        Home home = TestService.home().withData(data);
        String prefix = name + "-" + Long.toString(System.nanoTime(), 36);
        Settings settings = Settings.load(home.config("firebreak.yaml"), Map.of())
                .withElasticsearchUrl(TestService.get().elasticsearchUrl()).withIndexPrefix(prefix);
        var clock = new DemoScenario.DemoClock(DemoScenario.ONSET);
        List<String> lines = DemoScenario.ndjson();
        var console = new ByteArrayOutputStream();
        ElasticIncidents stored = new ElasticIncidents(TestService.get().client(), prefix, 0);
        String id;
        Instant detected;

        // first run: the wave up to 09:20 opens the incident; the duty manager acknowledges
        try (var service = start(home, settings, console, clock)) {
            send(service, DemoScenario.split(lines, DemoScenario.ONSET.plus(Duration.ofMinutes(20)), true));
            LiveDetection live = (LiveDetection) service.detection();
            IncidentDesk desk = live.resource(IncidentDesk.class).orElseThrow();
            settle(live, desk);
            Incident opened = desk.incidents().active().get(0);
            id = opened.id();
            detected = opened.detectedAt();
            clock.set(DemoScenario.ONSET.plus(Duration.ofMinutes(20)));
            assertThat(live.act(AlertBook.Action.of(opened.alertId(), AlertBook.Action.Kind.acknowledge, "U-IT",
                    clock.instant())).refusal()).isNull();
            settle(live, desk);
            // by hand, over the API: an alert that is an incident already, an alert that is not open
            assertThat(promote(service, opened.alertId()).statusCode()).isEqualTo(409);
            HttpResponse<String> unknown = promote(service, "acme/pricing/20260302T0900Z");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).contains("alert acme/pricing/20260302T0900Z is not open");
        }
        Incident before = stored.find(id).orElseThrow();
        assertThat(before.status()).isEqualTo(Incident.Status.open);
        assertThat(before.acknowledgedBy()).isEqualTo("U-IT");
        assertThat(before.step("reply-most-shared").dueAt()).isEqualTo(DemoScenario.ONSET.plus(Duration.ofMinutes(50)));
        List<TimelineEntry> firstTimeline = stored.timeline(id);
        assertThat(firstTimeline).extracting(TimelineEntry::id).contains(id + "/opened", id + "/v1", id + "/playbook");
        assertThat(firstTimeline).filteredOn(e -> e.kind() == TimelineEntry.Kind.action).extracting(TimelineEntry::by)
                .containsExactly("U-IT");
        assertThat(console.toString()).as("the checklist, on the console without Slack")
                .contains("[incident " + id + "] Incident " + id + " - playbook 'safety':")
                .contains("[ ] Approve the holding statement (@comms-lead");

        // second run: the state comes back from Elasticsearch, the wave goes on and ends
        try (var service = start(home, settings, console, clock)) {
            LiveDetection live = (LiveDetection) service.detection();
            IncidentDesk desk = live.resource(IncidentDesk.class).orElseThrow();
            assertThat(desk.incidents().active()).extracting(Incident::id).containsExactly(id);
            assertThat(desk.incidents().find(id).orElseThrow().acknowledgedBy()).isEqualTo("U-IT");
            send(service, DemoScenario.split(lines, DemoScenario.ONSET.plus(Duration.ofMinutes(20)), false));
            live.finish();
            settle(live, desk);
            clock.set(DemoScenario.REPORT_AT);
            desk.tick();
        }
        Incident after = stored.find(id).orElseThrow();
        assertThat(after.status()).isEqualTo(Incident.Status.resolved);
        assertThat(after.severityPath()).extracting(Incident.SeverityChange::severity).containsExactly(
                io.firebreak.detect.Severity.SEV3, io.firebreak.detect.Severity.SEV2, io.firebreak.detect.Severity.SEV1);
        assertThat(after.step("holding-statement").state()).as("never approved before the end").isEqualTo(StepState.State.missed);
        assertThat(after.step("recovery-watch").state()).isEqualTo(StepState.State.pending);
        List<TimelineEntry> timeline = stored.timeline(id);
        assertThat(timeline).extracting(TimelineEntry::id).doesNotHaveDuplicates().containsAll(
                firstTimeline.stream().map(TimelineEntry::id).toList());
        // every version decided is on the timeline once, across the restart
        List<String> decided = Files.readAllLines(data.resolve("alert-log.jsonl"));
        assertThat(timeline).filteredOn(e -> e.alertVersion() != null).extracting(TimelineEntry::alertVersion)
                .containsExactlyElementsOf(decided.stream().map(l -> AlertJson.parse(l).version()).toList());
        assertThat(timeline).as("every notice posted").allSatisfy(e -> assertThat(e.notified()).as(e.id()).isTrue());

        // the same versions delivered again to a fresh owner over the same index: nothing added or changed
        Configuration config = Configuration.load(home);
        var again = new Incidents(IncidentSettings.defaults(), config.playbooks(), stored, IncidentNotices.NONE,
                RoleMentions.PLAIN, config.statements(), null, clock).restore();
        decided.forEach(l -> again.record(AlertJson.parse(l)));
        assertThat(stored.timeline(id)).isEqualTo(timeline);
        assertThat(stored.find(id)).contains(after);

        Path out = data.resolve("report").resolve(id + ".md");
        var mentions = new MentionStore(TestService.get().client(), prefix, 0);
        var read = new MentionRecovery(TestService.get().client(), mentions);
        String md = IncidentReports.write(stored, read, read, config.statements(), id, out);
        assertThat(Files.readString(out)).isEqualTo(md);
        assertThat(md).startsWith("# Post-incident report: Acme Air, safety")
                .contains("| Acknowledged | 2026-03-02 09:20:00 UTC | "
                        + Duration.between(detected, DemoScenario.ONSET.plus(Duration.ofMinutes(20))).toMinutes() + " min | U-IT |")
                .contains("| Approve the holding statement | comms-lead | 2026-03-02 09:34:00 UTC |  | missed |")
                .contains("## Evidence: the most-shared posts\n\n1. ")
                .contains("AC417")
                .contains("- The brand's usual negative share (the week before detection");
        assertThat(Files.size(out.resolveSibling(id + "-chart.png"))).isPositive();
    }

    private static FirebreakService start(Home home, Settings settings, ByteArrayOutputStream console,
                                          DemoScenario.DemoClock clock) {
        return FirebreakService.start(home, settings.withFreeApiPort(),
                Wirings.live(home, Map.of(), new PrintStream(console, true), null, clock));
    }

    private static void settle(LiveDetection live, IncidentDesk desk) throws InterruptedException {
        live.awaitDispatched(Duration.ofSeconds(60));
        desk.drain();
        desk.incidents().sendNotices();
    }

    private HttpResponse<String> promote(FirebreakService service, String alertId) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(service.apiUrl() + "/api/v1/incidents"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"alert_id\": \"" + alertId + "\", \"by\": \"U-IT\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void send(FirebreakService service, List<String> lines) throws Exception {
        for (int from = 0; from < lines.size(); from += 400) {
            String body = String.join("\n", lines.subList(from, Math.min(lines.size(), from + 400)));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(service.apiUrl() + "/api/v1/mentions"))
                    .header("Content-Type", "application/x-ndjson").timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isIn(200, 422);
        }
    }
}
