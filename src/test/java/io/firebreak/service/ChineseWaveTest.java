package io.firebreak.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.alert.Alert;
import io.firebreak.alert.Lifecycle;
import io.firebreak.config.Home;
import io.firebreak.detect.Detection;
import io.firebreak.detect.Scenarios;
import io.firebreak.enrich.EnrichedMention;
import io.firebreak.enrich.Enrichers;
import io.firebreak.enrich.StandardEnricher;
import io.firebreak.mention.Mention;
import io.firebreak.statement.HoldingStatement;
import io.firebreak.statement.HoldingStatements;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A food-safety rumour about a Chinese brand on Weibo (made-up posts, reposted by large accounts), through the
 * shipped enrichment, rules and statements on the backtest path: it must alert within 15 minutes of its
 * onset, and the alert must recommend the Chinese statement.
 */
class ChineseWaveTest {

    private static final Home HOME = new Home(Path.of("."));
    private static final Instant ONSET = Instant.parse("2026-03-02T01:00:00Z"); // 09:00 in Beijing

    private static final String[] CALM = {
        "早餐一杯鲜丰牛奶，开启元气满满的一天",
        "超市里鲜丰乳业的酸奶在打折，囤了几盒",
        "鲜丰的新口味还行，就是有点甜",
        "@鲜丰乳业 请问你们的低脂奶哪里能买到？",
        "孩子很喜欢喝鲜丰牛奶，味道不错[赞]",
        "今天喝的鲜丰牛奶好像比平时淡一点",
    };
    private static final String[] WAVE = {
        "网传鲜丰牛奶检出致癌物，家里孩子天天喝，吓死了[怒]",
        "#鲜丰乳业致癌# 喝了十几年的牌子，太让人失望了，再也不买了",
        "鲜丰牛奶被曝抽检不合格，还有人喝完拉肚子，到底怎么回事？？[哭]",
        "刚看到鲜丰乳业的牛奶变质还在卖，黑心企业！必须给个说法",
        "转发微博//@健康生活指南:鲜丰牛奶致癌物超标，已经有家长去维权了",
        "鮮豐乳業的牛奶被驗出致癌物，太可怕了，台灣也有賣嗎？",
        "鲜丰牛奶喝出异味，客服电话一直打不通，太坑了",
    };

    private static List<Alert> alerts;
    private static List<Mention> wave;

    @BeforeAll
    static void replay() {
        SplittableRandom rnd = new SplittableRandom(16);
        List<Mention> mentions = new ArrayList<>();
        wave = new ArrayList<>();
        long id = 0;
        for (Instant hour = ONSET.minus(Duration.ofDays(14)); hour.isBefore(ONSET); hour = hour.plus(Duration.ofHours(1))) {
            int n = Scenarios.poisson(rnd, 4);
            for (int k = 0; k < n; k++) {
                mentions.add(post(id++, hour.plusSeconds(rnd.nextLong(3600)), CALM[rnd.nextInt(CALM.length)], 500, 0));
            }
        }
        for (int m = 0; m < 40; m++) {
            int n = Scenarios.poisson(rnd, 12.0 * Math.min(1.0, (m + 1) / 5.0));
            for (int k = 0; k < n; k++) {
                boolean bigAccount = rnd.nextInt(20) == 0;
                Mention p = post(id++, ONSET.plusSeconds(m * 60L + rnd.nextLong(60)), WAVE[rnd.nextInt(WAVE.length)],
                        bigAccount ? 3_000_000 : 800, bigAccount ? 5_000 : 10);
                wave.add(p);
                mentions.add(p);
            }
        }
        StandardEnricher enricher = Enrichers.standard(HOME);
        try (Backtest backtest = new Backtest(Detection.of(HOME, true), Lifecycle.load(HOME.config("alerts.yaml")), enricher)) {
            alerts = backtest.replay(mentions, done -> { });
        }
    }

    private static Mention post(long id, Instant at, String text, int maxFollowers, int maxShares) {
        SplittableRandom rnd = new SplittableRandom(id);
        return new Mention("zh-" + id, "weibo", at, text, null, null, "https://weibo.example/" + id,
                new Mention.Author("u" + rnd.nextInt(10_000), "网友" + rnd.nextInt(10_000), rnd.nextInt(maxFollowers), false),
                new Mention.Engagement(maxShares == 0 ? 0 : rnd.nextInt(maxShares), 0, 0), null);
    }

    @Test
    void theWavesPostsAreChineseNegativeAboutTheBrand() {
        StandardEnricher enricher = Enrichers.standard(HOME);
        List<EnrichedMention> enriched = wave.stream().map(enricher::apply).toList();
        assertThat(enriched).allSatisfy(m -> {
            assertThat(m.enrichment().lang()).isEqualTo("zh");
            assertThat(m.enrichment().brands()).as(m.mention().text()).containsExactly("xianfeng");
        });
        long negative = enriched.stream().filter(m -> m.enrichment().negative()).count();
        // a plain repost ("转发微博//@...") is no opinion of the reposter's: the other six posts are all negative
        assertThat(negative).isGreaterThan(enriched.size() * 3 / 4);
        assertThat(enriched.stream().map(m -> m.enrichment().category()))
                .contains("product-quality", "customer-service");
    }

    @Test
    void theWaveAlertsWithinFifteenMinutesOfItsOnset() {
        assertThat(alerts).filteredOn(a -> a.brand().equals("xianfeng")).isNotEmpty()
                .first().satisfies(a -> assertThat(a.firedAt()).isBefore(ONSET.plus(Duration.ofMinutes(15))));
        assertThat(alerts).filteredOn(a -> a.firedAt().isBefore(ONSET)).isEmpty();
    }

    @Test
    void theAlertRecommendsTheChineseStatement() {
        Alert first = alerts.stream().filter(a -> a.brand().equals("xianfeng")).findFirst().orElseThrow();
        HoldingStatements statements = HoldingStatements.load(HOME.config("statements"), HOME.config("statement-settings.yaml"));
        HoldingStatement s = statements.write(first, wave.stream().map(Mention::text).toList(), first.firedAt());
        assertThat(s.templateId()).startsWith("zh/" + first.category() + "/");
        assertThat(s.text()).contains("鲜丰乳业", "客服热线 400-000-0000", "（中国标准时间）").hasSizeLessThanOrEqualTo(140);
    }
}
