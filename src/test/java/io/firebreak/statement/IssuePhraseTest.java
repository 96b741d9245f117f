package io.firebreak.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one-line summary of a wave, from the phrases its posts repeat. */
class IssuePhraseTest {

    private static String phrase(List<String> posts, List<String> terms) {
        return IssuePhrase.of(posts, terms, Set.of("acme", "Acme Air"), 120);
    }

    @Test
    void growsTheRecurringPhraseAcrossPostsAndKeepsTheWritersCapitals() {
        List<String> posts = List.of(
                "Passengers injured after an emergency landing on flight AC417 this morning",
                "my sister was on it. emergency landing on flight AC417, people hurt",
                "@AcmeAir what happened with the emergency landing on flight AC417??",
                "Acme Air emergency landing on flight AC417 - several injured, ambulances at the gate",
                "ok who else is stuck at the gate");

        assertThat(phrase(posts, List.of("injured", "emergency landing"))).isEqualTo("emergency landing on flight AC417");
    }

    @Test
    void chinesePostsAreCutIntoWords_andThePhraseIsWrittenWithoutSpaces() {
        List<String> posts = List.of(
                "网传鲜丰牛奶检出致癌物，家里孩子天天喝，吓死了[怒]",
                "#鲜丰乳业致癌# 听说鲜丰牛奶检出致癌物了？到底怎么回事",
                "转发微博//@健康生活指南:鲜丰牛奶检出致癌物超标，已经有家长去维权了",
                "鮮豐牛奶檢出致癌物，太可怕了[哭]",
                "今天的天气不错");

        String phrase = IssuePhrase.of(posts, List.of("致癌物"), Set.of("xianfeng", "鲜丰乳业", "鲜丰"), 60);
        assertThat(phrase).as("from Simplified and Traditional alike, not starting on the brand").isEqualTo("牛奶检出致癌物");
    }

    @Test
    void aChinesePhraseNeverEndsOnAParticle_norIsItMadeOfWeiboMarkup() {
        List<String> posts = List.of("[怒][怒] #鲜丰# 退钱了吗", "[怒][怒] #鲜丰# 退钱了吗？？", "[怒] 鲜丰 退钱了吗");
        assertThat(IssuePhrase.of(posts, List.of(), Set.of("鲜丰"), 60)).isNull();
    }

    @Test
    void prefersAPhraseHoldingTheWavesCrisisTermsOverOneThatIsOnlyFrequent() {
        List<String> posts = List.of(
                "great customer experience today, smoke in the cabin on the way home",
                "great customer experience. smoke in the cabin and nobody told us anything",
                "great customer experience lol",
                "smoke in the cabin again??");

        assertThat(phrase(posts, List.of("smoke"))).isEqualTo("smoke in the cabin");
    }

    @Test
    void neverStartsOrEndsOnAFunctionWordNorOnTheBrandsName() {
        List<String> posts = List.of(
                "the Acme app is down and I can't pay",
                "is the Acme app down for everyone",
                "the Acme app is down again");

        String p = phrase(posts, List.of("is down"));
        assertThat(p).isEqualTo("app is down");
    }

    @Test
    void handlesLinksAndHashtagsAreNotWords() {
        List<String> posts = List.of(
                "@acme your charger caught fire http://evil.example/x #acmefail",
                "RT @bob: charger caught fire in my kitchen http://evil.example/y",
                "charger caught fire!! @acme");

        assertThat(phrase(posts, List.of("fire"))).isEqualTo("charger caught fire");
    }

    @Test
    void aReshareOrACopyCountsOnce_soOnePostAloneIsNoSummary() {
        String post = "the new Acme Air seats broke during the flight and my son got hurt";
        assertThat(phrase(List.of(post, "RT @someone: " + post, post), List.of("hurt"))).isNull();
    }

    @Test
    void nothingRecurringGivesNoPhrase() {
        assertThat(phrase(List.of("refund please", "on hold for hours", "rude staff at the gate"), List.of())).isNull();
        assertThat(phrase(List.of(), List.of("fire"))).isNull();
    }

    @Test
    void aLongPhraseIsCutAtAWordToFitTheRoomLeft() {
        List<String> posts = List.of(
                "battery exploded while charging overnight in the bedroom of our flat",
                "my battery exploded while charging overnight in the bedroom of our flat!",
                "battery exploded while charging overnight in the bedroom of our flat. scary");

        assertThat(IssuePhrase.of(posts, List.of("exploded"), Set.of("acme"), 40))
                .isEqualTo("battery exploded while charging")
                .hasSizeLessThanOrEqualTo(40);
        assertThat(IssuePhrase.of(posts, List.of("exploded"), Set.of("acme"), 200))
                .isEqualTo("battery exploded while charging overnight in the bedroom");
    }

    @Test
    void hostileTextLeavesOnlyWords() {
        List<String> posts = List.of(
                "<!channel> {help} *free* tickets at http://evil.example/x",
                "<!channel> {help} *free* tickets at http://evil.example/x now",
                "get *free* tickets at `evil`");

        assertThat(phrase(posts, List.of())).isEqualTo("free tickets").doesNotContain("<", ">", "{", "}", "*", "`");
    }
}
