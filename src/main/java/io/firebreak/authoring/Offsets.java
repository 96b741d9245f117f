package io.firebreak.authoring;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times in fixtures and sweeps: an offset from the fixture's start ({@code 1500m}, {@code 25h},
 * {@code 1d2h30m}, {@code +90m}), an ISO-8601 duration ({@code PT25H}) or an ISO instant.
 */
final class Offsets {

    private static final Pattern SHORT = Pattern.compile("\\+?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private Offsets() {}

    static Duration duration(String text) {
        String t = text.strip();
        Matcher m = SHORT.matcher(t);
        if (!t.isEmpty() && !t.equals("+") && m.matches()) {
            return Duration.ofDays(num(m.group(1))).plusHours(num(m.group(2))).plusMinutes(num(m.group(3)))
                    .plusSeconds(num(m.group(4)));
        }
        try {
            return Duration.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (write 90m, 25h, 1d2h or PT25H)");
        }
    }

    /** An instant, or an offset from {@code start}. */
    static Instant instant(String text, Instant start) {
        String t = text.strip();
        if (t.length() > 10 && Character.isDigit(t.charAt(0)) && t.charAt(4) == '-') {
            try {
                return java.time.OffsetDateTime.parse(t).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 time such as 2026-03-02T09:00:00Z");
            }
        }
        return start.plus(duration(t));
    }

    /** How a time reads next to a fixture's start: {@code 1505m}, or {@code -3m}. */
    static String since(Instant start, Instant at) {
        Duration d = Duration.between(start, at);
        long s = d.toSeconds();
        return s % 60 == 0 ? (s / 60) + "m" : String.format(java.util.Locale.ROOT, "%.1fm", s / 60.0);
    }

    private static long num(String g) {
        return g == null ? 0 : Long.parseLong(g);
    }
}
