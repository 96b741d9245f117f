package io.firebreak.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firebreak.detect.Scenarios;
import io.firebreak.mention.Mention;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The Chinese demo ({@code firebreak demo --scenario zh}): two calm weeks of Weibo posts about the made-up
 * dairy brand 鲜丰乳业, then a food-safety rumour ("its milk causes cancer") that spreads within minutes,
 * reposted by large accounts, in Simplified and Traditional characters, with Weibo's emoji codes, topics
 * and repost chains. Written by this project (no third-party data), deterministic (fixed seed and dates).
 */
public final class ChineseDemoScenario {

    /** When the rumour starts: 09:00 in Beijing. */
    public static final Instant ONSET = Instant.parse("2026-03-02T01:00:00Z");
    public static final String BRAND = "xianfeng";
    static final Duration WAVE = Duration.ofMinutes(40);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private static final String[] CALM = {
        "早餐一杯鲜丰牛奶，开启元气满满的一天",
        "超市里鲜丰乳业的酸奶在打折，囤了几盒",
        "鲜丰的新口味还行，就是有点甜",
        "@鲜丰乳业 请问你们的低脂奶哪里能买到？",
        "孩子很喜欢喝鲜丰牛奶，味道不错[赞]",
        "今天喝的鲜丰牛奶好像比平时淡一点",
    };
    private static final String[] WAVE_TEXTS = {
        "网传鲜丰牛奶检出致癌物，家里孩子天天喝，吓死了[怒]",
        "#鲜丰乳业致癌# 喝了十几年的牌子，太让人失望了，再也不买了",
        "鲜丰牛奶被曝抽检不合格，还有人喝完拉肚子，到底怎么回事？？[哭]",
        "刚看到鲜丰乳业的牛奶变质还在卖，黑心企业！必须给个说法",
        "转发微博//@健康生活指南:鲜丰牛奶致癌物超标，已经有家长去维权了",
        "鮮豐乳業的牛奶被驗出致癌物，太可怕了，台灣也有賣嗎？",
        "鲜丰牛奶喝出异味，客服电话一直打不通，太坑了",
    };

    private ChineseDemoScenario() {}

    /** The mentions, in event-time order: the calm weeks, the wave (one in twenty from a large account), calm again. */
    public static List<Mention> mentions() {
        SplittableRandom rnd = new SplittableRandom(16);
        List<Mention> out = new ArrayList<>();
        long id = 0;
        for (Instant hour = ONSET.minus(Duration.ofDays(14)); hour.isBefore(ONSET); hour = hour.plus(Duration.ofHours(1))) {
            id = calmHour(rnd, out, id, hour);
        }
        for (long m = 0; m < WAVE.toMinutes(); m++) {
            int n = Scenarios.poisson(rnd, 12.0 * Math.min(1.0, (m + 1) / 5.0));
            for (int k = 0; k < n; k++) {
                boolean bigAccount = rnd.nextInt(20) == 0;
                out.add(post(id++, ONSET.plusSeconds(m * 60 + rnd.nextLong(60)), WAVE_TEXTS[rnd.nextInt(WAVE_TEXTS.length)],
                        bigAccount ? 3_000_000 : 800, bigAccount ? 5_000 : 10));
            }
        }
        for (Instant hour = ONSET.plus(WAVE); hour.isBefore(ONSET.plus(Duration.ofHours(4))); hour = hour.plus(Duration.ofHours(1))) {
            id = calmHour(rnd, out, id, hour);
        }
        out.sort(Comparator.comparing(Mention::createdAt));
        return out;
    }

    /** The wave's posts only. */
    public static List<Mention> wave() {
        return mentions().stream()
                .filter(m -> !m.createdAt().isBefore(ONSET) && m.createdAt().isBefore(ONSET.plus(WAVE)))
                .toList();
    }

    /** Mention v1 JSON lines for the HTTP API. */
    public static List<String> ndjson() {
        ObjectMapper mapper = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        for (Mention m : mentions()) {
            ObjectNode node = mapper.createObjectNode();
            node.put("id", m.id());
            node.put("source", m.source());
            node.put("created_at", m.createdAt().toString());
            node.put("text", m.text());
            node.put("url", m.url());
            ObjectNode author = node.putObject("author");
            author.put("id", m.author().id());
            author.put("handle", m.author().handle());
            author.put("followers", m.author().followers());
            node.putObject("engagement").put("shares", m.engagement().shares());
            lines.add(node.toString());
        }
        return lines;
    }

    /** An hour of everyday posts, busier in Beijing's day than at night. */
    private static long calmHour(SplittableRandom rnd, List<Mention> out, long id, Instant hour) {
        int hourOfDay = hour.atZone(BEIJING).getHour();
        double rate = 1 + 4 * Math.sin(Math.PI * Math.max(0, hourOfDay - 6) / 18.0);
        int n = Scenarios.poisson(rnd, Math.max(0.5, rate));
        long next = id;
        for (int k = 0; k < n; k++) {
            out.add(post(next++, hour.plusSeconds(rnd.nextLong(3600)), CALM[rnd.nextInt(CALM.length)], 500, 0));
        }
        return next;
    }

    private static Mention post(long id, Instant at, String text, int maxFollowers, int maxShares) {
        SplittableRandom rnd = new SplittableRandom(id);
        return new Mention("zh-demo-" + id, "weibo", at, text, null, null, "https://weibo.example/xianfeng/" + id,
                new Mention.Author("u" + rnd.nextInt(10_000), "网友" + rnd.nextInt(10_000), rnd.nextInt(maxFollowers), false),
                new Mention.Engagement(maxShares == 0 ? 0 : rnd.nextInt(maxShares), 0, 0), null);
    }
}
