package io.firebreak.access;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signed request bodies, for webhook senders: the header
 * {@code X-Firebreak-Signature: t=<unix seconds>,v1=<hex>} where the hex is
 * {@code HMAC-SHA256(secret, "<t>." + raw body bytes)}. The timestamp is signed too, so an old body
 * cannot be sent again with a fresh time, and it must be within {@code maxAge} of this server's clock.
 * Checked on the raw bytes before anything parses them; more than one {@code v1} may be given (while a
 * secret is being rotated), and any that matches will do. Compared in constant time.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Firebreak-Signature";
    private static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    private final SecretKeySpec key;
    private final Duration maxAge;

    /** @param secret the shared secret, from the environment */
    public WebhookSignature(String secret, Duration maxAge) {
        if (secret == null || secret.length() < AccessTokens.MIN_LENGTH) {
            throw new IllegalArgumentException("the webhook signing secret needs at least " + AccessTokens.MIN_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.maxAge = maxAge;
    }

    /** The header value for {@code body} signed at {@code at} (senders, the CLI, tests). */
    public String sign(byte[] body, Instant at) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + HEX.formatHex(mac(t, body));
    }

    /**
     * @throws RequestRefused 401 naming what is wrong: missing, malformed, outside the window, or not matching
     */
    public void verify(String header, byte[] body, Instant now) {
        if (header == null || header.isBlank()) {
            throw refused("this route takes signed bodies only: send " + HEADER + ": t=<unix seconds>,v1=<hex HMAC-SHA256>");
        }
        Long t = null;
        List<byte[]> given = new ArrayList<>();
        for (String part : header.split(",", 8)) {
            int eq = part.indexOf('=');
            String name = eq < 0 ? part.strip() : part.substring(0, eq).strip();
            String value = eq < 0 ? "" : part.substring(eq + 1).strip();
            if (name.equals("t")) {
                try {
                    t = value.length() <= 12 ? Long.parseLong(value) : null;
                } catch (NumberFormatException e) {
                    t = null;
                }
            } else if (name.equals("v1") && value.length() == 64) {
                try {
                    given.add(HEX.parseHex(value));
                } catch (IllegalArgumentException notHex) {
                    // not a signature: ignored, and "none matches" below says so
                }
            }
        }
        if (t == null) {
            throw refused(HEADER + ": no t=<unix seconds> in it");
        }
        if (given.isEmpty()) {
            throw refused(HEADER + ": no v1=<64 hex digits> in it");
        }
        long skew = Math.abs(now.getEpochSecond() - t);
        if (skew > maxAge.toSeconds()) {
            throw refused(HEADER + ": t=" + t + " is " + skew + " s from this server's clock; the most is "
                    + maxAge.toSeconds() + " s (access.signature_max_age_s): sign each request when it is sent");
        }
        byte[] expected = mac(t, body);
        boolean ok = false;
        for (byte[] candidate : given) {
            ok |= MessageDigest.isEqual(expected, candidate);
        }
        if (!ok) {
            throw refused(HEADER + ": the signature does not match the body (HMAC-SHA256 of \"<t>.<raw body>\" with the shared secret)");
        }
    }

    private byte[] mac(long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is in every JVM", e);
        }
    }

    private static RequestRefused refused(String reason) {
        return new RequestRefused(401, "bad_signature", reason);
    }
}
