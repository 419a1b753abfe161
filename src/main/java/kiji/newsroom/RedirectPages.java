package kiji.newsroom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /newsroom/redirects}: the old URLs an import brought (and any an editor adds), listed,
 * added and removed by editors and admins. Routes under /newsroom, so {@link NewsroomGuard}
 * (session, CSRF) runs before each.
 */
public final class RedirectPages {
    private final RedirectBook book;
    private final AuditLog audit;

    public RedirectPages(RedirectBook book, AuditLog audit) {
        this.book = book;
        this.audit = audit;
    }

    public void register(RoutesConfig routes) {
        routes.get("/newsroom/redirects", this::list);
        routes.post("/newsroom/redirects", this::put);
        routes.post("/newsroom/redirects/delete", this::remove);
    }

    private void list(Context ctx) {
        render(ctx, editor(ctx), 200, Optional.empty());
    }

    private void put(Context ctx) {
        var session = editor(ctx);
        var path = ctx.formParam("path");
        var target = ctx.formParam("target");
        try {
            book.put(path == null ? "" : path.strip(), target == null ? "" : target.strip());
        } catch (IllegalArgumentException e) {
            render(ctx, session, 400, Optional.of(e.getMessage()));
            return;
        }
        audit.record(session.user(), "redirect.put", "redirect:" + path.strip(), target.strip());
        ctx.redirect("/newsroom/redirects", HttpStatus.SEE_OTHER);
    }

    private void remove(Context ctx) {
        var session = editor(ctx);
        var path = ctx.formParam("path");
        if (path == null || !book.remove(path)) throw NewsroomException.notFound();
        audit.record(session.user(), "redirect.remove", "redirect:" + path, "");
        ctx.redirect("/newsroom/redirects", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, Session session, int status, Optional<String> error) {
        ctx.status(status).render("newsroom/redirects.jte", Map.of(
                "view", NewsroomView.of(session, "旧 URL の転送", "redirects"), "entries", book.list(), "error", error));
    }

    private static Session editor(Context ctx) {
        var session = NewsroomGuard.session(ctx);
        if (!session.user().role().canPublish()) throw NewsroomException.forbidden();
        return session;
    }
}
