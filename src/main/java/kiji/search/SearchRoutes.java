package kiji.search;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiji.article.CategoryStore;
import kiji.article.Permalinks;
import kiji.site.Frame;
import kiji.site.PageView;

/**
 * Search for readers ({@code /search}, {@code GET /api/search}) and the operator's rebuild
 * ({@code POST /api/admin/search/reindex}, behind the admin token guard).
 */
public final class SearchRoutes {
    static final int PAGE_SIZE = 10;

    private final SearchIndex index;
    private final ArticleSource source;
    private final CategoryStore categories;
    private final Permalinks permalinks;
    private final Frame frame;
    private final Clock clock;

    public SearchRoutes(SearchIndex index, ArticleSource source, CategoryStore categories, Permalinks permalinks,
                        Frame frame, Clock clock) {
        this.index = index;
        this.source = source;
        this.categories = categories;
        this.permalinks = permalinks;
        this.frame = frame;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/search", this::page);
        routes.get("/api/search", this::api);
        routes.post("/api/admin/search/reindex", this::reindex);
    }

    private void page(Context ctx) {
        var request = SearchParams.parse(ctx, PAGE_SIZE);
        var results = request.text().isBlank() ? Optional.<SearchResults>empty()
                : Optional.of(search(ctx, request, "検索の準備中です。数秒後にもう一度お試しください。",
                        "検索は現在ご利用いただけません。"));
        var title = request.text().isBlank() ? "記事検索" : "「" + request.text().strip() + "」の検索結果";
        var crumbs = List.of(new PageView.Crumb("ホーム", "/"), new PageView.Crumb("記事検索", "/search"));
        ctx.header("Cache-Control", "no-store");
        ctx.render("search/results.jte", Map.of(
                "page", frame.page(title, Optional.empty(), Optional.empty(), crumbs).withSearchQuery(request.text()),
                "search", SearchPageView.of(request, categories.all(), results, permalinks)));
    }

    private void api(Context ctx) {
        var request = SearchParams.parse(ctx, PAGE_SIZE);
        var results = search(ctx, request, "search is starting", "search is unavailable");
        var items = results.items().stream().map(h -> new Item(h.articleId(), h.title(), h.titleHtml(),
                permalinks.of(h.articleId(), h.category()), h.publishedAt(), h.category().slug(), h.category().name(),
                h.snippetHtml())).toList();
        ctx.json(new Answer(results.total(), results.totalIsLowerBound(), results.page(), results.size(), items));
    }

    /** The results, or 503 (with Retry-After while the index is still opening, see StartingSearchIndex). */
    private SearchResults search(Context ctx, SearchRequest request, String starting, String unavailable) {
        try {
            return index.search(request, clock.instant());
        } catch (SearchUnavailableException e) {
            ctx.header("Cache-Control", "no-store");
            if (e.starting()) ctx.header("Retry-After", "5");
            throw new HttpResponseException(503, e.starting() ? starting : unavailable);
        }
    }

    private void reindex(Context ctx) {
        long started = System.nanoTime();
        index.rebuild(source);
        ctx.json(Map.of("documents", index.size(), "tookMs", (System.nanoTime() - started) / 1_000_000));
    }

    /**
     * {@code GET /api/search}: snippet is HTML (escaped text, matches in {@code <mark>}); when
     * {@code totalIsLowerBound} is true, {@code total} is a floor ("at least"), not a count.
     */
    record Answer(long total, boolean totalIsLowerBound, int page, int size, List<Item> items) {}

    record Item(long articleId, String title, String titleHtml, String url, Instant publishedAt, String category, String categoryName,
                String snippet) {}
}
