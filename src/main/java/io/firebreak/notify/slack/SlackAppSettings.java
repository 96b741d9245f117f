package io.firebreak.notify.slack;

import java.util.Map;

/**
 * What the Slack app needs from the environment: the bot token (Web API calls), the signing secret (HTTP
 * requests at {@code /slack/actions}), the app-level token (Socket Mode), and another Web API base URL
 * (a stand-in). Secrets are only ever held here and handed to the SDK; {@link #toString} names none.
 */
public record SlackAppSettings(String botToken, String signingSecret, String appToken, String apiUrl) {

    /** Interactivity needs the bot token, and a signing secret or an app token; null when that is not there. */
    public static SlackAppSettings fromEnvironment(Map<String, String> env) {
        String bot = blankToNull(env.get("SLACK_BOT_TOKEN"));
        String secret = blankToNull(env.get("SLACK_SIGNING_SECRET"));
        String app = blankToNull(env.get("SLACK_APP_TOKEN"));
        if (bot == null || secret == null && app == null) {
            return null;
        }
        if (app != null && !app.startsWith("xapp-")) {
            throw new IllegalArgumentException("SLACK_APP_TOKEN is not an app-level token (it starts with xapp-)");
        }
        return new SlackAppSettings(bot, secret, app, blankToNull(env.get("SLACK_API_URL")));
    }

    public boolean socketMode() {
        return appToken != null;
    }

    @Override
    public String toString() {
        return "SlackAppSettings[http=" + (signingSecret != null) + ", socketMode=" + socketMode()
                + (apiUrl == null ? "" : ", api=" + apiUrl) + "]";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
