package io.firebreak.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.firebreak.mention.BadInputException;
import io.firebreak.mention.Batch;
import io.firebreak.mention.Mention;
import io.firebreak.mention.MentionJson;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class CsvMentionsTest {

    private static final Path SHARED = Path.of("..", "shared", "data");
    private final CsvMentions csv = new CsvMentions(ExportMapping.loadAll(Path.of("config", "csv")), new MentionJson());

    @Test
    void airlineRow_mapsColumnsAndKeepsTheOffset() {
        String text = """
                tweet_id,airline_sentiment,airline_sentiment_confidence,negativereason,negativereason_confidence,airline,airline_sentiment_gold,name,negativereason_gold,retweet_count,text,tweet_coord,tweet_created,tweet_location,user_timezone
                570301130888122368,negative,1.0,Late Flight,1.0,United,,jnardino,,2,"@united late again
                second line",,2015-02-24 11:15:59 -0800,,Pacific Time (US & Canada)
                """;

        Batch batch = csv.read("t.csv", text);

        Mention m = batch.mentions().get(0);
        assertThat(m.key()).isEqualTo("twitter:570301130888122368");
        assertThat(m.brand()).isEqualTo("United");
        assertThat(m.text()).isEqualTo("@united late again\nsecond line");
        assertThat(m.createdAt()).isEqualTo(Instant.parse("2015-02-24T19:15:59Z"));
        assertThat(m.engagement().shares()).isEqualTo(2);
        assertThat(m.author().handle()).isEqualTo("jnardino");
    }

    @Test
    void latin1Bytes_areReadAsWindows1252() {
        String text = "_unit_id,date,query,text\n1,Mon Dec 01 19:30:03 +0000 2014,@Apple,caf\u00e9 \u2013 ok\n";
        Batch batch = csv.read("a.csv", text.getBytes(Charset.forName("windows-1252")));

        assertThat(batch.mentions()).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("caf\u00e9 \u2013 ok");
            assertThat(m.brand()).isEqualTo("apple");
        });
    }

    @Test
    void rowCutByAStrayLineBreak_isJoinedBack_andABadRowDoesNotStopTheRest() {
        String text = ",tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n"
                + "0,1,a,True,Tue Oct 31 22:10:47 +0000 2017,@x first half\n\nsecond half,2,\n"
                + "1,2,b,True,not a date,hello,,1.0\n"
                + "2,3,c,False,Tue Oct 31 22:11:47 +0000 2017,fine,,\n";

        Batch batch = csv.read("twcs.csv", text);

        assertThat(batch.mentions()).extracting(Mention::id).containsExactly("1", "3");
        assertThat(batch.mentions().get(0).text()).isEqualTo("@x first half\nsecond half");
        assertThat(batch.rejected()).singleElement()
                .satisfies(r -> assertThat(r.message()).startsWith("created_at: 'not a date' (column created_at)"));
    }

    @Test
    void unknownHeader_isRefusedNamingTheColumns() {
        assertThatThrownBy(() -> csv.read("x.csv", "a,b\n1,2\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("no CSV mapping").hasMessageContaining("[a, b]");
    }

    @Test
    void sharedAirlineFile_allRowsImport_with14485UniqueTweets() throws Exception {
        Path file = SHARED.resolve("airline-tweets/Tweets.csv");
        assumeTrue(Files.exists(file), "shared data not present");

        Batch batch = csv.read(file.toString(), Files.readAllBytes(file));

        assertThat(batch.rejected()).isEmpty();
        assertThat(batch.accepted()).hasSize(14_640);
        assertThat(new HashSet<>(batch.mentions().stream().map(Mention::key).toList())).hasSize(14_485);
    }

    @Test
    void sharedAppleAndSupportFiles_importWithoutEdits() throws Exception {
        Path apple = SHARED.resolve("apple-tweets/Apple-Twitter-Sentiment-DFE.csv");
        Path twcs = SHARED.resolve("customer-support-sample/twcs_first5000.csv");
        assumeTrue(Files.exists(apple) && Files.exists(twcs), "shared data not present");

        Batch appleBatch = csv.read(apple.toString(), Files.readAllBytes(apple));
        Batch twcsBatch = csv.read(twcs.toString(), Files.readAllBytes(twcs));

        assertThat(appleBatch.rejected()).isEmpty();
        assertThat(appleBatch.accepted()).hasSize(3_886);
        assertThat(twcsBatch.rejected()).isEmpty();
        assertThat(twcsBatch.accepted()).hasSize(5_000);
    }
}
