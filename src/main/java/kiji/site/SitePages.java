package kiji.site;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiji.article.ArticleFilter;
import kiji.article.ArticlePhoto;
import kiji.article.ArticleStore;
import kiji.article.CategoryStore;
import kiji.article.PageRequest;
import kiji.article.Permalinks;
import kiji.feed.ArticleMetadata;

/** The reader's pages: home, article, and the category, tag and author listings. */
public final class SitePages {
    static final int PAGE_SIZE = 20;

    private final ArticleStore articles;
    private final CategoryStore categories;
    private final Permalinks permalinks;
    private final Frame frame;
    private final Clock clock;
    private final ArticleMetadata metadata;
    private final ArticlePhoto.Library photos;

    public SitePages(ArticleStore articles, CategoryStore categories, Permalinks permalinks, Frame frame, Clock clock,
                     ArticleMetadata metadata, ArticlePhoto.Library photos) {
        this.metadata = metadata;
        this.photos = photos;
        this.articles = articles;
        this.categories = categories;
        this.permalinks = permalinks;
        this.frame = frame;
        this.clock = clock;
    }

    void home(Context ctx) {
        var page = articles.listHeadlines(ArticleFilter.all(), pageRequest(ctx), Optional.of(clock.instant()));
        if (page.items().isEmpty() && page.number() > 1) throw new NotFoundResponse("ページが見つかりません");
        var listing = new ListingView("最新記事", "/", page.map(a -> ArticleView.of(a, permalinks)));
        ctx.render("site/home.jte", Map.of("page", frame.page("", Optional.of("/"), Optional.empty(), List.of()),
                "listing", listing, "webSite", metadata.webSite()));
    }

    void article(Context ctx) {
        var article = permalinks.idOf(ctx.path())
                .flatMap(id -> articles.findPublic(id, clock.instant()))
                .orElseThrow(() -> new NotFoundResponse("記事が見つかりません"));
        var canonical = permalinks.of(article);
        if (!canonical.equals(ctx.path())) {
            ctx.redirect(canonical, io.javalin.http.HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        var view = ArticleView.of(article, permalinks, article.featuredPhotoId().flatMap(photos::find));
        var crumbs = List.of(new PageView.Crumb("ホーム", "/"),
                new PageView.Crumb(article.category().name(), "/category/" + article.category().slug()));
        ctx.render("site/article.jte", Map.of(
                "page", frame.page(article.title(), Optional.of(canonical), Optional.of(article.category().slug()), crumbs),
                "article", view, "meta", metadata.of(article)));
    }

    void category(Context ctx) {
        var category = categories.findBySlug(ctx.pathParam("slug"))
                .orElseThrow(() -> new NotFoundResponse("カテゴリーが見つかりません"));
        var base = "/category/" + category.slug();
        listing(ctx, category.name(), base, ArticleFilter.category(category.slug()), Optional.of(category.slug()));
    }

    void tag(Context ctx) {
        var name = ctx.pathParam("name");
        listing(ctx, "タグ: " + name, "/tag/" + Paths.segment(name), ArticleFilter.tag(name), Optional.empty());
    }

    void author(Context ctx) {
        var name = ctx.pathParam("name");
        listing(ctx, "執筆: " + name, "/author/" + Paths.segment(name), ArticleFilter.author(name), Optional.empty());
    }

    private void listing(Context ctx, String heading, String base, ArticleFilter filter, Optional<String> active) {
        var page = articles.listHeadlines(filter, pageRequest(ctx), Optional.of(clock.instant()));
        if (page.items().isEmpty() && (page.number() > 1 || active.isEmpty())) {
            throw new NotFoundResponse("ページが見つかりません");
        }
        var listing = new ListingView(heading, base, page.map(a -> ArticleView.of(a, permalinks)));
        var crumbs = List.of(new PageView.Crumb("ホーム", "/"), new PageView.Crumb(heading, base));
        ctx.render("site/listing.jte", Map.of("page", frame.page(heading, Optional.of(base), active, crumbs),
                "listing", listing));
    }

    static PageRequest pageRequest(Context ctx) {
        var raw = ctx.queryParam("page");
        if (raw == null || raw.isEmpty()) return new PageRequest(1, PAGE_SIZE);
        try {
            return new PageRequest(Integer.parseInt(raw), PAGE_SIZE);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("page は 1 から " + PageRequest.MAX_PAGE + " までの整数で指定してください");
        }
    }
}
