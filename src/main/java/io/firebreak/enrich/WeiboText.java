package io.firebreak.enrich;

import java.util.ArrayList;
import java.util.List;

/**
 * A Weibo post taken apart: the poster's own words, the {@code [emoji]} codes in them, the {@code #topics#},
 * and the quoted repost chain. On Weibo a repost reads "own words//@B: B's words//@C: C's words": only what
 * comes before the first {@code //@} is the reposter's opinion, the rest is quoted. {@code @user} mentions
 * are removed from the words (a name says nothing about a mood; brand handles are matched elsewhere).
 *
 * @param own    the reposter's own words, without emoji codes and {@code @user} mentions, topics kept as words
 * @param emoji  the emoji codes in the own words, without brackets ("怒", "微笑")
 * @param topics the {@code #topic#} texts anywhere in the post
 * @param quoted the repost chain after the first {@code //@}, empty for an original post
 */
public record WeiboText(String own, List<String> emoji, List<String> topics, String quoted) {

    /** Weibo's placeholder when a reposter adds nothing: not an opinion. */
    static final String PLAIN_REPOST = "转发微博";

    /** An emoji code is short: "[怒]", "[笑cry]", "[小黄人无奈]"; longer brackets are text ("[图片说明...]"). */
    private static final int MAX_EMOJI = 8;

    public WeiboText {
        emoji = List.copyOf(emoji);
        topics = List.copyOf(topics);
    }

    public static WeiboText parse(String text) {
        int chain = text.indexOf("//@");
        String head = chain < 0 ? text : text.substring(0, chain);
        String quoted = chain < 0 ? "" : text.substring(chain + 2);
        List<String> emoji = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        StringBuilder own = new StringBuilder(head.length());
        int n = head.length();
        for (int i = 0; i < n; ) {
            char c = head.charAt(i);
            if (c == '[' || c == '［') {
                int close = closing(head, i + 1, c == '[' ? ']' : '］', MAX_EMOJI);
                if (close > i + 1) {
                    emoji.add(head.substring(i + 1, close));
                    own.append(' ');
                    i = close + 1;
                    continue;
                }
            }
            if (c == '@' && i + 1 < n && isNameChar(head.charAt(i + 1))) {
                i++;
                while (i < n && isNameChar(head.charAt(i))) {
                    i++;
                }
                own.append(' ');
                continue;
            }
            if (c == '#' || c == '＃') {
                int close = closing(head, i + 1, c, 40);
                if (close > i + 1) {
                    topics.add(head.substring(i + 1, close));
                    // the topic's words stay: "#某品牌奶粉致癌#" says what the post is about; a break either side
                    own.append(' ').append(head, i + 1, close).append(' ');
                    i = close + 1;
                    continue;
                }
            }
            own.append(c);
            i++;
        }
        collectTopics(quoted, topics);
        String words = own.toString().strip();
        if (words.equals(PLAIN_REPOST)) {
            words = "";
        }
        return new WeiboText(words, emoji, topics, quoted);
    }

    private static void collectTopics(String text, List<String> topics) {
        for (int i = text.indexOf('#'); i >= 0 && i + 1 < text.length(); i = text.indexOf('#', i + 1)) {
            int close = closing(text, i + 1, '#', 40);
            if (close > i + 1) {
                topics.add(text.substring(i + 1, close));
                i = close;
            }
        }
    }

    /** The index of {@code close} within {@code max} characters of {@code from} on the same line, or -1. */
    private static int closing(String text, int from, char close, int max) {
        int end = Math.min(text.length(), from + max + 1);
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            if (c == close) {
                return i;
            }
            if (c == '\n' || c == '[' || c == '#' && close != '#') {
                return -1;
            }
        }
        return -1;
    }

    /** Weibo nicknames: Han characters, letters, digits, '_' and '-'. */
    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }
}
