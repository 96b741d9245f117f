package io.firebreak.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firebreak.mention.Batch;
import io.firebreak.mention.Mention;
import io.firebreak.mention.MentionJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Weibo, WeChat and Douyin monitoring exports (made-up rows) through the shipped mappings in config/csv. */
class ChineseExportsTest {

    private final CsvMentions csv = new CsvMentions(ExportMapping.loadAll(Path.of("config", "csv")), new MentionJson());

    @Test
    void weiboExport_timeWithoutOffsetIsBeijingTime() {
        Batch batch = csv.read("weibo.csv", """
                微博ID,用户ID,用户昵称,粉丝数,发布时间,微博内容,转发数,评论数,点赞数
                4890000000000001,1001,吃货小王,1520,2026-03-02 09:05:00,艾克美航空的飞机餐吃出虫子[怒],312,45,980
                4890000000000002,1002,旅行达人,2300000,2026-03-02 09:07:30+08:00,转发微博//@吃货小王:艾克美航空的飞机餐吃出虫子[怒],15,2,7
                """);

        assertThat(batch.rejected()).isEmpty();
        Mention first = batch.mentions().get(0);
        assertThat(first.key()).isEqualTo("weibo:4890000000000001");
        // 09:05 in Beijing is 01:05 UTC: the export's own zone, not UTC
        assertThat(first.createdAt()).isEqualTo(Instant.parse("2026-03-02T01:05:00Z"));
        assertThat(first.text()).isEqualTo("艾克美航空的飞机餐吃出虫子[怒]");
        assertThat(first.author().handle()).isEqualTo("吃货小王");
        assertThat(first.author().followers()).isEqualTo(1520);
        assertThat(first.engagement().shares()).isEqualTo(312);
        assertThat(first.engagement().replies()).isEqualTo(45);
        assertThat(first.engagement().likes()).isEqualTo(980);
        Mention repost = batch.mentions().get(1);
        assertThat(repost.createdAt()).isEqualTo(Instant.parse("2026-03-02T01:07:30Z"));
        assertThat(repost.author().followers()).isEqualTo(2_300_000);
    }

    @Test
    void wechatExport() {
        Batch batch = csv.read("wechat.csv", """
                文章ID,公众号,发布时间,标题,正文,文章链接,阅读数,转发数,留言数,点赞数
                wx-20260302-01,航空观察,2026-03-02 10:30,艾克美航空回应,艾克美航空回应飞机餐异物：已封存同批次餐食,https://mp.weixin.qq.com/s/abc,100001,2100,350,1800
                """);

        assertThat(batch.rejected()).isEmpty();
        assertThat(batch.mentions()).singleElement().satisfies(m -> {
            assertThat(m.key()).isEqualTo("wechat:wx-20260302-01");
            assertThat(m.createdAt()).isEqualTo(Instant.parse("2026-03-02T02:30:00Z"));
            assertThat(m.author().handle()).isEqualTo("航空观察");
            assertThat(m.engagement().shares()).isEqualTo(2100);
            assertThat(m.url()).isEqualTo("https://mp.weixin.qq.com/s/abc");
        });
    }

    @Test
    void douyinExport() {
        Batch batch = csv.read("douyin.csv", """
                视频ID,作者ID,作者昵称,作者粉丝数,发布时间,视频描述,视频链接,分享数,评论数,点赞数
                7340000000000000001,dy01,空姐日记,880000,2026-03-02T11:00:00+08:00,#艾克美航空# 乘客说飞机餐有虫子，我们去问了,https://www.douyin.com/video/7340000000000000001,5400,1200,56000
                """);

        assertThat(batch.rejected()).isEmpty();
        assertThat(batch.mentions()).singleElement().satisfies(m -> {
            assertThat(m.key()).isEqualTo("douyin:7340000000000000001");
            assertThat(m.createdAt()).isEqualTo(Instant.parse("2026-03-02T03:00:00Z"));
            assertThat(m.author().followers()).isEqualTo(880_000);
            assertThat(m.engagement().likes()).isEqualTo(56_000);
        });
    }

    @Test
    void isoTimeWithoutOffsetIsReadInTheMappingsZone() {
        Batch batch = csv.read("douyin.csv", """
                视频ID,发布时间,视频描述
                1,2026-03-02T11:00:00,测试
                """);
        assertThat(batch.mentions()).singleElement()
                .satisfies(m -> assertThat(m.createdAt()).isEqualTo(Instant.parse("2026-03-02T03:00:00Z")));
    }

    @Test
    void mappingWithoutAZone_rejectsATimeWithoutOffsetRatherThanGuessingUtc(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("nozone.yaml"), """
                match_header: [id, time, text]
                source: weibo
                columns: {id: id, created_at: time, text: text}
                time_formats: ["yyyy-MM-dd HH:mm:ss"]
                """);
        CsvMentions noZone = new CsvMentions(ExportMapping.loadAll(dir), new MentionJson());
        Batch batch = noZone.read("x.csv", "id,time,text\n1,2026-03-02 09:05:00,你好\n");
        assertThat(batch.mentions()).isEmpty();
        assertThat(batch.rejected()).singleElement().satisfies(r -> assertThat(r.toString()).contains("time_zone"));
    }

    @Test
    void unknownZoneIsAConfigError(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), """
                match_header: [id, time, text]
                source: weibo
                columns: {id: id, created_at: time, text: text}
                time_zone: Asia/Beijing
                """);
        assertThatThrownBy(() -> ExportMapping.loadAll(dir))
                .hasMessageContaining("bad.yaml").hasMessageContaining("time_zone: 'Asia/Beijing'");
    }
}
