package kiji.feed;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * {@code /sitemap.xml} (the index), {@code /sitemaps/articles-N.xml}, {@code /sitemaps/categories.xml},
 * {@code /sitemaps/tags.xml}, {@code /sitemaps/news.xml}, {@code /sitemaps/pages.xml} and {@code /robots.txt}, which names them.
 */
public final class SitemapRoutes {
    private static final String XML = "application/xml; charset=utf-8";
    private static final Pattern ARTICLES = Pattern.compile("articles-([1-9][0-9]{0,5})\\.xml");

    private final Sitemaps sitemaps;
    private final Publisher publisher;
    private final Clock clock;

    public SitemapRoutes(Sitemaps sitemaps, Publisher publisher, Clock clock) {
        this.sitemaps = sitemaps;
        this.publisher = publisher;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/robots.txt", this::robots);
        routes.get("/sitemap.xml", ctx -> ctx.contentType(XML).result(sitemaps.index(clock.instant())));
        routes.get("/sitemaps/{file}", this::sitemap);
    }

    private void sitemap(Context ctx) {
        var now = clock.instant();
        var file = ctx.pathParam("file");
        var m = ARTICLES.matcher(file);
        var body = switch (file) {
            case "categories.xml" -> sitemaps.categories(now);
            case "tags.xml" -> sitemaps.tags(now);
            case "news.xml" -> sitemaps.news(now);
            case "pages.xml" -> sitemaps.pages();
            default -> m.matches()
                    ? sitemaps.articles(Integer.parseInt(m.group(1)), now).orElseThrow(() -> notFound())
                    : sitemaps.extra(file, now).orElse(null);
        };
        if (body == null) throw notFound();
        ctx.contentType(XML).result(body);
    }

    private void robots(Context ctx) {
        ctx.contentType("text/plain; charset=utf-8").result("""
                User-agent: *
                Allow: /
                Disallow: /api/admin/
                Disallow: /search

                Sitemap: %s
                Sitemap: %s
                """.formatted(publisher.absolute("/sitemap.xml"), publisher.absolute("/sitemaps/news.xml")));
    }

    private static NotFoundResponse notFound() {
        return new NotFoundResponse("サイトマップが見つかりません");
    }
}
