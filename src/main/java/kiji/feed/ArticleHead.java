package kiji.feed;

import java.util.List;

/**
 * What an article page adds to its {@code <head>}: Open Graph and article properties
 * ({@code <meta property>}), Twitter card and description ({@code <meta name>}), and JSON-LD
 * ({@code NewsArticle}, {@code BreadcrumbList}).
 */
public record ArticleHead(List<Meta> properties, List<Meta> names, List<JsonLd> jsonLd) {
    /** One meta element: its property or name, and its content. */
    public record Meta(String key, String content) {}
}
