package io.firebreak.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.firebreak.enrich.EnrichedMention;
import io.firebreak.enrich.Enrichment;
import io.firebreak.mention.Mention;
import java.time.Instant;
import java.util.List;

/** A mention as indexed: the Mention v1 fields plus enrichment, in the mapping's snake_case. */
public record MentionDocument(
        String id,
        String source,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("ingested_at") Instant ingestedAt,
        String text,
        String brand,
        List<String> brands,
        String lang,
        String url,
        @JsonProperty("reshare_of") String reshareOf,
        Author author,
        Engagement engagement,
        Sentiment sentiment,
        String category,
        @JsonProperty("category_terms") List<String> categoryTerms,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> words) {

    /** Who wrote it. */
    public record Author(String id, String handle, long followers, boolean verified) {}

    /** How far it travelled. */
    public record Engagement(long shares, long likes, long replies) {}

    /** The scorer's verdict; {@code scored=false} means no scorer for the language. */
    public record Sentiment(double score, String label, boolean scored) {}

    public static MentionDocument of(EnrichedMention em, Instant ingestedAt) {
        Mention m = em.mention();
        Enrichment e = em.enrichment();
        return new MentionDocument(
                m.id(), m.source(), m.createdAt(), ingestedAt, m.text(), m.brand(), e.brands(), e.lang(), m.url(),
                m.reshareOf(),
                new Author(m.author().id(), m.author().handle(), m.author().followers(), m.author().verified()),
                new Engagement(m.engagement().shares(), m.engagement().likes(), m.engagement().replies()),
                new Sentiment(e.sentiment(), e.label(), e.scored()),
                e.category(), e.categoryTerms(), e.words());
    }
}
