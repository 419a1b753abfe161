package kiji.ranking;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import kiji.site.HeadAsGet;
import kiji.article.Permalinks;

/** The ranking's routes, and the optional count-on-render hook on article pages. */
final class RankingRoutes {
    private final RankingApi api;
    private final RankingSettings settings;
    private final Permalinks permalinks;
    private final ViewCounting counting;

    RankingRoutes(RankingApi api, RankingSettings settings, Permalinks permalinks, ViewCounting counting) {
        this.api = api;
        this.settings = settings;
        this.permalinks = permalinks;
        this.counting = counting;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/views", ctx -> api.beacon(ctx, reader(ctx)));
        routes.get("/api/ranking", api::ranking);
        routes.get("/api/admin/articles/{id}/views", api::series);
        routes.post("/api/admin/views/import", api::importViews);
        if (settings.countOnRender()) routes.after(permalinks.prefix() + "*", this::countRender);
    }

    /** Counts a served article page (count-on-render); also called for pages served from the render cache. */
    void countRender(Context ctx) {
        // prefetches and previews are not reads; only a served page counts
        if (!"GET".equals(ctx.method().name()) || HeadAsGet.isHead(ctx) || ctx.statusCode() != 200) return;
        var purpose = ctx.header("Sec-Purpose") != null ? ctx.header("Sec-Purpose") : ctx.header("Purpose");
        if (purpose != null && purpose.contains("prefetch")) return;
        permalinks.idOf(ctx.path()).ifPresent(id -> counting.count(id, reader(ctx)));
    }

    Reader reader(Context ctx) {
        return Reader.of(settings.trustedProxies(), ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"),
                ctx.userAgent(), ctx.cookie(Reader.EDITOR_SESSION_COOKIE) != null);
    }
}
