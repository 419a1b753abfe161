package kiji.article;

import java.time.Instant;
import java.util.List;

/**
 * An article in API answers. {@code url} is the canonical path; times are ISO-8601 UTC instants;
 * {@code featuredPhoto} is null or the photo with its page-sized variant and {@code srcset}.
 */
public record ArticleJson(
        long id,
        String title,
        String lead,
        String body,
        String bodyHtml,
        String category,
        String categoryName,
        List<String> tags,
        List<String> authors,
        String status,
        Instant publishedAt,
        Instant createdAt,
        Instant updatedAt,
        String url,
        FeaturedPhoto featuredPhoto) {

    /**
     * A featured photo in answers: {@code url} with {@code width}×{@code height} is the variant a
     * page's {@code src} uses; {@code srcset} lists every stored width.
     */
    public record FeaturedPhoto(long id, String url, int width, int height, String caption, String credit,
                                String srcset) {
        static FeaturedPhoto of(ArticlePhoto p) {
            int w = p.pageWidth();
            return new FeaturedPhoto(p.id(), p.url(w), w, p.heightAt(w), p.caption(), p.credit(), p.srcset());
        }
    }

    public static ArticleJson of(Article a, Permalinks permalinks, ArticlePhoto.Library photos) {
        var photo = a.featuredPhotoId().flatMap(photos::find).map(FeaturedPhoto::of).orElse(null);
        return new ArticleJson(a.id(), a.title(), a.lead(), a.body(), a.bodyHtml(), a.category().slug(),
                a.category().name(), a.tags(), a.authors(), a.status().key(), a.publishedAt().orElse(null),
                a.createdAt(), a.updatedAt(), permalinks.of(a), photo);
    }
}
