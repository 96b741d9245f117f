package io.firebreak.notify;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How alert numbers and times are written for people, the same in Slack and on the console. */
final class Figures {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm 'UTC' d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Figures() {}

    static String count(long n) {
        if (n >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1fM", n / 1_000_000.0);
        }
        if (n >= 10_000) {
            return String.format(Locale.ROOT, "%.1fk", n / 1_000.0);
        }
        return Long.toString(n);
    }

    /** "1 share", "340 shares", "12.3k followers". */
    static String counted(long n, String noun) {
        return count(n) + " " + noun + (n == 1 ? "" : "s");
    }

    static String decimal(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    static String ratio(double d) {
        return decimal(d) + "×";
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }
}
