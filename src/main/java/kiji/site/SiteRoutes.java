package kiji.site;

import io.javalin.config.RoutesConfig;
import kiji.article.Permalinks;

/** The public pages' routes. Articles are routed by the permalink pattern's fixed prefix. */
public final class SiteRoutes {
    private final SitePages pages;
    private final Permalinks permalinks;

    public SiteRoutes(SitePages pages, Permalinks permalinks) {
        this.pages = pages;
        this.permalinks = permalinks;
    }

    public void register(RoutesConfig routes) {
        routes.get("/", pages::home);
        routes.get("/category/{slug}", pages::category);
        routes.get("/tag/{name}", pages::tag);
        routes.get("/author/{name}", pages::author);
        routes.get(permalinks.prefix() + "*", pages::article);
    }
}
