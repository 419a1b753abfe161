package kiji.article;

import java.time.Instant;
import java.util.List;

/** An article in API answers. {@code url} is the canonical path; times are ISO-8601 UTC instants. */
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
        String url) {

    public static ArticleJson of(Article a, Permalinks permalinks) {
        return new ArticleJson(a.id(), a.title(), a.lead(), a.body(), a.bodyHtml(), a.category().slug(),
                a.category().name(), a.tags(), a.authors(), a.status().key(), a.publishedAt().orElse(null),
                a.createdAt(), a.updatedAt(), permalinks.of(a));
    }
}
