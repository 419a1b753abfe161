package kiji.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;

/** Admin page for webhooks: register, disable, and see every delivery's outcome. */
final class WebhookPages {
    private final Webhooks webhooks;
    private final AuditLog audit;

    WebhookPages(Webhooks webhooks, AuditLog audit) {
        this.webhooks = webhooks;
        this.audit = audit;
    }

    void list(Context ctx) {
        render(ctx, admin(ctx), 200, Optional.empty());
    }

    void add(Context ctx) {
        var session = admin(ctx);
        try {
            var hook = webhooks.add(ctx.formParam("url"));
            audit.record(session.user(), "webhook.add", "webhook:" + hook.id(), hook.url());
            ctx.redirect("/newsroom/webhooks", HttpStatus.SEE_OTHER);
        } catch (NewsroomException e) {
            render(ctx, session, e.status(), Optional.of(e.getMessage()));
        }
    }

    void disable(Context ctx) {
        var session = admin(ctx);
        long id = NewsroomParams.id(ctx, "id");
        if (!webhooks.disable(id)) throw NewsroomException.notFound();
        audit.record(session.user(), "webhook.disable", "webhook:" + id, "");
        ctx.redirect("/newsroom/webhooks", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, Session session, int status, Optional<String> error) {
        ctx.status(status).render("newsroom/webhooks.jte", Map.of("view", NewsroomView.of(session, "Webhook", "webhooks"),
                "hooks", webhooks.list(), "deliveries", webhooks.recentDeliveries(50), "error", error));
    }

    private static Session admin(Context ctx) {
        var session = NewsroomGuard.session(ctx);
        if (!session.user().isAdmin()) throw NewsroomException.forbidden();
        return session;
    }
}
