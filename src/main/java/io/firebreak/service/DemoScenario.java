package io.firebreak.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firebreak.detect.Scenarios;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The bundled demo: two calm weeks of mentions of the fictional Acme Air, a safety scare that
 * spreads within minutes, then a few calm hours in which the alert resolves. Written by this project (no third-party data), deterministic (fixed
 * seed and dates) so a re-run updates the same documents instead of adding more.
 */
public final class DemoScenario {

    /** When the wave starts, in event time. */
    public static final Instant ONSET = Instant.parse("2026-03-02T09:00:00Z");
    static final Instant START = ONSET.minus(Duration.ofDays(14));
    static final Duration WAVE = Duration.ofMinutes(45);

    private static final String[] CALM = {
        "Smooth flight with @AcmeAir this morning, crew was lovely",
        "@AcmeAir thanks for the upgrade, made my week!",
        "Booked my summer trip on Acme Air, fingers crossed for sunshine",
        "@AcmeAir what is the baggage allowance on the Lisbon route?",
        "Acme Air lounge coffee is actually good now #acmeair",
        "On board @AcmeAir to Berlin, wifi works great",
        "@AcmeAir my flight is delayed again, 40 minutes at the gate",
        "Acme Air app keeps logging me out, annoying",
        "@AcmeAir seat 14C has no legroom at all",
        "Landed early with Acme Air, nice",
    };
    private static final String[] WAVE_TEXTS = {
        "@AcmeAir smoke filled the cabin on flight AC%d and we made an emergency landing. Terrifying",
        "Passengers injured during the evacuation of Acme Air flight AC%d, this is horrifying #acmeair",
        "My sister was on AC%d. Smoke, screaming, oxygen masks. @AcmeAir has said NOTHING",
        "Acme Air flight AC%d emergency landing, people hurt on the slides. Is this airline even safe?",
        "@AcmeAir why is nobody answering? Families of AC%d passengers need information NOW",
        "Never flying @AcmeAir again after what happened on AC%d. Dangerous and silent",
    };

    /**
     * What the demo's people do, on its clock (the scenario's own time): the duty manager acknowledges a few
     * minutes into the wave; the holding statement, due 15 minutes after SEV1, is approved late, after its
     * reminder; the social team replies to the most-shared posts in time. Nobody does the legal review or
     * the hourly public update: their reminders and missed slots come as the clock passes them.
     */
    public static final Instant ACKNOWLEDGE_AT = ONSET.plus(Duration.ofMinutes(10));
    public static final Instant STATEMENT_AT = ONSET.plus(Duration.ofMinutes(37));
    public static final Instant REPLIES_DONE_AT = ONSET.plus(Duration.ofMinutes(38));
    /** How often the demo's clock moves on (and its incident desk ticks), in scenario time. */
    public static final Duration TICK = Duration.ofMinutes(5);
    /** After the alert resolved: what is still to do is reminded, and the report written. */
    public static final Instant REPORT_AT = ONSET.plus(Duration.ofHours(4));
    public static final String DUTY_MANAGER = "U0DUTYMGR";
    public static final String COMMS_LEAD = "U0COMMSLEAD";
    public static final String SOCIAL_TEAM = "U0SOCIAL";

    private DemoScenario() {}

    /** The lines of {@link #ndjson} with an event time before {@code cut}, or (with {@code before} false) the rest. */
    public static List<String> split(List<String> lines, Instant cut, boolean before) {
        return lines.stream().filter(l -> createdAt(l).isBefore(cut) == before).toList();
    }

    private static Instant createdAt(String line) {
        var m = java.util.regex.Pattern.compile("\"created_at\":\"([^\"]+)\"").matcher(line);
        try {
            return m.find() ? Instant.parse(m.group(1)) : Instant.MAX;
        } catch (java.time.format.DateTimeParseException broken) {
            return Instant.MAX; // the deliberately broken lines go last
        }
    }

    /** The demo's clock: the scenario's time, moved on by the demo as its story goes. */
    public static final class DemoClock extends java.time.Clock {
        private volatile Instant now;

        public DemoClock(Instant start) {
            this.now = start;
        }

        public void set(Instant at) {
            now = at;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Mention v1 JSON lines, in event-time order, plus two deliberately broken lines to show validation. */
    public static List<String> ndjson() {
        var mapper = new ObjectMapper();
        var rnd = new SplittableRandom(20260302L);
        var lines = new ArrayList<String>();
        long id = 0;
        for (Instant hour = START; hour.isBefore(ONSET); hour = hour.plus(Duration.ofHours(1))) {
            id = calmHour(mapper, rnd, lines, id, hour);
        }
        long minutes = WAVE.toMinutes();
        for (long m = 0; m < minutes; m++) {
            double perMinute = 14.0 * Math.min(1.0, (m + 1) / 6.0);
            int n = Scenarios.poisson(rnd, perMinute);
            for (int k = 0; k < n; k++) {
                Instant at = ONSET.plusSeconds(m * 60 + rnd.nextLong(60));
                String text = WAVE_TEXTS[rnd.nextInt(WAVE_TEXTS.length)].formatted(417);
                boolean influencer = rnd.nextInt(40) == 0;
                lines.add(line(mapper, id++, at, text, rnd, influencer ? 250_000 : 2_000, influencer ? 400 : 30));
            }
        }
        // afterwards the talk goes back to normal, and the alert resolves once it has been calm long enough
        for (Instant hour = ONSET.plus(WAVE); hour.isBefore(ONSET.plus(Duration.ofHours(4))); hour = hour.plus(Duration.ofHours(1))) {
            id = calmHour(mapper, rnd, lines, id, hour);
        }
        lines.sort(null);
        lines.add("{\"id\":\"demo-bad-1\",\"source\":\"demo\",\"text\":\"no timestamp on this one\"}");
        lines.add("{\"id\":\"demo-bad-2\",\"source\":\"demo\",\"created_at\":\"02/03/2026 09:10\",\"text\":\"a local date format\"}");
        return lines;
    }

    /** One hour of everyday mentions, busier in the day than at night. */
    private static long calmHour(ObjectMapper mapper, SplittableRandom rnd, List<String> lines, long id, Instant hour) {
        int hourOfDay = hour.atZone(ZoneOffset.UTC).getHour();
        double rate = 1.5 + 5 * Math.sin(Math.PI * Math.max(0, hourOfDay - 5) / 18.0);
        int n = Scenarios.poisson(rnd, Math.max(0.5, rate));
        long next = id;
        for (int k = 0; k < n; k++) {
            Instant at = hour.plusSeconds(rnd.nextLong(3600));
            lines.add(line(mapper, next++, at, CALM[rnd.nextInt(CALM.length)], rnd, 300, 0));
        }
        return next;
    }

    private static String line(ObjectMapper mapper, long id, Instant at, String text, SplittableRandom rnd,
                               int maxFollowers, int maxShares) {
        ObjectNode node = mapper.createObjectNode();
        node.put("created_at", at.toString());
        node.put("id", "demo-" + id);
        node.put("source", "demo");
        node.put("text", text);
        node.put("url", "https://social.example/acme/" + id);
        ObjectNode author = node.putObject("author");
        author.put("handle", "traveller" + rnd.nextInt(5_000));
        author.put("followers", rnd.nextInt(maxFollowers));
        node.putObject("engagement").put("shares", maxShares == 0 ? 0 : rnd.nextInt(maxShares));
        return node.toString();
    }
}
