package kiji.metrics;

/**
 * The groups requests are counted in: a handful of stable labels, never the raw path (one
 * series per article would grow without bound).
 */
enum RouteGroup {
    PAGE("page"),
    BEACON("beacon"),
    RANKING_API("ranking_api"),
    ARTICLES_API("articles_api"),
    ADMIN_API("admin_api"),
    SEARCH("search"),
    FEED("feed"),
    NEWSROOM("newsroom"),
    MEDIA("media"),
    STATIC("static"),
    OPERATIONS("operations"),
    OTHER("other");

    final String label;

    RouteGroup(String label) {
        this.label = label;
    }

    /** The group of a request path; what no rule names is a page (home, listings, articles, 404s). */
    static RouteGroup of(String path) {
        if (path == null || path.isEmpty()) return OTHER;
        if (path.equals("/api/views")) return BEACON;
        if (path.startsWith("/api/ranking")) return RANKING_API;
        if (path.startsWith("/api/admin/")) return ADMIN_API;
        if (path.equals("/api/search") || path.equals("/search")) return SEARCH;
        if (path.startsWith("/api/")) return ARTICLES_API;
        if (path.startsWith("/newsroom")) return NEWSROOM;
        if (path.startsWith("/media/")) return MEDIA;
        if (path.startsWith("/assets/") || path.startsWith("/static/") || path.equals("/favicon.ico")) return STATIC;
        if (path.equals("/healthz") || path.equals("/readyz") || path.equals("/metrics")) return OPERATIONS;
        if (path.endsWith("/feed.xml") || path.endsWith("/atom.xml") || path.startsWith("/sitemap")
                || path.equals("/robots.txt")) {
            return FEED;
        }
        return PAGE;
    }
}
