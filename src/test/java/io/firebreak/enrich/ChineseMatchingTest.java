package io.firebreak.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Brand names and crisis terms written in Chinese, from the shipped config, on posts as people write them. */
class ChineseMatchingTest {

    private static final BrandMatcher BRANDS = BrandMatcher.load(Path.of("config/brands.yaml"));
    private static final CategoryClassifier CATEGORIES = CategoryClassifier.load(Path.of("config/categories.yaml"));

    private static List<String> brands(String text) {
        return BRANDS.match(Tokens.of(text), HanText.of(text));
    }

    private static String category(String text) {
        return CATEGORIES.classify(Tokens.of(text), HanText.of(text), "zh").category();
    }

    @Test
    void chineseBrandNameMatchesWithoutSpaces() {
        assertThat(brands("艾克美航空的航班又延误了三个小时，太坑了")).containsExactly("acme");
        assertThat(brands("坐艾克美从上海飞成都，全程没人管")).containsExactly("acme");
    }

    @Test
    void traditionalCharactersAreReadAsSimplified() {
        assertThat(brands("艾克美航空的客服態度太差了，再也不坐了")).containsExactly("acme");
        assertThat(category("網友爆料某品牌奶粉致癌，官方闢謠")).isEqualTo("misinformation");
    }

    @Test
    void nameInsideALongerWordDoesNotMatch() {
        var matcher = matcher("""
                brands:
                  - id: meituan
                    names: [美团]
                  - id: xiaomi
                    names: [小米]
                    exclusions: [小米粥, 小米辣]
                  - id: apple
                    names: [苹果]
                    exclusions: [果园]
                """);
        // an exclusion that is not a longer form of the name vetoes the brand anywhere in the post
        assertThat(matcher.match(Tokens.of("果园里的苹果熟了"), HanText.of("果园里的苹果熟了"))).isEmpty();
        assertThat(matcher.match(Tokens.of("苹果手机又爆炸了"), HanText.of("苹果手机又爆炸了"))).containsExactly("apple");
        // smartcn keeps 小米粥 (millet porridge) and the like apart from the brand only where it segments so;
        // the exclusion vetoes that occurrence, and the brand still matches elsewhere in the same post
        assertThat(matcher.match(Tokens.of("早上喝了一碗小米粥"), HanText.of("早上喝了一碗小米粥"))).isEmpty();
        assertThat(matcher.match(Tokens.of("小米手机发热严重，早上喝小米粥的时候烫手"),
                HanText.of("小米手机发热严重，早上喝小米粥的时候烫手"))).containsExactly("xiaomi");
        assertThat(matcher.match(Tokens.of("美团外卖送餐超时一个小时"), HanText.of("美团外卖送餐超时一个小时")))
                .containsExactly("meituan");
    }

    @Test
    void singleCharacterTermDoesNotMatchInsideAWord() {
        var han = new HanPhrases<String>();
        han.add("火", "fire");
        List<String> found = new java.util.ArrayList<>();
        han.find(HanText.of("他们家的火锅很好吃"), (v, t, from, to) -> found.add(v));
        assertThat(found).isEmpty();
        han.find(HanText.of("仓库着火了"), (v, t, from, to) -> found.add(v));
        assertThat(found).containsExactly("fire");
    }

    @Test
    void handleAndHashtagInChinese() {
        assertThat(brands("@艾克美航空 我的行李到现在都没找到")).containsExactly("acme");
        assertThat(brands("#艾克美航空# 航班取消也不通知")).containsExactly("acme");
    }

    @Test
    void unrelatedPostMatchesNoBrand() {
        assertThat(brands("今天天气很好，和朋友去公园散步")).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            商场里有人持刀砍人，警察已经到了                          | violence
            飞机紧急迫降，好几个乘客受伤送医                         | safety
            在饮料里喝出了玻璃渣，封口被拆过                          | tampering
            我的个人信息被泄露了，天天接到诈骗电话                     | data-privacy
            航班延误五个小时，所有人滞留在机场                        | transport
            台风登陆，暴雨导致航班全部停飞                            | natural-disaster
            APP又崩了，一直登录不了                                  | outage
            网传某品牌饮料致癌纯属谣言，官方已经辟谣                   | misinformation
            已经向市场监管局投诉，准备起诉他们                         | legal
            高管被曝性骚扰还想删帖掩盖                                | misconduct
            外卖里吃出苍蝇，饭菜都变质了                             | product-quality
            空姐态度恶劣，还骂人                                    | conduct
            莫名其妙多扣钱，到现在都不退款                            | pricing
            客服电话打不通，在线客服已读不回                           | customer-service
            今天天气真好，和朋友喝下午茶                             | other
            他们家的火锅很好吃                                      | other
            """)
    void realLookingPostsFindTheirCategory(String text, String category) {
        assertThat(category(text)).isEqualTo(category);
    }

    @Test
    void categoryNamesTheChineseTermsThatDecidedIt() {
        var match = CATEGORIES.classify(Tokens.of("吃了他们家的外卖食物中毒，上吐下泻"),
                HanText.of("吃了他们家的外卖食物中毒，上吐下泻"), "zh");
        assertThat(match.category()).isEqualTo("safety");
        assertThat(match.terms()).contains("食物中毒", "上吐下泻");
    }

    private static BrandMatcher matcher(String yaml) {
        try {
            Path file = java.nio.file.Files.createTempFile("brands", ".yaml");
            java.nio.file.Files.writeString(file, yaml);
            return BrandMatcher.load(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
