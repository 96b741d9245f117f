package io.firebreak.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipped crisis keywords: whole words or prefixes, any case, phrases, and the category they name. */
class CrisisKeywordsTest {

    final CrisisKeywords keywords = new CrisisKeywords(DetectionSettings.load(Path.of("config/detection.yaml")).keywords());

    @Test
    void prefixesMatchTheirWordForms_inAnyCase() {
        assertThat(keywords.find("My son was INJURED by it")).isEqualTo(Category.SAFETY);
        assertThat(keywords.find("they are recalling the heaters")).isEqualTo(Category.PRODUCT_QUALITY);
        assertThat(keywords.find("massive data breach at acme")).isEqualTo(Category.DATA_PRIVACY);
    }

    @Test
    void wordsMatchWhole_notInsideOtherWords() {
        assertThat(keywords.find("we sued acme")).isEqualTo(Category.LEGAL);
        assertThat(keywords.find("a pseudo review of the new app")).isNull();
        assertThat(keywords.find("the class is in action")).isNull();
        assertThat(keywords.find("joining a class action now")).isEqualTo(Category.LEGAL);
    }

    @Test
    void chineseKeywordsMatchInsideRunningText_inSimplifiedOrTraditional() {
        assertThat(keywords.find("喝了他们家的奶茶全家食物中毒，孩子还在医院")).isEqualTo(Category.SAFETY);
        assertThat(keywords.find("這批牛奶已經變質了，喝完肚子疼")).as("Traditional 變質").isEqualTo(Category.PRODUCT_QUALITY);
        assertThat(keywords.find("官方通报：该批次产品检出农药残留，已全部召回")).isEqualTo(Category.PRODUCT_QUALITY);
        assertThat(keywords.find("用户数据泄露了？我的手机号被倒卖")).isEqualTo(Category.DATA_PRIVACY);
        assertThat(keywords.find("网传门店使用过期原料，公司称纯属谣言")).isEqualTo(Category.MISINFORMATION);
        assertThat(keywords.find("APP又崩了，付不了款")).isEqualTo(Category.OUTAGE);
        assertThat(keywords.find("今天的拿铁很好喝，店员也很热情")).isNull();
    }

    @Test
    void theFirstKeywordInTheTextDecides_theLongerOneWhereTheyOverlap() {
        assertThat(keywords.find("高管被曝性骚扰员工")).as("性骚扰, not 骚扰").isEqualTo(Category.MISCONDUCT);
        assertThat(keywords.find("a massive outage, and then I was injured")).isEqualTo(Category.OUTAGE);
        assertThat(keywords.find("官方说是 recall，可是孩子已经中毒了")).as("Latin first").isEqualTo(Category.PRODUCT_QUALITY);
        assertThat(keywords.find("孩子已经中毒了, and now a recall")).as("Chinese first").isEqualTo(Category.SAFETY);
    }

    @Test
    void noKeywordsConfigured_findsNothing() {
        assertThat(new CrisisKeywords(java.util.Map.of()).find("injured recall breach")).isNull();
    }
}
