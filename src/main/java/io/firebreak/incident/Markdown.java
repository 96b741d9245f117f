package io.firebreak.incident;

import io.firebreak.notify.SlackText;

/**
 * Text for a Markdown report. What came from the public (posts, handles, an edited statement) is hostile:
 * it must not make headings, links, images, HTML, tables or mentions, so every ASCII punctuation mark is
 * backslash-escaped (CommonMark lets any be), hidden and control characters go, and line breaks are
 * kept only where a quote allows them.
 */
public final class Markdown {

    private Markdown() {}

    /** One line: cleaned, whitespace runs as one space, cut to {@code max}, every punctuation mark escaped. */
    public static String inline(String text, int max) {
        return escape(SlackText.line(text == null ? "" : text, max));
    }

    /** A quote that may span lines: each line escaped and marked {@code > }. */
    public static String quote(String text, int max) {
        String cleaned = SlackText.lines(text == null ? "" : text, max);
        StringBuilder out = new StringBuilder();
        for (String line : cleaned.split("\n", -1)) {
            out.append("> ").append(escape(line.strip())).append('\n');
        }
        return out.toString();
    }

    /** A URL shown as code (never a link a reader clicks by mistake); only http(s) ones are shown at all. */
    public static String url(String url) {
        if (url == null || !url.matches("(?i)https?://[^\\s`]{1,500}")) {
            return "";
        }
        return "`" + url + "`";
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128 && isPunctuation(c)) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isPunctuation(char c) {
        return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~';
    }
}
