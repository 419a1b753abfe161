package kiji.feed;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.Optional;
import kiji.article.ArticleFilter;
import kiji.article.ArticleStore;
import kiji.article.CategoryStore;
import kiji.article.PageRequest;


/**
 * The feeds: {@code /feed.xml} (RSS 2.0) and {@code /atom.xml} (Atom) for the site, and the
 * same two names under each listing: {@code /category/{slug}/}, {@code /tag/{name}/},
 * {@code /author/{name}/}. Caching headers and 304s come from the render cache.
 */
public final class FeedRoutes {
    private final ArticleStore articles;
    private final CategoryStore categories;
    private final FeedWriter writer;
    private final FeedSettings settings;
    private final Clock clock;

    public FeedRoutes(ArticleStore articles, CategoryStore categories, FeedWriter writer, FeedSettings settings,
                      Clock clock) {
        this.articles = articles;
        this.categories = categories;
        this.writer = writer;
        this.settings = settings;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        for (var format : FeedWriter.Format.values()) {
            var file = format == FeedWriter.Format.RSS ? "feed.xml" : "atom.xml";
            routes.get("/" + file, ctx -> serve(ctx, Feeds.site(), format));
            routes.get("/category/{slug}/" + file, ctx -> serve(ctx, category(ctx), format));
            routes.get("/tag/{name}/" + file, ctx -> serve(ctx, Feeds.tag(ctx.pathParam("name")), format));
            routes.get("/author/{name}/" + file, ctx -> serve(ctx, Feeds.author(ctx.pathParam("name")), format));
        }
    }

    private FeedScope category(Context ctx) {
        return categories.findBySlug(ctx.pathParam("slug")).map(Feeds::category)
                .orElseThrow(() -> new NotFoundResponse("カテゴリーが見つかりません"));
    }

    private void serve(Context ctx, FeedScope scope, FeedWriter.Format format) {
        var now = clock.instant();
        var page = articles.list(scope.filter(), new PageRequest(1, settings.items()), Optional.of(now));
        // A tag or author exists only through its articles; a category exists on its own.
        if (page.total() == 0 && scope.filter().category().isEmpty() && !scope.listingPath().equals("/")) {
            throw new NotFoundResponse("フィードが見つかりません");
        }
        ctx.contentType(format.contentType).result(writer.write(scope, page.items(), format, now));
    }

    /** The scopes, named as the listing pages name them. */
    public static final class Feeds {
        private Feeds() {}

        public static FeedScope site() {
            return new FeedScope("最新記事", "/", ArticleFilter.all());
        }

        public static FeedScope category(kiji.article.Category c) {
            return new FeedScope(c.name(), "/category/" + c.slug(), ArticleFilter.category(c.slug()));
        }

        public static FeedScope tag(String name) {
            return new FeedScope("タグ: " + name, "/tag/" + Links.segment(name), ArticleFilter.tag(name));
        }

        public static FeedScope author(String name) {
            return new FeedScope("執筆: " + name, "/author/" + Links.segment(name), ArticleFilter.author(name));
        }
    }
}
