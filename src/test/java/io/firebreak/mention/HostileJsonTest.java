package io.firebreak.mention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firebreak.config.Settings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Mention JSON built to hurt: each is refused with what is wrong named, and none costs unbounded memory. */
class HostileJsonTest {

    private static final Settings.Limits LIMITS = Settings.Limits.defaults();
    private static final MentionJson JSON = new MentionJson(LIMITS.jsonMapper(), 20_000,
            Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC), Duration.ofMinutes(5), 100);

    private static String mention(String fields) {
        return "{\"id\":\"1\",\"source\":\"t\",\"created_at\":\"2026-03-02T09:00:00Z\",\"text\":\"hi\"" + fields + "}";
    }

    private static String firstError(Batch batch) {
        assertThat(batch.rejected()).as("rejected").isNotEmpty();
        return batch.rejected().get(0).errors().get(0);
    }

    @Test
    void deepNesting_isABadRequestNamingTheLimit_notANullPointer() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThatThrownBy(() -> JSON.read("http", deep))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("nesting depth").hasMessageContaining("limits.max_nesting_depth");
        String deepObject = mention(",\"author\":" + "{\"a\":".repeat(50) + "1" + "}".repeat(50));
        assertThat(firstError(JSON.read("http", deepObject))).contains("limits.max_nesting_depth");
    }

    @Test
    void aHugeString_isRefusedAtTheStreamLimit() {
        String huge = mention(",\"url\":\"" + "x".repeat(LIMITS.maxStringChars() + 1) + "\"");
        assertThat(firstError(JSON.read("http", huge))).contains("limits.max_string_chars");
    }

    @Test
    void aLongText_isRefusedNamingTheField() {
        String longText = "{\"id\":\"1\",\"source\":\"t\",\"created_at\":\"2026-03-02T09:00:00Z\",\"text\":\"" + "y".repeat(20_001) + "\"}";
        assertThat(firstError(JSON.read("http", longText))).isEqualTo("text: 20001 characters, the limit is 20000");
    }

    @Test
    void aNumberWithThousandsOfDigits_isRefusedAtTheStreamLimit() {
        String digits = mention(",\"engagement\":{\"shares\":" + "9".repeat(5_000) + "}");
        assertThat(firstError(JSON.read("http", digits))).contains("limits.max_number_chars");
    }

    @Test
    void aNumberBeyondALong_isNamedTooLarge() {
        String big = mention(",\"author\":{\"followers\":99999999999999999999}");
        assertThat(firstError(JSON.read("http", big))).isEqualTo("author.followers: 99999999999999999999 is too large; the most is "
                + Long.MAX_VALUE);
        assertThat(firstError(JSON.read("http", mention(",\"author\":{\"followers\":1e400}"))))
                .isEqualTo("author.followers: must be a whole number, got a number");
        assertThat(firstError(JSON.read("http", mention(",\"engagement\":{\"likes\":-5}")))).contains("must be 0 or more");
    }

    @Test
    void duplicateKeys_areRefused_soASecondTextCannotHideBehindTheFirst() {
        String twice = "{\"id\":\"1\",\"source\":\"t\",\"created_at\":\"2026-03-02T09:00:00Z\",\"text\":\"fine\",\"text\":\"other\"}";
        assertThat(firstError(JSON.read("http", twice))).contains("Duplicate field 'text'");
    }

    @Test
    void aLongFieldName_isRefused() {
        assertThat(firstError(JSON.read("http", mention(",\"" + "k".repeat(300) + "\":1")))).contains("limits.max_name_chars");
    }

    @Test
    void tooManyItems_inAnArrayOrNdjson_isTooLargeNamingTheLimit() {
        String array = "[" + String.join(",", java.util.Collections.nCopies(101, mention(""))) + "]";
        assertThatThrownBy(() -> JSON.read("http", array)).isInstanceOf(TooLargeException.class).hasMessageContaining("limits.max_items (100)");
        String ndjson = String.join("\n", java.util.Collections.nCopies(101, mention("")));
        assertThatThrownBy(() -> JSON.read("http", ndjson)).isInstanceOf(TooLargeException.class);
        assertThat(JSON.read("http", String.join("\n", java.util.Collections.nCopies(100, mention("")))).accepted()).hasSize(100);
    }

    @Test
    void controlCharacters_areRefusedNamingFieldAndPlace_butTextKeepsLineBreaks() {
        assertThat(firstError(JSON.read("http", mention("").replace("\"hi\"", "\"a\\u0000b\""))))
                .isEqualTo("text: control character U+0000 at 1; only line breaks and tabs may stand in text");
        assertThat(firstError(JSON.read("http", mention(",\"author\":{\"handle\":\"bob\\u001b[31m\"}"))))
                .startsWith("author.handle: control character U+001B at 3");
        assertThat(firstError(JSON.read("http", mention(",\"brand\":\"acme\\u0085\"")))).startsWith("brand: control character U+0085");
        assertThat(JSON.read("http", mention("").replace("\"hi\"", "\"line one\\nline two\\tend\"")).accepted()).hasSize(1);
    }

    @Test
    void invisibleCharactersInIdsOrSources_areRefused_butKeptInText() {
        assertThat(firstError(JSON.read("http", mention("").replace("\"id\":\"1\"", "\"id\":\"1\\u200b\""))))
                .startsWith("id: character U+200B at 1 is a control or invisible character");
        assertThat(firstError(JSON.read("http", mention("").replace("\"source\":\"t\"", "\"source\":\"t\\u202e\""))))
                .startsWith("source: character U+202E");
        Batch rtl = JSON.read("http", mention("").replace("\"hi\"", "\"\\u200fשלום Acme\""));
        assertThat(rtl.accepted()).hasSize(1);
        assertThat(rtl.accepted().get(0).mention().text()).startsWith("\u200f");
    }

    @Test
    void bytesThatAreNotUtf8_areNamedWithTheirOffset() {
        byte[] latin1 = "{\"text\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> StrictUtf8.decode(latin1, "the body"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("byte 12 (0xe9)");
        byte[] overlong = {'"', (byte) 0xC0, (byte) 0xAF, '"'};
        assertThatThrownBy(() -> StrictUtf8.decode(overlong, "the body")).hasMessageContaining("byte 1");
        byte[] surrogate = {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'};
        assertThatThrownBy(() -> StrictUtf8.decode(surrogate, "the body")).isInstanceOf(BadInputException.class);
        assertThat(StrictUtf8.decode("caf\u00e9 \uD83D\uDE00".getBytes(StandardCharsets.UTF_8), "x")).isEqualTo("caf\u00e9 \uD83D\uDE00");
    }

    @Test
    void aBrokenLine_keepsABoundedPieceAsTheDeadLetter() {
        String broken = mention("") + "\n{\"text\":\"" + "z".repeat(90_000) + "\n";
        Batch batch = JSON.read("http", broken);
        assertThat(batch.rejected().get(0).raw().length()).isLessThanOrEqualTo(40_003);
    }

    @Test
    void piecesOfAFile_keepTheFilesLineNumbers() {
        Batch piece = JSON.readLines("big.ndjson", mention("") + "\n\n{\"id\":\"2\"}\n", 5001, 5000);
        assertThat(piece.accepted().get(0).index()).isEqualTo(5000);
        assertThat(piece.rejected().get(0).where()).isEqualTo("line 5003");
        assertThat(piece.rejected().get(0).index()).isEqualTo(5001);
    }
}
