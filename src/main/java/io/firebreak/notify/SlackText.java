package io.firebreak.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Makes untrusted text safe inside Slack mrkdwn. Mention text is hostile: it must not ping
 * ({@code <!channel>}, {@code <@U123>}, {@code @here}), add links ({@code <http://x|y>}, bare URLs)
 * or format ({@code *bold*}, {@code `code`}). Slack has no backslash escape, so formatting
 * characters become look-alikes and broadcast words get a word joiner after the {@code @}.
 */
public final class SlackText {

    private static final Pattern BROADCAST = Pattern.compile("@(?=(?:channel|here|everyone)\\b)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCHEME = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*):(?=//)");
    private static final Pattern WWW = Pattern.compile("(?i)\\bwww\\.");
    private static final Pattern SPACE = Pattern.compile("[\\s\\p{Cntrl}\\p{Zl}\\p{Zp}]+");

    /** Longer URLs are shown unlinked: they would eat the section's 3000-character budget. */
    private static final int MAX_URL = 500;

    private SlackText() {}

    /** Untrusted text as one safe mrkdwn line, cut to {@code max} characters. */
    public static String inline(String text, int max) {
        return escape(oneLine(text, max));
    }

    /** Untrusted text made inert in mrkdwn: no pings, no links, no formatting. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        String s = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        s = s.replace('*', '∗').replace('_', 'ˍ').replace('~', '∼').replace('`', 'ˋ');
        s = BROADCAST.matcher(s).replaceAll("@\u2060");
        // bare URLs are auto-linked by Slack even without <>; break them visibly so nobody clicks by accident
        s = SCHEME.matcher(s).replaceAll("$1[:]");
        return WWW.matcher(s).replaceAll("www[.]");
    }

    /** Text for inside a ``` block, where only {@code & < >} and the fence itself matter. */
    public static String code(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('`', 'ˋ');
    }

    /** A link to an untrusted URL with an already escaped label; only http(s) becomes a link. */
    public static String link(String url, String escapedLabel) {
        String safe = safeUrl(url);
        return safe == null ? escapedLabel : "<" + safe + "|" + escapedLabel + ">";
    }

    /** The URL if it is absolute http(s), with the characters that would end Slack's link syntax encoded; else null. */
    static String safeUrl(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return null;
            }
            return uri.toASCIIString().replace("|", "%7C").replace("<", "%3C").replace(">", "%3E");
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** Collapses whitespace and control characters (no line-start quotes or lists) and cuts to {@code max}. */
    static String oneLine(String text, int max) {
        if (text == null) {
            return "";
        }
        String s = SPACE.matcher(text).replaceAll(" ").strip();
        return s.length() <= max ? s : s.substring(0, Math.max(0, max - 1)).stripTrailing() + "…";
    }
}
