package io.firebreak.incident;

import io.firebreak.notify.SlackText;

/**
 * Text for a Markdown report. What came from the public (posts, handles, an edited statement) is hostile:
 * it must not make headings, links, images, HTML, tables, emphasis or mentions. Only the characters that
 * can do that where the text stands are backslash-escaped (CommonMark lets any ASCII punctuation be), so
 * ordinary punctuation reads as written; hidden and control characters go, and line breaks are kept only
 * where a quote allows them.
 */
public final class Markdown {

    private Markdown() {}

    /** One line inside a line (a table cell, after the report's own words): cleaned, whitespace runs as one space, cut to {@code max}. */
    public static String inline(String text, int max) {
        return escape(SlackText.line(text == null ? "" : text, max), false);
    }

    /** One line that starts a block (a list item's text): as {@link #inline}, and it cannot open a heading, quote or list. */
    public static String leading(String text, int max) {
        return escape(SlackText.line(text == null ? "" : text, max), true);
    }

    /** A quote that may span lines: each line escaped as the start of a block and marked {@code > }. */
    public static String quote(String text, int max) {
        String cleaned = SlackText.lines(text == null ? "" : text, max);
        StringBuilder out = new StringBuilder();
        for (String line : cleaned.split("\n", -1)) {
            out.append("> ").append(escape(line.strip(), true)).append('\n');
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

    /**
     * Escapes what makes markup in a line: emphasis and code ({@code * _ ~ `}), links and images ({@code [ ]}),
     * HTML and autolinks ({@code < >}), table cells ({@code |}), entities ({@code &} before a name or {@code #}),
     * math ({@code $}), the backslash itself, and what GitHub links by itself: {@code @} (mentions, e-mail
     * addresses), the {@code :} of {@code ://} and the dot of {@code www.}. At the start of a block, also what
     * opens a heading, quote, list or thematic break there.
     */
    static String escape(String s, boolean blockStart) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (needsEscape(s, i) || blockStart && i == opener(s)) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean needsEscape(String s, int i) {
        char c = s.charAt(i);
        return switch (c) {
            case '\\', '`', '*', '_', '~', '[', ']', '<', '>', '|', '$', '@' -> true;
            case '&' -> i + 1 < s.length() && (Character.isLetter(s.charAt(i + 1)) || s.charAt(i + 1) == '#');
            case ':' -> s.startsWith("//", i + 1);
            case '.' -> i >= 3 && s.regionMatches(true, i - 3, "www", 0, 3)
                    && (i == 3 || !Character.isLetterOrDigit(s.charAt(i - 4)));
            default -> false;
        };
    }

    /** The index of the character that would open a block at the start of a line, or -1. */
    private static int opener(String s) {
        if (s.isEmpty()) {
            return -1;
        }
        char first = s.charAt(0);
        if (first == '#' || first == '>' || first == '-' || first == '+' || first == '=' || first == '*') {
            return 0;
        }
        int digits = 0;
        while (digits < s.length() && digits < 10 && Character.isDigit(s.charAt(digits))) {
            digits++;
        }
        return digits > 0 && digits < s.length() && (s.charAt(digits) == '.' || s.charAt(digits) == ')') ? digits : -1;
    }
}
