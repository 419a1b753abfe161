package kiji.newsroom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;
import kiji.site.ErrorPages;

/** Every route under {@code /newsroom}; the guard runs before each (see {@link NewsroomGuard}). */
public final class NewsroomRoutes {
    private final NewsroomGuard guard;
    private final SigninPages signin;
    private final AdminPages admin;
    private final ArticlePages articles;
    private final RevisionPages revisions;
    private final MediaPages media;
    private final WebhookPages webhooks;
    private final AnalyticsPages analytics;

    NewsroomRoutes(NewsroomGuard guard, SigninPages signin, AdminPages admin, ArticlePages articles,
                   RevisionPages revisions, MediaPages media, WebhookPages webhooks,
                   AnalyticsPages analytics) {
        this.analytics = analytics;
        this.media = media;
        this.webhooks = webhooks;
        this.guard = guard;
        this.signin = signin;
        this.admin = admin;
        this.articles = articles;
        this.revisions = revisions;
    }

    public void register(RoutesConfig routes) {
        guard.register(routes);
        routes.get("/newsroom", ctx -> ctx.redirect("/newsroom/articles"));
        routes.get("/newsroom/signin", signin::form);
        routes.post("/newsroom/signin", signin::signIn);
        routes.post("/newsroom/signout", signin::signOut);
        routes.get("/newsroom/password", signin::passwordForm);
        routes.post("/newsroom/password", signin::changePassword);

        routes.get("/newsroom/articles", articles::list);
        routes.get("/newsroom/articles/new", articles::newForm);
        routes.post("/newsroom/articles", articles::create);
        routes.get("/newsroom/articles/{id}", articles::edit);
        routes.post("/newsroom/articles/{id}", articles::save);
        routes.post("/newsroom/articles/{id}/review", articles::requestReview);
        routes.post("/newsroom/articles/{id}/unpublish", articles::unpublish);
        routes.post("/newsroom/articles/{id}/trash", articles::trash);
        routes.post("/newsroom/articles/{id}/restore", articles::restore);
        routes.get("/newsroom/articles/{id}/revisions", revisions::list);
        routes.get("/newsroom/articles/{id}/diff", revisions::diff);
        routes.post("/newsroom/articles/{id}/revisions/{rev}/restore", revisions::restore);
        routes.post("/newsroom/preview", articles::preview);
        routes.get("/newsroom/articles/{id}/analytics", analytics::article);
        routes.get("/newsroom/analytics", analytics::top);

        routes.get("/newsroom/media", media::library);
        routes.post("/newsroom/media", media::upload);
        routes.get("/media/{id}/{file}", media::serve);

        routes.get("/newsroom/webhooks", webhooks::list);
        routes.post("/newsroom/webhooks", webhooks::add);
        routes.post("/newsroom/webhooks/{id}/disable", webhooks::disable);

        routes.get("/newsroom/tokens", admin::tokenList);
        routes.post("/newsroom/tokens", admin::createToken);
        routes.post("/newsroom/tokens/{id}/revoke", admin::revokeToken);
        routes.get("/newsroom/users", admin::userList);
        routes.post("/newsroom/users", admin::addUser);
        routes.post("/newsroom/users/{name}/disable", admin::disableUser);
        routes.post("/newsroom/users/{name}/enable", admin::enableUser);
        routes.get("/newsroom/audit", admin::auditLog);

        routes.exception(NewsroomException.SignInRequired.class, (e, ctx) -> signInRequired(ctx));
        routes.exception(NewsroomException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
    }

    private static void signInRequired(Context ctx) {
        if (ctx.method().name().equals("GET")) {
            ctx.redirect(NewsroomGuard.SIGNIN_PATH, HttpStatus.FOUND);
        } else {
            error(ctx, 401, "ログインが必要です。ログインし直してから、もう一度操作してください。");
        }
    }

    /**
     * The errors Javalin raises under {@code /newsroom} (an unknown page, a wrong method, a
     * handler's 404) in the newsroom's frame, not the public site's; English messages from
     * Javalin become the Japanese title for the status.
     */
    public void renderError(Context ctx, int status, String message) {
        error(ctx, status, ErrorPages.japanese(message) ? message : ErrorPages.title(status));
    }

    static void error(Context ctx, int status, String message) {
        ctx.status(status);
        if (ctx.header("X-CSRF-Token") != null || "application/json".equals(ctx.header("Accept"))) {
            ctx.json(Map.of("error", message));
            return;
        }
        var session = NewsroomGuard.maybeSession(ctx);
        var view = new NewsroomView("エラー", "", session.map(Session::user), session.map(Session::csrfToken).orElse(""),
                Optional.empty());
        ctx.render("newsroom/error.jte", Map.of("view", view, "status", status, "message", message));
    }
}
