package kiji.importer;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;

/**
 * WordPress's own links, {@code /?p=ID}, {@code /?page_id=ID} and {@code /?attachment_id=ID}:
 * answered 301 to the article, page or photo an import made of that item, before the home page (which would otherwise ignore the
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
        if (query == null || (!query.contains("p=") && !query.contains("page_id=") && !query.contains("attachment_id="))) return;
        var id = ctx.queryParam("p") != null ? ctx.queryParam("p") : ctx.queryParam("page_id");
        var target = id != null ? redirects.wordpressId(id) : redirects.wordpressAttachment(ctx.queryParam("attachment_id"));
        target.ifPresent(url -> {
            ctx.redirect(url, HttpStatus.MOVED_PERMANENTLY);
            ctx.skipRemainingHandlers();
        });
    }
}
