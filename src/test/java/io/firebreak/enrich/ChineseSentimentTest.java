package io.firebreak.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Chinese scorer's rules, one behaviour each, and the Weibo markup it reads. */
class ChineseSentimentTest {

    private static final ChineseScorer SCORER = ChineseScorer.lexiconOnly();

    private static double score(String text) {
        return SCORER.score(text);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            很好吃，送餐也快                     | positive
            太垃圾了，差评                       | negative
            无语，又被坑了                       | negative
            给力！点赞                          | positive
            服务态度恶劣，再也不来了               | negative
            [怒][怒]                           | negative
            [赞][哈哈]                          | positive
            今天下午三点开会                      | neutral
            """)
    void labels(String text, String label) {
        assertThat(SentimentScorer.label(score(text))).isEqualTo(label);
    }

    @Test
    void negationFlipsTheWordItReaches() {
        assertThat(score("好吃")).isPositive();
        assertThat(score("不好吃")).isNegative();
        assertThat(score("没有满意")).isNegative();
        // a negated complaint is only faintly positive
        assertThat(score("不差")).isPositive().isLessThan(score("好吃"));
    }

    @Test
    void negationStopsAtTheClause() {
        assertThat(score("不，很满意")).isPositive();
    }

    @Test
    void degreeWordsScale() {
        assertThat(score("非常失望")).isLessThan(score("失望"));
        assertThat(score("有点失望")).isGreaterThan(score("失望")).isNegative();
    }

    @Test
    void degreeWordIsNotCountedAsAWordOfItsOwn() {
        // 好 in 好失望 is "very"
        assertThat(score("好失望")).isLessThan(score("失望"));
    }

    @Test
    void clauseAfterContrastWeighsMore() {
        assertThat(score("味道很好，但是送餐太慢了")).isNegative();
        assertThat(score("送餐太慢了，但是味道很好")).isPositive();
        assertThat(score("价格有点贵，不过服务真的很贴心")).isPositive();
    }

    @Test
    void traditionalIsReadAsSimplified() {
        assertThat(score("服務態度惡劣，太讓人失望了")).isEqualTo(score("服务态度恶劣，太让人失望了")).isNegative();
    }

    @Test
    void weiboSmileIsNotAmused() {
        // on Weibo [微笑] is the polite smile of someone who is not pleased
        assertThat(score("行吧[微笑]")).isNegative();
    }

    @Test
    void onlyTheRepostersOwnWordsAreTheirOpinion() {
        String quoted = "//@某用户:太垃圾了，吃出虫子，恶心死了[怒]";
        assertThat(score("转发微博" + quoted)).isZero();
        assertThat(score("心疼，支持维权" + quoted)).isNotEqualTo(score(quoted.substring(2)));
        assertThat(score("我家附近那家一直很好吃啊，没遇到过" + quoted)).isPositive();
    }

    @Test
    void weiboMarkupIsTakenApart() {
        WeiboText post = WeiboText.parse("@艾克美航空 #航班延误# 等了五个小时[怒][哭] 谁来管管//@小王:同一班//@老李:真的离谱");
        assertThat(post.own()).doesNotContain("@", "艾克美航空", "[", "//").contains("航班延误", "等了五个小时");
        assertThat(post.emoji()).containsExactly("怒", "哭");
        assertThat(post.topics()).containsExactly("航班延误");
        assertThat(post.quoted()).isEqualTo("@小王:同一班//@老李:真的离谱");
    }

    @Test
    void longBracketsAreTextNotEmoji() {
        assertThat(WeiboText.parse("【重要通知：明天起全部航班恢复正常运行】").emoji()).isEmpty();
        assertThat(WeiboText.parse("[图片][视频][这不是一个表情而是很长的一段话啊]").emoji()).containsExactly("图片", "视频");
    }

    @Test
    void chineseIsScoredThroughTheAnalyzer() {
        SentimentAnalyzer.Result r = SentimentAnalyzer.standard().analyze("艾克美航空太坑了，航班延误也不通知", null);
        assertThat(r.lang()).isEqualTo("zh");
        assertThat(r.scored()).isTrue();
        assertThat(r.label()).isEqualTo("negative");
    }
}
