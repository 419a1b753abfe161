package kiji.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What an editor or the admin API submits: validated by {@link ArticleService}. */
public record ArticleDraft(
        Optional<Long> id,
        String title,
        String lead,
        String body,
        String category,
        List<String> tags,
        List<String> authors,
        Status status,
        Optional<Instant> publishedAt,
        Optional<Long> featuredPhotoId) {

    public ArticleDraft {
        tags = tags == null ? List.of() : List.copyOf(tags);
        authors = authors == null ? List.of() : List.copyOf(authors);
        lead = lead == null ? "" : lead;
        featuredPhotoId = featuredPhotoId == null ? Optional.empty() : featuredPhotoId;
    }

    /** A draft without a featured photo. */
    public ArticleDraft(Optional<Long> id, String title, String lead, String body, String category, List<String> tags,
                        List<String> authors, Status status, Optional<Instant> publishedAt) {
        this(id, title, lead, body, category, tags, authors, status, publishedAt, Optional.empty());
    }

    /** The same draft with another featured photo (or none). */
    public ArticleDraft withFeaturedPhoto(Optional<Long> photoId) {
        return new ArticleDraft(id, title, lead, body, category, tags, authors, status, publishedAt, photoId);
    }
}
