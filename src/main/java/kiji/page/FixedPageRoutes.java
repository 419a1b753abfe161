package kiji.page;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiji.site.Frame;
import kiji.site.PageView;

/**
 * Readers' fixed pages, at their own paths. Their paths are chosen by editors, so the route is
 * the catch-all, registered after every other feature's: whatever no other route serves and
 * names a published page is that page. {@code /about} answers 301 to {@code /about/}; a draft,
 * like a path with no page, is 404.
 */
public final class FixedPageRoutes {
    private final FixedPageService pages;
    private final PagePath paths;
    private final Frame frame;

    public FixedPageRoutes(FixedPageService pages, PagePath paths, Frame frame) {
        this.pages = pages;
        this.paths = paths;
        this.frame = frame;
    }

    public void register(RoutesConfig routes) {
        routes.get("/*", this::show);
    }

    void show(Context ctx) {
        var raw = ctx.path();
        var withSlash = raw.endsWith("/") ? raw : raw + "/";
        // not a page's kind of path: the site's plain 404, as before pages existed
        if (!paths.couldBe(withSlash)) throw new NotFoundResponse("not found");
        var page = PagePath.decode(withSlash)
                .map(PagePath::normalize)
                .flatMap(pages::findPublished)
                .orElseThrow(() -> new NotFoundResponse("ページが見つかりません"));
        if (!raw.equals(page.url())) {
            ctx.redirect(page.url(), HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        var crumbs = List.of(new PageView.Crumb("ホーム", "/"), new PageView.Crumb(page.title(), page.url()));
        ctx.render("page/page.jte", Map.of(
                "page", frame.page(page.title(), Optional.of(page.url()), Optional.empty(), crumbs),
                "fixedPage", page));
    }
}
