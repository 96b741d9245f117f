package io.firebreak.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The Chinese sentiment model: what it learns, how it is stored, and the model the build shipped. */
class ChineseModelTest {

    private static final ChineseScorer LEXICON = ChineseScorer.lexiconOnly();

    /** Praise and complaints the lexicon does not know: only the model can tell them apart. */
    private static List<ChineseModel.Example> madeUp() {
        List<ChineseModel.Example> out = new ArrayList<>();
        String[] praise = {"这家店喵喵喵", "喵喵喵，下次还来", "真的喵喵喵啊", "喵喵喵的一顿饭"};
        String[] complaints = {"这家店呱呱呱", "呱呱呱了，别去", "又呱呱呱", "呱呱呱的一顿饭"};
        for (int round = 0; round < 5; round++) {
            for (String p : praise) {
                out.add(new ChineseModel.Example(LEXICON.read(p), true));
            }
            for (String c : complaints) {
                out.add(new ChineseModel.Example(LEXICON.read(c), false));
            }
        }
        return out;
    }

    @Test
    void learnsWordsTheLexiconLacks() {
        ChineseModel model = ChineseModel.train(madeUp(), ChineseModel.Settings.DEFAULT);
        ChineseScorer scorer = LEXICON.withModel(model);
        assertThat(LEXICON.score("午饭喵喵喵")).isZero();
        assertThat(scorer.score("午饭喵喵喵")).isPositive();
        assertThat(scorer.score("午饭呱呱呱")).isNegative();
    }

    @Test
    void aWrittenModelReadsBackTheSame() throws IOException {
        ChineseModel model = ChineseModel.train(madeUp(), ChineseModel.Settings.DEFAULT);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.write(bytes);
        ChineseModel read = ChineseModel.read(new ByteArrayInputStream(bytes.toByteArray()));
        for (String text : List.of("午饭喵喵喵", "午饭呱呱呱", "今天下午三点开会")) {
            assertThat(read.logit(LEXICON.read(text))).isEqualTo(model.logit(LEXICON.read(text)));
        }
    }

    @Test
    void trainingIsRepeatable() {
        ChineseModel a = ChineseModel.train(madeUp(), ChineseModel.Settings.DEFAULT);
        ChineseModel b = ChineseModel.train(madeUp(), ChineseModel.Settings.DEFAULT);
        assertThat(a.logit(LEXICON.read("喵喵喵"))).isEqualTo(b.logit(LEXICON.read("喵喵喵")));
    }

    @Test
    void somethingElseIsRefusedByName() {
        assertThatThrownBy(() -> ChineseModel.read(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a Firebreak Chinese sentiment model");
    }

    /** The shipped model on posts of the kind a crisis is made of; skipped by a build without training data. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            鲜丰乳业的牛奶检出致癌物，家里孩子天天喝，太可怕了！  | negative
            艾克美航空太坑了，航班延误也不通知                    | negative
            外卖送到的时候全洒了，客服电话打不通                   | negative
            飞机紧急迫降，有乘客受伤，航空公司至今没有回应          | negative
            吃出苍蝇，恶心死了[吐]                             | negative
            很好吃，送餐也快                                  | positive
            客服态度很好，问题很快解决了，点赞                    | positive
            """)
    void theShippedModelReadsCrisisPostsAsPeopleDo(String text, String label) {
        assumeTrue(ChineseScorer.standard().hasModel(), "this build has no Chinese model (no training data)");
        assertThat(SentimentScorer.label(ChineseScorer.standard().score(text))).isEqualTo(label);
    }
}
