package kiji.page;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiji.site.Frame;
import kiji.site.NotFoundAnswer;
import kiji.site.PageView;

/**
 * Readers' fixed pages, at their own paths. Their paths are chosen by editors, so a page is what a
 * {@code GET} that no route matched may still be ({@link NotFoundAnswer}, asked before the 404):
 * a path another feature serves stays that feature's, and a known path asked with another method
 * stays a 405. {@code /about} answers 301 to {@code /about/}; a draft, like a path with no page,
 * is 404.
 */
public final class FixedPageRoutes implements NotFoundAnswer {
    private final FixedPageService pages;
    private final PagePath paths;
    private final Frame frame;

    public FixedPageRoutes(FixedPageService pages, PagePath paths, Frame frame) {
        this.pages = pages;
        this.paths = paths;
        this.frame = frame;
    }

    @Override
    public boolean answer(Context ctx) {
        var raw = ctx.path();
        var withSlash = raw.endsWith("/") ? raw : raw + "/";
        // not a page's kind of path: the site's plain 404, as before pages existed
        if (!paths.couldBe(withSlash)) return false;
        var found = PagePath.decode(withSlash).map(PagePath::normalize).flatMap(pages::findPublished);
        if (found.isEmpty()) return false;
        var page = found.get();
        if (!raw.equals(page.url())) {
            ctx.redirect(page.url(), HttpStatus.MOVED_PERMANENTLY);
            return true;
        }
        ctx.status(HttpStatus.OK);
        var crumbs = List.of(new PageView.Crumb("ホーム", "/"), new PageView.Crumb(page.title(), page.url()));
        ctx.render("page/page.jte", Map.of(
                "page", frame.page(page.title(), Optional.of(page.url()), Optional.empty(), crumbs),
                "fixedPage", page));
        return true;
    }
}
