package io.firebreak.notify.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signature ({@code X-Slack-Signature: v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body))}),
 * checked on the raw body before anything parses it. Stricter than Bolt's own verifier
 * ({@code SlackSignature.Verifier} in 1.47), which this replaces: that one accepts any timestamp in the future
 * (it checks only that a request is not older than 5 minutes), compares with {@code String.equals}, which
 * stops at the first differing character, and hashes with the platform's default charset. Here a timestamp
 * more than 5 minutes off either way is refused, the comparison takes the same time wherever the bytes
 * differ ({@link MessageDigest#isEqual}), and the body is hashed as the bytes received.
 */
public final class RequestSignature {

    /** How far the request's timestamp may be from our clock, either way: Slack's replay window. */
    public static final Duration WINDOW = Duration.ofMinutes(5);

    /** Why a request was refused, or {@code ok}; the reasons are for the log, the caller answers 401 to all. */
    public enum Verdict { ok, missing, malformed, stale, bad_signature }

    private final byte[] secret;

    public RequestSignature(String signingSecret) {
        if (signingSecret == null || signingSecret.isBlank()) {
            throw new IllegalArgumentException("the Slack signing secret is empty");
        }
        this.secret = signingSecret.strip().getBytes(StandardCharsets.UTF_8);
    }

    public Verdict check(String timestamp, String signature, byte[] body, Instant now) {
        if (timestamp == null || signature == null || timestamp.isBlank() || signature.isBlank()) {
            return Verdict.missing;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return Verdict.malformed;
        }
        // two comparisons rather than Math.abs(now - seconds), which overflows for a timestamp near Long.MIN_VALUE
        long nowSeconds = now.getEpochSecond();
        if (seconds < nowSeconds - WINDOW.toSeconds() || seconds > nowSeconds + WINDOW.toSeconds()) {
            return Verdict.stale;
        }
        byte[] expected = sign(timestamp.strip(), body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.strip().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Verdict.ok : Verdict.bad_signature;
    }

    /** The signature Slack would send for this body at this timestamp (also what tests sign with). */
    public String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
