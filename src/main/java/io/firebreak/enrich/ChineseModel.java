package io.firebreak.enrich;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A logistic regression over hashed features of a Chinese post, trained at build time on labelled posts
 * ({@link ChineseModelTrainer}) and read by {@link ChineseScorer}: the characters, character pairs and
 * triples of the poster's own words (Simplified), their words and word pairs as smartcn cuts them, the
 * Weibo emoji codes, and the lexicon's own compound score as one more input, so what the lexicon knows
 * (negation, degree, contrast) is weighed rather than lost.
 *
 * <p>Features are hashed into {@code 2^BITS} weights (no dictionary to ship or look up); each post's feature
 * vector is scaled to unit length, so a long post does not shout. Training is AdaGrad on the log loss with
 * L2, a fixed number of passes over a fixed shuffle: the same data gives the same weights.
 */
public final class ChineseModel {

    /** 2^20 weights (4 MB as floats): 2^18 lost a point of accuracy to collisions among the character triples. */
    static final int BITS = 20;
    private static final int MASK = (1 << BITS) - 1;
    private static final int MAGIC = 0x46424d31; // "FBM1"

    /** A post as the model reads it. */
    public record Post(String own, List<String> emoji, List<String> words, double lexicon) {}

    /** A post and its human label. */
    public record Example(Post post, boolean positive) {}

    /** Training settings. */
    public record Settings(int passes, double learningRate, double l2, double lexiconScale) {
        public static final Settings DEFAULT = new Settings(12, 0.05, 1e-6, 3.0);
    }

    private final float[] weights;
    private final float bias;
    private final float lexiconWeight;
    private final double lexiconScale;

    private ChineseModel(float[] weights, float bias, float lexiconWeight, double lexiconScale) {
        this.weights = weights;
        this.bias = bias;
        this.lexiconWeight = lexiconWeight;
        this.lexiconScale = lexiconScale;
    }

    /** The log-odds that the post is positive. */
    public double logit(Post post) {
        Features f = Features.of(post);
        double z = bias + lexiconWeight * post.lexicon() * lexiconScale;
        for (int i = 0; i < f.size; i++) {
            z += weights[f.index[i]] * f.scale;
        }
        return z;
    }

    public static ChineseModel train(List<Example> examples, Settings settings) {
        Features[] features = new Features[examples.size()];
        for (int i = 0; i < features.length; i++) {
            features[i] = Features.of(examples.get(i).post());
        }
        double[] w = new double[1 << BITS];
        double[] g2 = new double[1 << BITS];
        double b = 0;
        double b2 = 1e-8;
        double lw = 0;
        double lw2 = 1e-8;
        int[] order = new int[features.length];
        Arrays.setAll(order, i -> i);
        Random random = new Random(18);
        for (int pass = 0; pass < settings.passes(); pass++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int k : order) {
                Features f = features[k];
                double x = examples.get(k).post().lexicon() * settings.lexiconScale();
                double z = b + lw * x;
                for (int i = 0; i < f.size; i++) {
                    z += w[f.index[i]] * f.scale;
                }
                double p = 1 / (1 + Math.exp(-z));
                double grad = p - (examples.get(k).positive() ? 1 : 0);
                b2 += grad * grad;
                b -= settings.learningRate() * grad / Math.sqrt(b2);
                double gl = grad * x;
                lw2 += gl * gl;
                lw -= settings.learningRate() * gl / Math.sqrt(lw2);
                for (int i = 0; i < f.size; i++) {
                    int j = f.index[i];
                    double g = grad * f.scale + settings.l2() * w[j];
                    g2[j] += g * g;
                    w[j] -= settings.learningRate() * g / Math.sqrt(g2[j]);
                }
            }
        }
        float[] weights = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            weights[i] = (float) w[i];
        }
        return new ChineseModel(weights, (float) b, (float) lw, settings.lexiconScale());
    }

    public void write(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(MAGIC);
        data.writeInt(BITS);
        data.writeFloat(bias);
        data.writeFloat(lexiconWeight);
        data.writeDouble(lexiconScale);
        // most buckets stay 0: write the others as (index, weight)
        int nonZero = 0;
        for (float v : weights) {
            nonZero += v != 0 ? 1 : 0;
        }
        data.writeInt(nonZero);
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] != 0) {
                data.writeInt(i);
                data.writeFloat(weights[i]);
            }
        }
        data.flush();
    }

    public static ChineseModel read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != MAGIC) {
            throw new IOException("not a Firebreak Chinese sentiment model (bad magic number)");
        }
        int bits = data.readInt();
        if (bits != BITS) {
            throw new IOException("model has 2^" + bits + " weights, this build reads 2^" + BITS + ": rebuild it");
        }
        float bias = data.readFloat();
        float lexiconWeight = data.readFloat();
        double lexiconScale = data.readDouble();
        float[] weights = new float[1 << BITS];
        int nonZero = data.readInt();
        for (int k = 0; k < nonZero; k++) {
            int i = data.readInt();
            if (i < 0 || i >= weights.length) {
                throw new IOException("weight index " + i + " out of range");
            }
            weights[i] = data.readFloat();
        }
        return new ChineseModel(weights, bias, lexiconWeight, lexiconScale);
    }

    /** The hashed feature indices of one post, and the scale that makes the vector unit length. */
    private static final class Features {
        private int[] index = new int[64];
        private int size;
        private double scale;

        static Features of(Post post) {
            Features f = new Features();
            String s = post.own();
            int n = s.length();
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    continue;
                }
                int h1 = mix(1, c);
                f.add(h1);
                if (i + 1 < n && !Character.isWhitespace(s.charAt(i + 1))) {
                    int h2 = mix(h1 * 31 + 2, s.charAt(i + 1));
                    f.add(h2);
                    if (i + 2 < n && !Character.isWhitespace(s.charAt(i + 2))) {
                        f.add(mix(h2 * 31 + 3, s.charAt(i + 2)));
                    }
                }
            }
            String previous = null;
            for (String w : post.words()) {
                if (HanText.isPunctuation(w)) {
                    previous = null;
                    continue;
                }
                int hw = mix(4, w.hashCode());
                f.add(hw);
                if (previous != null) {
                    f.add(mix(hw * 31 + 5, previous.hashCode()));
                }
                previous = w;
            }
            for (String e : post.emoji()) {
                // an emoji code weighs as much as a few characters: it is how Weibo says a mood
                int he = mix(6, e.hashCode());
                f.add(he);
                f.add(mix(he, 7));
            }
            f.add(mix(8, 0)); // always on: lets short posts differ from long ones through the scale
            f.scale = 1 / Math.sqrt(f.size);
            return f;
        }

        private void add(int hash) {
            if (size == index.length) {
                index = Arrays.copyOf(index, size * 2);
            }
            index[size++] = hash & MASK;
        }

        /** MurmurHash3's finaliser over a seed and a value. */
        private static int mix(int seed, int value) {
            int h = seed * 0x9E3779B1 ^ value;
            h ^= h >>> 16;
            h *= 0x85EBCA6B;
            h ^= h >>> 13;
            h *= 0xC2B2AE35;
            h ^= h >>> 16;
            return h;
        }
    }
}
