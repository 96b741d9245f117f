package io.firebreak.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.mention.TooLargeException;
import io.firebreak.mention.Batch;
import io.firebreak.mention.Mention;
import io.firebreak.mention.MentionJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Weibo, Douyin and WeChat JSON exports (made-up records in their APIs' shapes) through config/json. */
class JsonExportsTest {

    private final JsonExports exports = new JsonExports(ExportMapping.loadAll(Path.of("config", "json")), new MentionJson(),
            new ObjectMapper(), 10_000);

    private Batch read(String body) {
        ExportMapping mapping = exports.mappingFor(body);
        assertThat(mapping).as("a mapping for " + body).isNotNull();
        return exports.read("export.json", body, mapping);
    }

    @Test
    void aWeiboApiPage_itsApiTimeFormat_itsRepostChain() {
        Batch batch = read("""
                {"statuses": [
                  {"idstr": "4890000000000001", "created_at": "Mon Mar 02 09:05:00 +0800 2026",
                   "text": "艾克美航空的飞机餐吃出虫子[怒]", "reposts_count": 312, "comments_count": 45, "attitudes_count": 980,
                   "user": {"idstr": "1001", "screen_name": "吃货小王", "followers_count": 1520, "verified": false}},
                  {"idstr": "4890000000000002", "created_at": "Mon Mar 02 09:07:30 +0800 2026",
                   "text": "转发微博", "reposts_count": 15, "comments_count": 2, "attitudes_count": 7,
                   "user": {"idstr": "1002", "screen_name": "旅行达人", "followers_count": 2300000, "verified": true},
                   "retweeted_status": {"idstr": "4890000000000001"}}
                ], "total_number": 2}
                """);

        assertThat(batch.rejected()).isEmpty();
        Mention first = batch.mentions().get(0);
        assertThat(first.key()).isEqualTo("weibo:4890000000000001");
        assertThat(first.createdAt()).isEqualTo(Instant.parse("2026-03-02T01:05:00Z"));
        assertThat(first.text()).isEqualTo("艾克美航空的飞机餐吃出虫子[怒]");
        assertThat(first.author().handle()).isEqualTo("吃货小王");
        assertThat(first.author().followers()).isEqualTo(1520);
        assertThat(first.engagement().shares()).isEqualTo(312);
        assertThat(first.engagement().replies()).isEqualTo(45);
        assertThat(first.engagement().likes()).isEqualTo(980);
        Mention repost = batch.mentions().get(1);
        assertThat(repost.reshareOf()).isEqualTo("4890000000000001");
        assertThat(repost.author().verified()).isTrue();
        assertThat(repost.author().followers()).isEqualTo(2_300_000);
    }

    @Test
    void weiboStatusesOnePerLine_aTimeWithoutOffsetIsBeijingTime() {
        Batch batch = read("""
                {"idstr": "1", "created_at": "2026-03-02 09:05:00", "text": "鲜丰牛奶变质了", "reposts_count": 0, "user": {"followers_count": 10}}
                {"idstr": "2", "created_at": "2026-03-02 09:06", "text": "鲜丰牛奶喝出异味", "reposts_count": 3, "user": {"followers_count": 20}}
                """);

        assertThat(batch.rejected()).isEmpty();
        assertThat(batch.mentions()).extracting(Mention::createdAt)
                .containsExactly(Instant.parse("2026-03-02T01:05:00Z"), Instant.parse("2026-03-02T01:06:00Z"));
    }

    @Test
    void aDouyinVideoList_secondsSince1970() {
        Batch batch = read("""
                {"data": {"list": [{"item_id": "@9VxS1", "title": "鲜丰牛奶喝出异物，大家注意", "create_time": 1772413500,
                  "share_url": "https://www.douyin.com/video/1",
                  "statistics": {"share_count": 5400, "comment_count": 880, "digg_count": 21000, "play_count": 900000}}],
                  "cursor": 0, "has_more": false}, "extra": {"error_code": 0}}
                """);

        assertThat(batch.rejected()).isEmpty();
        assertThat(batch.mentions()).singleElement().satisfies(m -> {
            assertThat(m.key()).isEqualTo("douyin:@9VxS1");
            assertThat(m.createdAt()).isEqualTo(Instant.parse("2026-03-02T01:05:00Z"));
            assertThat(m.engagement().shares()).isEqualTo(5400);
            assertThat(m.engagement().likes()).isEqualTo(21000);
            assertThat(m.url()).isEqualTo("https://www.douyin.com/video/1");
        });
    }

    @Test
    void aWechatPublicationList_theFirstArticleOfEach() {
        Batch batch = read("""
                {"total_count": 1, "item_count": 1, "item": [{"article_id": "wx-20260302-01", "update_time": 1772418600,
                  "content": {"news_item": [{"title": "艾克美航空回应飞机餐异物：已封存同批次餐食", "author": "航空观察",
                    "url": "https://mp.weixin.qq.com/s/abc"}]}}]}
                """);

        assertThat(batch.rejected()).isEmpty();
        assertThat(batch.mentions()).singleElement().satisfies(m -> {
            assertThat(m.key()).isEqualTo("wechat:wx-20260302-01");
            assertThat(m.createdAt()).isEqualTo(Instant.parse("2026-03-02T02:30:00Z"));
            assertThat(m.text()).startsWith("艾克美航空回应");
            assertThat(m.author().handle()).isEqualTo("航空观察");
        });
    }

    @Test
    void mentionV1IsNotAnExport() {
        assertThat(exports.mappingFor("""
                {"id":"1","source":"twitter","created_at":"2026-03-02T09:00:00Z","text":"hello @acme"}
                """)).isNull();
        assertThat(exports.mappingFor("[{\"id\":\"1\",\"source\":\"x\",\"created_at\":\"2026-03-02T09:00:00Z\",\"text\":\"a\"}]")).isNull();
        assertThat(exports.mappingFor("not json")).isNull();
    }

    @Test
    void aBadRecordIsRejectedNamingTheFieldItCameFrom_theOthersAreKept() {
        Batch batch = read("""
                {"statuses": [
                  {"idstr": "1", "created_at": "yesterday", "text": "a", "reposts_count": 1, "user": {"followers_count": 1}},
                  {"idstr": "2", "created_at": "2026-03-02 09:05:00", "text": "b", "reposts_count": "many", "user": {"followers_count": 1}},
                  {"idstr": "3", "created_at": "2026-03-02 09:05:00", "text": "c", "reposts_count": 1, "user": {"followers_count": 1}}
                ]}
                """);

        assertThat(batch.mentions()).extracting(Mention::id).containsExactly("3");
        assertThat(batch.rejected()).hasSize(2);
        assertThat(batch.rejected().get(0).errors()).singleElement().asString()
                .startsWith("created_at: 'yesterday' (field created_at) matches none of");
        assertThat(batch.rejected().get(1).errors()).singleElement().asString()
                .isEqualTo("engagement.shares: 'many' (field reposts_count) is not a whole number");
    }

    @Test
    void anExportOfMoreRecordsThanAllowedIsRefusedWhole() {
        var small = new JsonExports(ExportMapping.loadAll(Path.of("config", "json")), new MentionJson(), new ObjectMapper(), 1);
        String body = "[{\"item_id\":\"1\",\"create_time\":1,\"title\":\"a\",\"statistics\":{\"share_count\":1}},"
                + "{\"item_id\":\"2\",\"create_time\":1,\"title\":\"b\",\"statistics\":{\"share_count\":1}}]";
        assertThatThrownBy(() -> small.read("big.json", body, small.mappingFor(body)))
                .isInstanceOf(TooLargeException.class).hasMessageContaining("2 records in one request; the most is limits.max_items (1)");
        assertThat(small.readFile("big.json", body, small.mappingFor(body)).mentions()).as("a dropped file: bounded by bytes")
                .hasSize(2);
    }

    @Test
    void aMappingIsCsvOrJson_notBoth(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("both.yaml"), """
                match_header: [a]
                match_fields: [a]
                source: x
                columns: {id: a, created_at: b, text: c}
                """);
        assertThatThrownBy(() -> ExportMapping.loadAll(dir)).hasMessageContaining("both.yaml")
                .hasMessageContaining("give exactly one");
    }
}
