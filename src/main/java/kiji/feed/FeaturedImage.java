package kiji.feed;

import java.util.Optional;
import kiji.article.Article;
import kiji.article.ArticlePhoto;

/**
 * An article's featured photo, as feeds (enclosure), Open Graph and JSON-LD carry it.
 * {@code url} is absolute; {@code length} (bytes) and the pixel size are 0 when unknown;
 * {@code alt} (the caption) is empty for the site's own images.
 */
public record FeaturedImage(String url, String mimeType, long length, int width, int height, String alt) {

    public FeaturedImage(String url, String mimeType, long length, int width, int height) {
        this(url, mimeType, length, width, height, "");
    }

    /**
     * Where featured photos come from. {@link #of} reads an article's featured photo from the
     * media library; {@link #none()} gives articles none, and pages fall back to the site's
     * default image.
     */
    @FunctionalInterface
    public interface Source {
        Optional<FeaturedImage> of(Article article);

        static Source none() {
            return article -> Optional.empty();
        }

        /** The featured photo's largest variant (1600 px for most uploads), at its absolute URL. */
        static Source of(ArticlePhoto.Library photos, Publisher publisher) {
            return article -> article.featuredPhotoId().flatMap(photos::find).map(p -> new FeaturedImage(
                    publisher.absolute(p.url()), p.mimeType(), p.bytes(), p.largestWidth(),
                    p.heightAt(p.largestWidth()), p.caption()));
        }
    }
}
