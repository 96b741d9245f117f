package io.firebreak.mention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MentionJsonTest {

    private static final String VALID = """
            {"id":"1","source":"twitter","created_at":"2015-02-24T11:35:52-08:00","text":"my bag is lost",
             "author":{"handle":"ann","followers":120,"verified":false},"engagement":{"shares":3}}""";

    private final MentionJson json = new MentionJson(new com.fasterxml.jackson.databind.ObjectMapper(), 50);

    @Test
    void oneObject_becomesOneMentionWithEventTimeInUtc() {
        Batch batch = json.read("test", VALID);

        assertThat(batch.rejected()).isEmpty();
        Mention m = batch.mentions().get(0);
        assertThat(m.key()).isEqualTo("twitter:1");
        assertThat(m.createdAt()).isEqualTo(Instant.parse("2015-02-24T19:35:52Z"));
        assertThat(m.author().followers()).isEqualTo(120);
        assertThat(m.engagement().shares()).isEqualTo(3);
    }

    @Test
    void prettyPrintedObject_isOneMentionNotBrokenLines() {
        Batch batch = json.read("test", VALID.replace(",", ",\n  "));
        assertThat(batch.accepted()).hasSize(1);
    }

    @Test
    void array_keepsValidItemsAndNamesTheFieldOfEachBadOne() {
        String body = "[" + VALID + ",{\"id\":\"2\",\"source\":\"twitter\",\"text\":\"x\"},"
                + "{\"id\":3,\"source\":\"twitter\",\"created_at\":\"2015-02-24 11:35\",\"text\":\"\"}]";

        Batch batch = json.read("test", body);

        assertThat(batch.accepted()).extracting(Batch.Item::index).containsExactly(0);
        assertThat(batch.rejected()).extracting(Rejection::index).containsExactly(1, 2);
        assertThat(batch.rejected().get(0).errors()).containsExactly("created_at: required");
        assertThat(batch.rejected().get(1).errors()).containsExactly(
                "id: must be a string, got a number",
                "created_at: '2015-02-24 11:35' is not RFC 3339 with an offset, e.g. 2026-03-02T09:00:00Z or 2015-02-24T11:35:52-08:00",
                "text: must not be empty");
    }

    @Test
    void ndjson_aBrokenLineIsRejectedAloneWithItsLineNumber() {
        String body = VALID.replace("\n", "") + "\n{not json\n\n" + VALID.replace("\n", "").replace("\"1\"", "\"9\"") + "\n";

        Batch batch = json.read("test", body);

        assertThat(batch.mentions()).extracting(Mention::id).containsExactly("1", "9");
        assertThat(batch.rejected()).singleElement().satisfies(r -> {
            assertThat(r.where()).isEqualTo("line 2");
            assertThat(r.message()).startsWith("(json): not valid JSON");
            assertThat(r.raw()).isEqualTo("{not json");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            "author":{"followers":-1}        | author.followers: must be 0 or more, got -1
            "author":{"followers":"many"}    | author.followers: must be a whole number, got a string
            "author":{"verified":"yes"}      | author.verified: must be true or false, got a string
            "engagement":{"shares":1.5}      | engagement.shares: must be a whole number, got a number
            "engagement":[]                  | engagement: must be an object, got an array
            "lang":"english language"        | lang: 'english language' is not a BCP 47 tag such as en or pt-BR
            "text":"%s"                      | text: 51 characters, the limit is 50
            """)
    void fieldRules_nameTheField(String fragment, String error) {
        String body = "{\"id\":\"1\",\"source\":\"s\",\"created_at\":\"2026-01-01T00:00:00Z\",\"text\":\"t\","
                + fragment.formatted("x".repeat(51)) + "}";
        body = body.replace("\"text\":\"t\",\"text\"", "\"text\"");

        assertThat(json.read("test", body).rejected()).singleElement()
                .satisfies(r -> assertThat(r.errors()).containsExactly(error));
    }

    @Test
    void eventTimeAheadOfTheClockByMoreThanTheSkew_isRefusedNamingFieldAndSkew() {
        var clock = java.time.Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), java.time.ZoneOffset.UTC);
        var strict = new MentionJson(new com.fasterxml.jackson.databind.ObjectMapper(), 50, clock,
                java.time.Duration.ofMinutes(5));
        String body = "{\"id\":\"1\",\"source\":\"s\",\"created_at\":\"%s\",\"text\":\"t\"}";

        assertThat(strict.read("test", body.formatted("2026-03-02T09:05:00Z")).rejected()).as("at the skew").isEmpty();
        assertThat(strict.read("test", body.formatted("2026-03-02T09:05:01Z")).rejected()).as("a second past it").hasSize(1);
        // a source in UTC+6 sending its local time as UTC
        assertThat(strict.read("test", body.formatted("2026-03-02T15:00:00Z")).rejected()).singleElement()
                .satisfies(r -> assertThat(r.message()).isEqualTo("created_at: 2026-03-02T15:00:00Z is 6 h 0 min"
                        + " ahead of this server's clock (2026-03-02T09:00:00Z); more than max-clock-skew (5 min) is refused:"
                        + " check the source's clock or time zone (a local time sent as UTC?)"));
    }

    @Test
    void emptyBodyOrBrokenArray_isRefusedAsAWhole() {
        assertThatThrownBy(() -> json.read("test", "  ")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> json.read("test", "[{\"id\":")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("line 1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            L\r\nL\r\n
            \nL\n \t\nL
            L\r\r\nL\r
            \r\n\r\nL\nL\n\n
            """)
    void ndjsonLines_areCutAndNumberedAsAtLineBreaksOrCrLf(String shape) {
        String line = VALID.replace("\n", "");
        String body = shape.replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t").replace("L", line);
        var expected = new java.util.ArrayList<String>();
        String[] cut = body.split("\r?\n", -1);
        for (int i = 0; i < cut.length; i++) {
            if (!cut[i].isBlank()) {
                expected.add("line " + (i + 1) + ":" + cut[i].endsWith("\r"));
            }
        }

        Batch batch = json.readLines("test", body.replace("\"id\":\"1\"", "\"id\":1"));

        // every line is rejected (a number id), so each one's place and raw text can be read back
        assertThat(batch.rejected()).extracting(r -> r.where() + ":" + r.raw().endsWith("\r")).containsExactlyElementsOf(expected);
    }
}
