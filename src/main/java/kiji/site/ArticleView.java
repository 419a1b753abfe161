package kiji.site;

import gg.jte.Content;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kiji.article.Article;
import kiji.article.ArticlePhoto;
import kiji.article.Category;
import kiji.article.Permalinks;
import kiji.article.TokyoTime;

/**
 * An article as a page shows it: canonical URL, JST timestamp, the sanitized body, and the
 * featured photo shown above it.
 */
public record ArticleView(
        long id,
        String title,
        String lead,
        String url,
        Category category,
        List<String> tags,
        List<String> authors,
        Instant publishedAt,
        String stamp,
        String isoTime,
        String bodyHtml,
        Optional<ArticlePhoto> photo) {

    /** An article in a listing (no photo looked up). */
    public static ArticleView of(Article a, Permalinks permalinks) {
        return of(a, permalinks, Optional.empty());
    }

    /** An article page, with its featured photo if it has one. */
    public static ArticleView of(Article a, Permalinks permalinks, Optional<ArticlePhoto> photo) {
        var at = a.publishedAt().orElse(a.updatedAt());
        return new ArticleView(a.id(), a.title(), a.lead(), permalinks.of(a), a.category(), a.tags(), a.authors(), at,
                TokyoTime.stamp(at), TokyoTime.iso(at), a.bodyHtml(), photo);
    }

    /** The {@code sizes} of the featured photo: the article column, or the whole phone screen. */
    public String photoSizes() {
        return ArticlePhoto.SIZES;
    }

    /** The body, already sanitized at save time by MarkdownRenderer, written without escaping. */
    public Content body() {
        return output -> output.writeContent(bodyHtml);
    }
}
