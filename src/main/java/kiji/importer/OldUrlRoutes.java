package kiji.importer;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;

/**
 * WordPress's own links, {@code /?p=ID} and {@code /?page_id=ID}: answered 301 to the article
 * or page an import made of that post, before the home page (which would otherwise ignore the
 * query). Old paths are answered where a 404 would be ({@code site.ErrorPages#withOldUrls}).
 */
public final class OldUrlRoutes {
    private final Redirects redirects;

    public OldUrlRoutes(Redirects redirects) {
        this.redirects = redirects;
    }

    public void register(RoutesConfig routes) {
        routes.before("/", this::wordpressQuery);
    }

    private void wordpressQuery(Context ctx) {
        if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) return;
        var query = ctx.queryString();
        if (query == null || (!query.contains("p=") && !query.contains("page_id="))) return;
        var id = ctx.queryParam("p") != null ? ctx.queryParam("p") : ctx.queryParam("page_id");
        redirects.wordpressId(id).ifPresent(url -> {
            ctx.redirect(url, HttpStatus.MOVED_PERMANENTLY);
            ctx.skipRemainingHandlers();
        });
    }
}
