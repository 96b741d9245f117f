package io.firebreak.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firebreak.alert.Alert;
import io.firebreak.detect.Evidence;
import io.firebreak.detect.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Chinese statement set ({@code config/statements/zh/}) and how a brand's language picks it. */
class ChineseStatementsTest {

    private static final Path SHIPPED = Path.of("config/statements");
    private static final Path SETTINGS = Path.of("config/statement-settings.yaml");
    private static final Instant FIRED = Instant.parse("2026-03-02T09:07:00Z");

    /**
     * Chinese official boilerplate (官腔) and blame shifting (推诿): "we attach great importance", "express deep
     * apologies", "sorry for the inconvenience caused to you", "please understand", "the relevant departments",
     * "an individual case", "a temporary worker did it", "rumours stop with the wise".
     */
    private static final List<String> BANNED = List.of(
            "高度重视", "深表歉意", "深感歉意", "给您带来不便", "带来的不便", "敬请谅解", "敬请理解", "相关部门", "有关部门",
            "个别现象", "个别情况", "个例", "极少数", "临时工", "第三方", "供应商", "用户操作不当", "使用不当", "谣言止于智者",
            "不予置评", "无可奉告", "一贯秉承", "始终坚持", "第一时间", "如有不便", "请以官方", "依法追究");

    private final HoldingStatements statements = HoldingStatements.load(SHIPPED, SETTINGS);

    @Test
    void everyCategoryHasChineseStatements() {
        assertThat(statements.byLanguage()).containsOnlyKeys("zh");
        assertThat(statements.byLanguage().get("zh").keySet()).isEqualTo(statements.categories().keySet());
        statements.byLanguage().get("zh").values().forEach(c -> {
            assertThat(c.variants()).as(c.category()).containsKeys("holding", "apology", "safety-first");
            assertThat(c.variants().get("holding")).as(c.category()).containsKeys("default", "SEV1");
        });
    }

    @Test
    void noChineseTemplateUsesBoilerplateOrBlame() {
        statements.byLanguage().get("zh").values().forEach(c -> c.variants().values().forEach(texts -> texts.values().forEach(t -> {
            BANNED.forEach(phrase -> assertThat(t.literalText()).as(t.where()).doesNotContain(phrase));
            assertThat(t.parts()).as(t.where()).contains(
                    new Template.Slot(Placeholder.NEXT_UPDATE), new Template.Slot(Placeholder.HELP));
        })));
    }

    @Test
    void aChineseBrandGetsTheChineseStatementInBeijingTimeWithinOneWeiboPost() {
        for (Severity severity : Severity.values()) {
            for (String category : statements.categories().keySet()) {
                HoldingStatement s = statements.write(alert("xianfeng", category, severity), List.of("鲜丰牛奶喝出异物"), FIRED);
                assertThat(s.templateId()).startsWith("zh/" + category + "/");
                assertThat(s.text()).contains("鲜丰乳业").contains("客服热线 400-000-0000").hasSizeLessThanOrEqualTo(140);
            }
        }
        // fired 09:07 UTC, SEV2 every two hours: 19:07 in Beijing
        assertThat(statements.write(alert("xianfeng", "product-quality", Severity.SEV2), FIRED).text())
                .contains("3月2日 19:07（中国标准时间）前");
    }

    @Test
    void theStatementNamesWhatTheChinesePostsRepeat_andNeverPutsAChinesePhraseInAnEnglishOne() {
        List<String> posts = List.of("网传鲜丰牛奶检出致癌物，吓死了[怒]", "听说鲜丰牛奶检出致癌物了？",
                "鮮豐牛奶檢出致癌物，太可怕了", "//@健康生活指南:鲜丰牛奶检出致癌物超标");
        assertThat(statements.write(alert("xianfeng", "product-quality", Severity.SEV2), posts, FIRED).text())
                .contains("关于鲜丰乳业牛奶检出致癌物的反馈");
        assertThat(statements.write(alert("acme", "product-quality", Severity.SEV2), posts, FIRED).text())
                .as("the default set is English: the category's own words").doesNotContain("致癌物");
    }

    @Test
    void severityPicksTheVariant() {
        assertThat(statements.write(alert("xianfeng", "safety", Severity.SEV1), FIRED).templateId())
                .isEqualTo("zh/safety/safety-first/default");
        assertThat(statements.write(alert("xianfeng", "outage", Severity.SEV1), FIRED).templateId())
                .isEqualTo("zh/outage/holding/SEV1");
        assertThat(statements.write(alert("xianfeng", "outage", Severity.SEV3), FIRED).templateId())
                .isEqualTo("zh/outage/holding/default");
    }

    @Test
    void anEnglishBrandStillGetsTheEnglishStatement() {
        HoldingStatement s = statements.write(alert("acme", "product-quality", Severity.SEV2), FIRED);
        assertThat(s.templateId()).startsWith("product-quality/");
        assertThat(s.text()).contains("Acme Air").doesNotContain("鲜丰");
    }

    @Test
    void theChecklistStaysInTheTeamsLanguage() {
        assertThat(statements.write(alert("xianfeng", "safety", Severity.SEV2), FIRED).checklist())
                .isEqualTo(statements.categories().get("safety").checklist());
    }

    @Test
    void aChineseStatementLongerThanAWeiboPostIsAConfigError(@TempDir Path dir) throws IOException {
        copyTree(SHIPPED, dir);
        Path outage = dir.resolve("zh/outage.yaml");
        Files.writeString(outage, Files.readString(outage).replace("工程师正在排查。", "工程师正在排查。" + "真的".repeat(30)));

        assertThatThrownBy(() -> HoldingStatements.load(dir, SETTINGS))
                .isInstanceOf(StatementConfigException.class)
                .hasMessageContaining("outage.yaml: variants.holding.default:")
                .hasMessageContaining("brand 'xianfeng'")
                .hasMessageContaining("at most 140 (max_post_chars_by_language.zh");
    }

    @Test
    void aLanguageSetMissingACategoryIsAConfigError(@TempDir Path dir) throws IOException {
        copyTree(SHIPPED, dir);
        Files.delete(dir.resolve("zh/pricing.yaml"));

        assertThatThrownBy(() -> HoldingStatements.load(dir, SETTINGS))
                .hasMessageContaining("statements/zh: no statements for [pricing]");
    }

    @Test
    void aBrandLanguageWithoutStatementsIsAConfigError(@TempDir Path dir) throws IOException {
        Path settings = dir.resolve("statement-settings.yaml");
        Files.writeString(settings, Files.readString(SETTINGS).replace("language: zh", "language: ja"));

        assertThatThrownBy(() -> HoldingStatements.load(SHIPPED, settings))
                .hasMessageContaining("brands.xianfeng.language: no statements in 'ja'");
    }

    private static Alert alert(String brand, String category, Severity severity) {
        return Alert.opened("a-1", "negative-spike", brand, category, severity, FIRED,
                new Evidence("15m", 480, 400, 40, 12, 0.83, 1_200_000, List.of(), List.of("异物")), false, null);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
