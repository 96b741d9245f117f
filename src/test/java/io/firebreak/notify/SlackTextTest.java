package io.firebreak.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlackTextTest {

    /** What a quote with every mrkdwn and Slack syntax character looks like after rendering: the same. */
    @ParameterizedTest
    @ValueSource(strings = {
        Fixtures.HOSTILE,
        "*bold* _it_ ~strike~ `code` ```block``` > quote & <b> see http://x.io and www.evil.example",
        "<@U0123ABC> <#C0123|general> <!subteam^S1|@team> <mailto:a@b.c|mail> :fire: @everyone",
        "caf\u00e9 \u2013 \u6771\u4eac \u2013 \u0645\u0631\u062d\u0628\u0627 \u2013 \uD83D\uDC69\u200D\uD83D\uDE92 \u2013 \uD83C\uDDEC\uD83C\uDDE7 \u2013 e\u0301"})
    void publicTextKeepsEveryCharacterItsAuthorWrote(String quote) {
        assertThat(SlackText.clean(quote)).isEqualTo(quote);
        assertThat(SlackText.lines(quote, 1000)).isEqualTo(quote);
        assertThat(SlackText.line(quote, 1000)).isEqualTo(quote);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "C0 controls (NUL, BEL, ESC, US)           | a\u0000b\u0007c\u001b[31md\u001fe | abc[31mde",
        "DEL and C1 controls (CSI)                 | a\u007fb\u009b2Jc                  | ab2Jc",
        "bidi embeddings and overrides 202A-202E   | x\u202Ay\u202Bz\u202C\u202Dw\u202Ev | xyzwv",
        "bidi isolates 2066-2069                   | x\u2066y\u2067z\u2068w\u2069v      | xyzwv",
        "bidi marks LRM RLM and ALM 061C           | x\u200Ey\u200Fz\u061Cw               | xyzw",
        "zero-width space, non-joiner, lone joiner | @\u200Bhe\u200Cre\u200D!            | @here!",
        "BOM / zero-width no-break space FEFF      | \uFEFFstart mid\uFEFFdle            | start middle",
        "word joiner and invisible operators       | a\u2060b\u2061c\u2064d               | abcd",
        "tag characters (invisible ASCII)          | ok\uDB40\uDC69\uDB40\uDC67go         | okgo"})
    void hiddenAndReorderingCharactersAreStripped(String kind, String in, String out) {
        assertThat(SlackText.clean(in)).as(kind).isEqualTo(out);
    }

    @Test
    void aRightToLeftOverrideCannotReverseWhatFollowsIt() {
        // "invoice_\u202Efdp.exe" shows as invoice_exe.pdf in a bidi-aware renderer
        assertThat(SlackText.line("invoice_\u202Efdp.exe", 100)).isEqualTo("invoice_fdp.exe");
    }

    @Test
    void aZeroWidthJoinerStaysInsideAnEmojiSequenceOnly() {
        String firefighter = "\uD83D\uDC69\u200D\uD83D\uDE92";      // 👩‍🚒
        String family = "\uD83D\uDC68\uD83C\uDFFD\u200D\uD83D\uDC67"; // 👨🏽‍👧 (skin tone before the joiner)
        String heart = "\u2764\uFE0F\u200D\uD83D\uDD25";              // ❤️‍🔥
        assertThat(SlackText.clean(firefighter)).isEqualTo(firefighter);
        assertThat(SlackText.clean(family)).isEqualTo(family);
        assertThat(SlackText.clean(heart)).isEqualTo(heart);
        assertThat(SlackText.clean("a\u200Db \u200D\uD83D\uDE92 \uD83D\uDC69\u200D")).isEqualTo("ab \uD83D\uDE92 \uD83D\uDC69");
    }

    @Test
    void lineBreaksAreKeptInQuotesAndFoldedInOneLineText() {
        assertThat(SlackText.lines("first\r\nsecond\rthird\u2028fourth\n\n\n\n\nlast", 100))
                .isEqualTo("first\nsecond\nthird\nfourth\n\nlast");
        assertThat(SlackText.line("  jane\n\tdoe \r\n ", 100)).isEqualTo("jane doe");
    }

    @Test
    void cuttingKeepsWholeCharactersAndMarksTheCut() {
        assertThat(SlackText.line("abcdef", 4)).isEqualTo("abc…");
        assertThat(SlackText.line("abc", 3)).isEqualTo("abc");
        String emoji = "a" + "\uD83D\uDD25".repeat(10);              // a🔥🔥…: every other unit is a high surrogate
        IntStream.rangeClosed(1, emoji.length()).forEach(max -> {
            String cut = SlackText.line(emoji, max);
            assertThat(cut.length()).as("max %d", max).isLessThanOrEqualTo(max);
            assertThat(cut.codePoints()).as("no lone surrogate at max %d", max).noneMatch(c -> c >= 0xD800 && c <= 0xDFFF);
        });
        assertThat(SlackText.line(emoji, 4)).isEqualTo("a\uD83D\uDD25…");
        assertThat(SlackText.line(emoji, 3)).isEqualTo("a…");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<!channel> a & b | &lt;!channel&gt; a &amp; b",
        "@here now        | @\u2060here now",
        "@Channel!        | @\u2060Channel!",
        "two\\nlines      | two lines"})
    void firebreaksOwnTextInMrkdwnCannotPingOrBuildSyntax(String in, String out) {
        assertThat(SlackText.mrkdwn(in.replace("\\n", "\n"), 100)).isEqualTo(out);
    }

    @Test
    void onlyAbsoluteHttpUrlsWithAHostAreSafe() {
        assertThat(SlackText.safeUrl("javascript:alert(1)")).isNull();
        assertThat(SlackText.safeUrl("ftp://x.example/f")).isNull();
        assertThat(SlackText.safeUrl("https:///no-host")).isNull();
        assertThat(SlackText.safeUrl("https://x.example/a|b>c")).isNull();
        assertThat(SlackText.safeUrl("https://x.example/" + "a".repeat(500))).isNull();
        assertThat(SlackText.safeUrl(" https://x.example/a%7Cb?q=1 ")).isEqualTo("https://x.example/a%7Cb?q=1");
        assertThat(SlackText.safeUrl("HTTP://x.example/caf\u00e9")).isEqualTo("HTTP://x.example/caf%C3%A9");
    }

    @Test
    void aPerson_isAMentionOnlyWhenTheirIdIsASlackUserId() {
        assertThat(SlackText.user("U012ABCDEF")).isEqualTo("<@U012ABCDEF>");
        assertThat(SlackText.user("W0ENTERPRISE")).isEqualTo("<@W0ENTERPRISE>");
        assertThat(SlackText.user("U0X><!channel>")).isEqualTo("U0X&gt;&lt;!channel&gt;");
        assertThat(SlackText.user("ops-bot @here")).isEqualTo("ops-bot @\u2060here");
        assertThat(SlackText.user(null)).isEqualTo("someone");
    }
}
