package kiji.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A stored article. {@code body} is the Markdown the editor wrote; {@code bodyHtml} is its
 * sanitized rendering, made once at save time so a page view never renders Markdown.
 * {@code featuredPhotoId} names the photo shown at the top of the page and in feeds
 * (see {@link ArticlePhoto.Library}).
 */
public record Article(
        long id,
        String title,
        String lead,
        String body,
        String bodyHtml,
        Category category,
        List<String> tags,
        List<String> authors,
        Status status,
        Optional<Instant> publishedAt,
        Instant createdAt,
        Instant updatedAt,
        Optional<Long> featuredPhotoId) {

    public Article {
        tags = List.copyOf(tags);
        authors = List.copyOf(authors);
        featuredPhotoId = featuredPhotoId == null ? Optional.empty() : featuredPhotoId;
    }

    /** An article without a featured photo. */
    public Article(long id, String title, String lead, String body, String bodyHtml, Category category,
                   List<String> tags, List<String> authors, Status status, Optional<Instant> publishedAt,
                   Instant createdAt, Instant updatedAt) {
        this(id, title, lead, body, bodyHtml, category, tags, authors, status, publishedAt, createdAt, updatedAt,
                Optional.empty());
    }

    /**
     * Readers see an article once it is published or scheduled and its time has come; a
     * scheduled article needs no job to appear on time.
     */
    public boolean isPublicAt(Instant now) {
        return status != Status.DRAFT && publishedAt.isPresent() && !publishedAt.get().isAfter(now);
    }
}
