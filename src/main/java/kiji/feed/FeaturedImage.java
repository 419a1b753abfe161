package kiji.feed;

import java.util.Optional;
import kiji.article.Article;

/**
 * An article's featured photo, as feeds (enclosure), Open Graph and JSON-LD carry it.
 * {@code url} is absolute; {@code length} (bytes) and the pixel size are 0 when unknown.
 */
public record FeaturedImage(String url, String mimeType, long length, int width, int height) {

    /**
     * Where featured photos come from. The newsroom (media library) implements it; until then
     * {@link #none()} gives articles none and pages fall back to the site's default image.
     */
    @FunctionalInterface
    public interface Source {
        Optional<FeaturedImage> of(Article article);

        static Source none() {
            return article -> Optional.empty();
        }
    }
}
