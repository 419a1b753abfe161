package kiji.site;

import java.util.List;
import kiji.article.Category;

/**
 * What every page's frame shows: the site's name, its base URL, the category navigation and the
 * footer's links to the fixed pages (会社概要, プライバシーポリシー, …).
 */
public record SiteInfo(String name, String baseUrl, List<Category> categories, List<Link> pages) {

    /** A footer link: the text shown and the path it goes to (already percent-encoded). */
    public record Link(String title, String url) {}

    public SiteInfo(String name, String baseUrl, List<Category> categories) {
        this(name, baseUrl, categories, List.of());
    }
}
