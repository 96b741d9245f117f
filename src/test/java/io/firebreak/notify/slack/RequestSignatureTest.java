package io.firebreak.notify.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.notify.slack.RequestSignature.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestSignatureTest {

    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final Instant NOW = Instant.parse("2026-03-02T09:15:00Z");
    private static final byte[] BODY = "payload=%7B%22type%22%3A%22block_actions%22%7D".getBytes(StandardCharsets.UTF_8);
    private final RequestSignature signature = new RequestSignature(SECRET);

    private String ts(long offsetSeconds) {
        return String.valueOf(NOW.getEpochSecond() + offsetSeconds);
    }

    @Test
    void slacksOwnExample_isReproducedExactly() {
        // the worked example in Slack's "Verifying requests from Slack"
        String body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
                + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url="
                + "https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id="
                + "398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        assertThat(signature.sign("1531420618", body.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");
    }

    @Test
    void aSignedFreshRequest_passes_atTheWindowsEdgeBothWays() {
        for (long offset : new long[] {0, -300, 300}) {
            String ts = ts(offset);
            assertThat(signature.check(ts, signature.sign(ts, BODY), BODY, NOW)).as("offset %d s", offset).isEqualTo(Verdict.ok);
        }
    }

    @Test
    void moreThanFiveMinutesOffEitherWay_isStale_evenWhenSignedRight() {
        // Bolt's own verifier accepts the future one: it only checks that a request is not too old
        for (long offset : new long[] {-301, 301, 86_400}) {
            String ts = ts(offset);
            assertThat(signature.check(ts, signature.sign(ts, BODY), BODY, NOW)).as("offset %d s", offset)
                    .isEqualTo(Verdict.stale);
        }
    }

    @Test
    void anAbsurdTimestamp_isStale_notAnOverflowThatLooksFresh() {
        // |now - ts| overflows for ts = now + Long.MIN_VALUE and came out negative, "within five minutes"
        for (String ts : new String[] {String.valueOf(NOW.getEpochSecond() + Long.MIN_VALUE), String.valueOf(Long.MIN_VALUE),
                String.valueOf(Long.MAX_VALUE)}) {
            assertThat(signature.check(ts, signature.sign(ts, BODY), BODY, NOW)).as("ts %s", ts).isEqualTo(Verdict.stale);
        }
    }

    @Test
    void aWrongSignature_anotherBody_orAnotherSecret_areRefused() {
        String ts = ts(0);
        String good = signature.sign(ts, BODY);
        String flipped = good.substring(0, good.length() - 1) + (good.endsWith("0") ? "1" : "0");
        assertThat(signature.check(ts, flipped, BODY, NOW)).isEqualTo(Verdict.bad_signature);
        assertThat(signature.check(ts, good.toUpperCase(), BODY, NOW)).isEqualTo(Verdict.bad_signature);
        assertThat(signature.check(ts, good, "payload=%7B%7D".getBytes(StandardCharsets.UTF_8), NOW))
                .isEqualTo(Verdict.bad_signature);
        assertThat(signature.check(ts, new RequestSignature("another-secret").sign(ts, BODY), BODY, NOW))
                .isEqualTo(Verdict.bad_signature);
        assertThat(signature.check(ts, good.substring(0, 10), BODY, NOW)).isEqualTo(Verdict.bad_signature);
    }

    @Test
    void missingOrMalformedHeaders_areRefused() {
        String ts = ts(0);
        assertThat(signature.check(null, signature.sign(ts, BODY), BODY, NOW)).isEqualTo(Verdict.missing);
        assertThat(signature.check(ts, null, BODY, NOW)).isEqualTo(Verdict.missing);
        assertThat(signature.check("", "", BODY, NOW)).isEqualTo(Verdict.missing);
        assertThat(signature.check("yesterday", "v0=00", BODY, NOW)).isEqualTo(Verdict.malformed);
    }
}
