package kiji.site;

import gg.jte.Content;
import java.time.Instant;
import java.util.List;
import kiji.article.Article;
import kiji.article.Category;
import kiji.article.Permalinks;
import kiji.article.TokyoTime;

/** An article as a page shows it: canonical URL, JST timestamp, and the sanitized body. */
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
        String bodyHtml) {

    public static ArticleView of(Article a, Permalinks permalinks) {
        var at = a.publishedAt().orElse(a.updatedAt());
        return new ArticleView(a.id(), a.title(), a.lead(), permalinks.of(a), a.category(), a.tags(), a.authors(), at,
                TokyoTime.stamp(at), TokyoTime.iso(at), a.bodyHtml());
    }

    /** The body, already sanitized at save time by MarkdownRenderer, written without escaping. */
    public Content body() {
        return output -> output.writeContent(bodyHtml);
    }
}
