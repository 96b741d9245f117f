package io.firebreak.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SlackTextTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "<!channel>", "<!here|here>", "<!everyone>", "<@U0123ABC>", "<#C0123|general>", "<!subteam^S1|@team>",
        "<http://evil.example|click>", "<mailto:a@b.c|mail>"})
    void angleBracketSyntaxNeverSurvives(String hostile) {
        assertThat(SlackText.escape(hostile)).doesNotContain("<", ">").startsWith("&lt;");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "@here now        | @\u2060here now",
        "@Channel!        | @\u2060Channel!",
        "@everyone        | @\u2060everyone",
        "*bold* _it_      | ∗bold∗ ˍitˍ",
        "~strike~ `code`  | ∼strike∼ ˋcodeˋ",
        "see http://x.io  | see http[:]//x.io",
        "www.evil.example | www[.]evil.example",
        "a & b            | a &amp; b"})
    void broadcastsFormattingAndBareLinksAreInert(String in, String out) {
        assertThat(SlackText.escape(in)).isEqualTo(out);
    }

    @Test
    void onlyHttpUrlsBecomeLinksAndCannotBreakOutOfTheLinkSyntax() {
        assertThat(SlackText.link("javascript:alert(1)", "post")).isEqualTo("post");
        assertThat(SlackText.link("ftp://x.example/f", "post")).isEqualTo("post");
        assertThat(SlackText.link("https://x.example/a%7Cb?q=1", "post")).isEqualTo("<https://x.example/a%7Cb?q=1|post>");
        assertThat(SlackText.link("https://x.example/a|b>c", "post")).isEqualTo("post");
    }

    @Test
    void inlineCollapsesLinesSoNothingStartsAQuoteOrList() {
        assertThat(SlackText.inline("line\n> quote\n\u001b[31mred", 100)).isEqualTo("line &gt; quote [31mred");
        assertThat(SlackText.inline("abcdef", 4)).isEqualTo("abc…");
    }
}
