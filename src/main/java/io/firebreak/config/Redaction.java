package io.firebreak.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a URL, or any text that may hold one (a log line, an error), safe to show: credentials
 * written into a URL ({@code https://user:secret@host}) keep the user and lose the secret. Every
 * place that shows a cluster URL goes through here, so there is one rule to get right.
 */
public final class Redaction {

    /** What stands in for the secret. */
    public static final String MASK = "****";

    // scheme://userinfo@ — greedy up to the last '@' before the authority ends, so an unencoded '@'
    // inside the password is masked too rather than half shown
    private static final Pattern USERINFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)([^/?#\\s]*)@");

    private Redaction() {}

    /**
     * The URL with any password masked; a user name alone may itself be a token, so it is masked whole.
     * The URL may be malformed (that is often why it is shown): whatever stands before the last
     * {@code @} of its authority is taken for credentials, with or without a scheme, spaces included.
     */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        int scheme = url.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        int end = url.length();
        for (int i = start; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        int at = url.lastIndexOf('@', end - 1);
        if (at < start) {
            return url;
        }
        return url.substring(0, start) + masked(url.substring(start, at)) + url.substring(at);
    }

    /** The text with the credentials of every URL in it masked. */
    public static String text(String text) {
        if (text == null || text.indexOf('@') < 0) {
            return text;
        }
        Matcher m = USERINFO.matcher(text);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + masked(r.group(2)) + "@"));
    }

    private static String masked(String userInfo) {
        int colon = userInfo.indexOf(':');
        return colon < 0 ? MASK : userInfo.substring(0, colon) + ":" + MASK;
    }
}
