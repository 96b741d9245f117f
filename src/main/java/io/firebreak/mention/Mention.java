package io.firebreak.mention;

import java.time.Instant;
import java.util.Objects;

/**
 * One post, comment, article or review that mentions a brand: the Mention v1 contract
 * ({@code shared/schema/mention-v1.schema.json}) after validation.
 *
 * <p>{@code createdAt} is the event time every window and rule runs on. Optional fields are
 * {@code null} when absent; {@link #author()} and {@link #engagement()} are never null (empty
 * values stand for "not given").
 */
public record Mention(
        String id,
        String source,
        Instant createdAt,
        String text,
        String brand,
        String lang,
        String url,
        Author author,
        Engagement engagement,
        String reshareOf) {

    public Mention {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(text, "text");
        author = author == null ? Author.UNKNOWN : author;
        engagement = engagement == null ? Engagement.NONE : engagement;
    }

    /** A minimal mention, for tests and generators. */
    public static Mention of(String source, String id, Instant createdAt, String text) {
        return new Mention(id, source, createdAt, text, null, null, null, null, null, null);
    }

    /** The document id: (source, id) identifies a mention, so re-sending it updates rather than duplicates. */
    public String key() {
        return source + ":" + id;
    }

    public Mention withBrand(String newBrand) {
        return new Mention(id, source, createdAt, text, newBrand, lang, url, author, engagement, reshareOf);
    }

    /** Who wrote it; {@code followers} is 0 when unknown. */
    public record Author(String id, String handle, long followers, boolean verified) {
        public static final Author UNKNOWN = new Author(null, null, 0, false);
    }

    /** How far it travelled when collected. */
    public record Engagement(long shares, long likes, long replies) {
        public static final Engagement NONE = new Engagement(0, 0, 0);
    }
}
