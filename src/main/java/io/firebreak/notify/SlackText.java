package io.firebreak.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text for Slack, in two kinds. Public text (quotes, handles, terms) goes into elements Slack does
 * not interpret ({@code rich_text} text elements, {@code plain_text}), so it keeps every character its
 * author wrote; only what could hide or reorder text is taken out ({@link #clean}). Firebreak's own
 * text (labels, figures, ids) may go into mrkdwn, escaped with {@link #mrkdwn}.
 */
public final class SlackText {

    private static final Pattern BROADCAST = Pattern.compile("@(?=(?:channel|here|everyone)\\b)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,20}");
    private static final Pattern CHANNEL_ID = Pattern.compile("[CGD][A-Z0-9]{2,20}");
    private static final Pattern BLANK_LINES = Pattern.compile("\n[ \t]*\n(?:[ \t]*\n)+");

    /** Longer URLs are shown unlinked: they would eat the block's character budget. */
    private static final int MAX_URL = 500;
    private static final String ELLIPSIS = "…";

    private SlackText() {}

    /**
     * Public text with what could hide or reorder it taken out, everything else as written: control
     * characters (line breaks and tabs stay), bidi embeddings, overrides, isolates and marks, and
     * zero-width characters. A zero-width joiner stays between two symbols, where it builds an emoji
     * (👩‍🚒); elsewhere it is invisible and goes.
     */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        int previous = -1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\r') {
                // CRLF and a lone CR are both one line break
                if (i < text.length() && text.charAt(i) == '\n') {
                    continue;
                }
                c = '\n';
            } else if (c == 0x2028 || c == 0x2029 || c == 0x0085 || c == 0x0B || c == 0x0C) {
                c = '\n';
            }
            if (c == 0x200D) {
                int next = i < text.length() ? text.codePointAt(i) : -1;
                if (!(emojiPart(previous) && emojiPart(next))) {
                    continue;
                }
            } else if (hidden(c)) {
                continue;
            }
            out.appendCodePoint(c);
            previous = c;
        }
        return out.toString();
    }

    /** Public text on one line (handles, terms): cleaned, runs of whitespace as one space, cut to {@code max}. */
    public static String line(String text, int max) {
        return cut(SPACES.matcher(clean(text)).replaceAll(" ").strip(), max);
    }

    /** Public text that may span lines (a quote, the statement): cleaned, at most one blank line in a row, cut to {@code max}. */
    public static String lines(String text, int max) {
        return cut(BLANK_LINES.matcher(clean(text)).replaceAll("\n\n").strip(), max);
    }

    /** The same as {@link #line}; the console and the chart title use it too. */
    static String oneLine(String text, int max) {
        return line(text, max);
    }

    /**
     * At most {@code max} UTF-16 units, cut between whole code points (never inside a surrogate pair)
     * and marked with an ellipsis.
     */
    static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Math.max(0, max - ELLIPSIS.length());
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    /**
     * Firebreak's own text for mrkdwn, on one line: Slack's three control characters escaped and
     * broadcast words given a word joiner, so a label can never ping or build a link.
     */
    public static String mrkdwn(String text, int max) {
        String s = line(text, max).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return BROADCAST.matcher(s).replaceAll("@\u2060");
    }

    /** Firebreak's own text inside mrkdwn {@code `code`}: escaped, and a backtick cannot end the span. */
    public static String code(String text) {
        return mrkdwn(text, 200).replace('`', '\'');
    }

    /**
     * A person in mrkdwn: a Slack user id ({@code U…}, {@code W…}) becomes a mention {@code <@U…>}, which Slack shows
     * as the person's name; anything else (an API client's name) is escaped text, so it can neither ping nor link.
     */
    public static String user(String id) {
        if (id != null && USER_ID.matcher(id).matches()) {
            return "<@" + id + ">";
        }
        return mrkdwn(id == null ? "someone" : id, 80);
    }

    /** A Slack channel in mrkdwn: a channel id ({@code C…}, {@code G…}) becomes a link {@code <#C…>}; else escaped text. */
    public static String channel(String id) {
        if (id != null && CHANNEL_ID.matcher(id).matches()) {
            return "<#" + id + ">";
        }
        return mrkdwn(id == null ? "(unknown)" : id, 80);
    }

    /** The URL if it is absolute http(s) with a host and at most 500 characters, as ASCII; else null. */
    public static String safeUrl(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return null;
            }
            String ascii = uri.toASCIIString();
            return ascii.length() > MAX_URL ? null : ascii;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** Characters that show nothing yet change what is shown or how it is ordered. */
    private static boolean hidden(int c) {
        if (c == '\n' || c == '\t') {
            return false;
        }
        return Character.isISOControl(c)                // C0, DEL, C1
                || (c >= 0x200B && c <= 0x200F)         // zero-width space / non-joiner / joiner, LRM, RLM
                || (c >= 0x202A && c <= 0x202E)         // bidi embeddings and overrides
                || (c >= 0x2060 && c <= 0x2064)         // word joiner, invisible operators
                || (c >= 0x2066 && c <= 0x2069)         // bidi isolates
                || c == 0x061C                          // Arabic letter mark
                || c == 0xFEFF                          // zero-width no-break space (BOM)
                || c == 0x180E                          // Mongolian vowel separator
                || (c >= 0xFFF9 && c <= 0xFFFB)         // interlinear annotation
                || (c >= 0xE0000 && c <= 0xE007F);      // tag characters: invisible ASCII
    }

    /** Code points a zero-width joiner legitimately sits between in an emoji sequence. */
    private static boolean emojiPart(int c) {
        if (c < 0) {
            return false;
        }
        if (c == 0xFE0F || (c >= 0x1F3FB && c <= 0x1F3FF)) {  // emoji presentation, skin tones
            return true;
        }
        return c >= 0x2000 && Character.getType(c) == Character.OTHER_SYMBOL;
    }
}
