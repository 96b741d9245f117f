package io.firebreak.cli;

import io.firebreak.enrich.EnrichedMention;
import io.firebreak.enrich.Enrichment;
import io.firebreak.mention.Mention;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The open labelled tweet sets as enriched mentions, sentiment taken from the human label: the
 * detection eval measures detection, not the sentiment scorer.
 */
final class LabelledTweets {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    private static final DateTimeFormatter APPLE_TIME = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT);
    private static final DateTimeFormatter AIRLINE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z", Locale.ROOT);

    private LabelledTweets() {}

    /** {@code apple-tweets/Apple-Twitter-Sentiment-DFE.csv}: Latin-1, sentiment 1 = negative. */
    static List<EnrichedMention> apple(Path csv) throws IOException {
        List<EnrichedMention> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(csv, Charset.forName("windows-1252"));
             CSVParser p = CSVParser.parse(r, FORMAT)) {
            for (CSVRecord rec : p) {
                boolean negative = "1".equals(rec.get("sentiment"));
                Instant at = OffsetDateTime.parse(rec.get("date"), APPLE_TIME).toInstant();
                out.add(labelled("apple", rec.get("_unit_id"), at, rec.get("text"), negative, "other", 0));
            }
        }
        out.sort(Comparator.comparing(e -> e.mention().createdAt()));
        return out;
    }

    /** {@code airline-tweets/Tweets.csv}: brand from the airline column, human sentiment and reason. */
    static List<EnrichedMention> airline(Path csv) throws IOException {
        List<EnrichedMention> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.parse(r, FORMAT)) {
            for (CSVRecord rec : p) {
                boolean negative = "negative".equals(rec.get("airline_sentiment"));
                Instant at = OffsetDateTime.parse(rec.get("tweet_created"), AIRLINE_TIME).toInstant();
                String category = switch (rec.get("negativereason")) {
                    case "Customer Service Issue", "Flight Attendant Complaints", "longlines" -> "customer-service";
                    case "Late Flight", "Cancelled Flight", "Flight Booking Problems" -> "outage";
                    case "Lost Luggage", "Damaged Luggage", "Bad Flight" -> "product-quality";
                    default -> "other";
                };
                long shares = Long.parseLong(rec.get("retweet_count"));
                out.add(labelled(rec.get("airline"), rec.get("tweet_id") + "-" + rec.getRecordNumber(), at,
                        rec.get("text"), negative, category, shares));
            }
        }
        out.sort(Comparator.comparing(e -> e.mention().createdAt()));
        return out;
    }

    private static EnrichedMention labelled(String brand, String id, Instant at, String text, boolean negative,
                                            String category, long shares) {
        Mention m = new Mention(id, "twitter", at, text.isEmpty() ? "-" : text, brand, "en", null, null,
                new Mention.Engagement(shares, 0, 0), null);
        return new EnrichedMention(m, new Enrichment("en", true, negative ? -0.5 : 0.0,
                negative ? "negative" : "neutral", List.of(brand), negative ? category : "other", List.of()));
    }
}
