package io.firebreak.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Trains the Chinese sentiment model at build time ({@code pom.xml} runs this in {@code process-classes}) from
 * the labelled sets in {@code ../shared/data/zh}: Weibo posts (weibo2018), food-delivery complaints (waimai_10k)
 * and hotel reviews (ChnSentiCorp), which are read where they lie and never copied into the repository. Without them the build
 * goes on and {@link ChineseScorer} uses its lexicon alone.
 *
 * <p>Usage: {@code ChineseModelTrainer DATA_DIR OUTPUT_FILE}.
 */
public final class ChineseModelTrainer {

    static final String RESOURCE = "sentiment/zh/model.bin";

    private ChineseModelTrainer() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ChineseModelTrainer DATA_DIR OUTPUT_FILE");
        }
        Path data = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path weibo = data.resolve("weibo2018/train.txt");
        Path waimai = data.resolve("waimai_10k/waimai_10k.csv");
        Path hotels = data.resolve("chnsenticorp_htl_all/ChnSentiCorp_htl_all.csv");
        if (!Files.isRegularFile(weibo) || !Files.isRegularFile(waimai) || !Files.isRegularFile(hotels)) {
            System.out.println("[firebreak] no Chinese training data under " + data.toAbsolutePath()
                    + " (weibo2018, waimai_10k, chnsenticorp_htl_all): the Chinese scorer uses its lexicon alone");
            Files.deleteIfExists(out);
            Files.deleteIfExists(out.resolveSibling(out.getFileName() + ".inputs"));
            return;
        }
        Path stamp = out.resolveSibling(out.getFileName() + ".inputs");
        String digest = inputsDigest(out, List.of(weibo, waimai, hotels));
        if (Files.isRegularFile(out) && Files.isRegularFile(stamp) && Files.readString(stamp).equals(digest)) {
            System.out.println("[firebreak] Chinese sentiment model up to date: " + out);
            return;
        }
        long start = System.nanoTime();
        List<ChineseSentimentEvaluation.Labelled> posts = new ArrayList<>(ChineseSentimentEvaluation.weibo(weibo));
        posts.addAll(ChineseSentimentEvaluation.labelReviewCsv(waimai));
        posts.addAll(ChineseSentimentEvaluation.labelReviewCsv(hotels));
        ChineseModel model = ChineseModel.train(
                ChineseSentimentEvaluation.examples(posts, ChineseScorer.lexiconOnly()), ChineseModel.Settings.DEFAULT);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream o = Files.newOutputStream(out)) {
            model.write(o);
        }
        Files.writeString(stamp, digest);
        System.out.printf("[firebreak] Chinese sentiment model: %,d labelled posts, %,d bytes, %.1f s -> %s%n",
                posts.size(), Files.size(out), (System.nanoTime() - start) / 1e9, out);
    }

    /**
     * A digest of what the model is made from: the data, the lexicons beside it and the classes that read posts.
     * The launcher rebuilds on every source change, which recompiles every class, and training takes some
     * seconds, so the model is trained again only when one of these changed in content.
     */
    private static String inputsDigest(Path out, List<Path> data) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        List<Path> inputs = new ArrayList<>(data);
        try (var lexicons = Files.list(out.getParent())) {
            lexicons.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(inputs::add);
        }
        for (Path p : inputs) {
            sha.update(p.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(p));
        }
        for (Class<?> c : List.of(ChineseModel.class, ChineseScorer.class, WeiboText.class, HanText.class, ChineseModelTrainer.class)) {
            try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
                sha.update(in.readAllBytes());
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
