package io.firebreak.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.alert.Alert;
import io.firebreak.alert.Lifecycle;
import io.firebreak.config.Home;
import io.firebreak.detect.Detection;
import io.firebreak.enrich.EnrichedMention;
import io.firebreak.enrich.Enrichers;
import io.firebreak.enrich.StandardEnricher;
import io.firebreak.mention.Mention;
import io.firebreak.statement.HoldingStatement;
import io.firebreak.statement.HoldingStatements;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Chinese demo's food-safety rumour about a Chinese brand on Weibo ({@link ChineseDemoScenario}: made-up
 * posts, reposted by large accounts) through the shipped enrichment, rules and statements on the backtest
 * path: it must alert within 15 minutes of its onset, and the alert must recommend the Chinese statement.
 */
class ChineseWaveTest {

    private static final Home HOME = new Home(Path.of("."));
    private static final Instant ONSET = ChineseDemoScenario.ONSET; // 09:00 in Beijing

    private static List<Alert> alerts;
    private static List<Mention> wave;

    @BeforeAll
    static void replay() {
        wave = ChineseDemoScenario.wave();
        StandardEnricher enricher = Enrichers.standard(HOME);
        try (Backtest backtest = new Backtest(Detection.of(HOME, true), Lifecycle.load(HOME.config("alerts.yaml")), enricher)) {
            alerts = backtest.replay(ChineseDemoScenario.mentions(), done -> { });
        }
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
    void theRumourIsOneAlert_itsCrisisKeywordsInTheCategoryItsPostsAreIn() {
        // 致癌物, 抽检不合格, 变质: product quality, whether the keyword rule or a spike rule sees it first;
        // the big account's complaint about the hotline is a customer-service matter of its own
        assertThat(alerts.stream().filter(a -> !a.category().equals("customer-service")).map(Alert::alertId).distinct())
                .hasSize(1).allMatch(id -> id.startsWith("xianfeng/product-quality/"));
        assertThat(alerts).extracting(Alert::rule).contains("crisis-keyword-surge");
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
