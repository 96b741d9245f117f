package io.firebreak.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The HMAC scheme: what a sender computes, and each way a signature is refused. */
class WebhookSignatureTest {

    private static final String SECRET = "whsec-0123456789abcdef";
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final byte[] BODY = "{\"id\":\"1\",\"text\":\"hello\"}".getBytes(StandardCharsets.UTF_8);
    private final WebhookSignature signature = new WebhookSignature(SECRET, Duration.ofMinutes(5));

    @Test
    void theHeaderIsHmacSha256OfTimestampDotBody_asASenderWouldComputeIt() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((NOW.getEpochSecond() + ".").getBytes(StandardCharsets.US_ASCII));
        String hex = java.util.HexFormat.of().formatHex(mac.doFinal(BODY));

        assertThat(signature.sign(BODY, NOW)).isEqualTo("t=" + NOW.getEpochSecond() + ",v1=" + hex);
        signature.verify("t=" + NOW.getEpochSecond() + ",v1=" + hex, BODY, NOW.plusSeconds(299));
    }

    @Test
    void aChangedBody_oneByte_isRefused() {
        String header = signature.sign(BODY, NOW);
        byte[] changed = BODY.clone();
        changed[changed.length - 3] ^= 1;
        assertRefused(header, changed, NOW, "does not match");
    }

    @Test
    void outsideTheWindow_eitherWay_isRefused() {
        assertRefused(signature.sign(BODY, NOW.minusSeconds(301)), BODY, NOW, "the most is 300 s");
        assertRefused(signature.sign(BODY, NOW.plusSeconds(301)), BODY, NOW, "the most is 300 s");
    }

    @Test
    void aFreshTimestampOnAnOldSignature_isRefused() {
        String old = signature.sign(BODY, NOW.minusSeconds(3600));
        String hex = old.substring(old.indexOf("v1=") + 3);
        assertRefused("t=" + NOW.getEpochSecond() + ",v1=" + hex, BODY, NOW, "does not match");
    }

    @Test
    void missingOrMalformedHeaders_sayWhatIsMissing() {
        assertRefused(null, BODY, NOW, "signed bodies only");
        assertRefused("v1=" + "a".repeat(64), BODY, NOW, "no t=");
        assertRefused("t=" + NOW.getEpochSecond(), BODY, NOW, "no v1=");
        assertRefused("t=" + NOW.getEpochSecond() + ",v1=zz" + "a".repeat(62), BODY, NOW, "no v1=");
        assertRefused("t=99999999999999999999,v1=" + "a".repeat(64), BODY, NOW, "no t=");
    }

    @Test
    void anotherSecretsSignature_isRefused_andOneOfSeveralV1Matching_isEnough() {
        String other = new WebhookSignature("another-secret-0123456789", Duration.ofMinutes(5)).sign(BODY, NOW);
        assertRefused(other, BODY, NOW, "does not match");
        String good = signature.sign(BODY, NOW);
        signature.verify(other + "," + good.substring(good.indexOf("v1=")), BODY, NOW);
    }

    @Test
    void aShortSecret_isRefused() {
        assertThatThrownBy(() -> new WebhookSignature("short", Duration.ofMinutes(5))).hasMessageContaining("16 characters");
    }

    private void assertRefused(String header, byte[] body, Instant now, String reason) {
        assertThatThrownBy(() -> signature.verify(header, body, now))
                .isInstanceOfSatisfying(RequestRefused.class, r -> {
                    assertThat(r.status()).isEqualTo(401);
                    assertThat(r.kind()).isEqualTo("bad_signature");
                    assertThat(r.getMessage()).contains(reason).doesNotContain(SECRET);
                });
    }
}
