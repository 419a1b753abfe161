package kiji.app;

import java.time.Duration;
import java.util.List;
import kiji.article.Permalinks;
import kiji.site.RenderCache.Rule;
import kiji.site.RenderCache.Rule.Match;

/**
 * Which answers the render cache keeps, and for how long browsers and shared caches (CDN,
 * proxy) may reuse them. Browsers get short lifetimes so a correction reaches readers quickly;
 * shared caches, which a site can purge, get longer ones. Admin, newsroom and search answers
 * are never kept.
 */
final class CachePolicies {
    /** The render cache's bound: 32 MiB holds some 1,000 article pages and fits a 256 MB heap. */
    static final long MAX_BYTES = 32L * 1024 * 1024;
    /** Longest an entry lives: a scheduled article appears on listings within this time. */
    static final Duration TTL = Duration.ofSeconds(60);

    static final String PAGE = "public, max-age=60, s-maxage=300, stale-while-revalidate=30";
    static final String FEED = "public, max-age=300, s-maxage=600";
    static final String API = "public, max-age=30, s-maxage=60";

    private CachePolicies() {}

    /** {@code fixedPages}: paths that could be a fixed page's ({@code /about/}; see kiji.page.PagePath). */
    static List<Rule> publicAnswers(Permalinks permalinks, java.util.function.Predicate<String> fixedPages) {
        return List.of(
                new Rule(Match.EXACT, "/", PAGE),
                new Rule(Match.EXACT, "/sitemap.xml", FEED),
                new Rule(Match.PREFIX, "/sitemaps/", FEED),
                new Rule(Match.EXACT, "/robots.txt", FEED),
                new Rule(Match.SUFFIX, "/feed.xml", FEED),
                new Rule(Match.SUFFIX, "/atom.xml", FEED),
                new Rule(Match.PREFIX, "/category/", PAGE),
                new Rule(Match.PREFIX, "/tag/", PAGE),
                new Rule(Match.PREFIX, "/author/", PAGE),
                new Rule(Match.PREFIX, "/api/articles", API),
                new Rule(Match.PREFIX, "/api/personnel/", API),
                new Rule(Match.PREFIX, "/jinji/person/", PAGE),
                new Rule(Match.PREFIX, "/jinji/post/", PAGE),
                new Rule(Match.PREFIX, permalinks.prefix(), PAGE),
                new Rule(fixedPages, PAGE));
    }
}
