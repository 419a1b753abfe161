package kiji.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;
import kiji.article.ValidationException;

/** Sign-in, sign-out and password change. */
final class SigninPages {
    static final String THROTTLED = "ログインの失敗が続いたため、一時的にログインを制限しています。15分ほど待ってから、もう一度お試しください。";
    private static final String WRONG = "ユーザー名またはパスワードが違います。";

    private final Users users;
    private final Sessions sessions;
    private final SigninThrottle throttle;
    private final AuditLog audit;
    private final NewsroomGuard guard;

    SigninPages(Users users, Sessions sessions, SigninThrottle throttle, AuditLog audit, NewsroomGuard guard) {
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
        this.audit = audit;
        this.guard = guard;
    }

    void form(Context ctx) {
        if (NewsroomGuard.maybeSession(ctx).isPresent()) {
            ctx.redirect("/newsroom/articles");
            return;
        }
        render(ctx, 200, "", Optional.empty());
    }

    void signIn(Context ctx) {
        var username = Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
        var password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        var address = ctx.ip();
        if (throttle.blocked(username, address)) {
            audit.record(Optional.empty(), "signin.throttled", "user:" + username, "from " + address);
            render(ctx, 429, username, Optional.of(THROTTLED));
            return;
        }
        var user = users.authenticate(username, password);
        if (user.isEmpty()) {
            throttle.recordFailure(username, address);
            audit.record(Optional.empty(), "signin.failed", "user:" + username, "from " + address);
            render(ctx, 401, username, Optional.of(WRONG));
            return;
        }
        throttle.clearAccount(username);
        sessions.purgeExpired(); // a sign-in is rare enough to carry this small clean-up
        var opened = sessions.open(user.get());
        ctx.cookie(guard.cookie(ctx, NewsroomGuard.SESSION_COOKIE, opened.token(), "/newsroom", -1));
        ctx.cookie(guard.cookie(ctx, NewsroomGuard.SIGNIN_CSRF_COOKIE, "", NewsroomGuard.SIGNIN_PATH, 0));
        audit.record(user.get(), "signin", "user:" + username, "from " + address);
        ctx.redirect("/newsroom/articles", HttpStatus.SEE_OTHER);
    }

    void signOut(Context ctx) {
        var session = NewsroomGuard.session(ctx);
        sessions.close(session.id());
        ctx.cookie(guard.cookie(ctx, NewsroomGuard.SESSION_COOKIE, "", "/newsroom", 0));
        audit.record(session.user(), "signout", "user:" + session.user().username(), "");
        ctx.redirect(NewsroomGuard.SIGNIN_PATH, HttpStatus.SEE_OTHER);
    }

    void passwordForm(Context ctx) {
        var session = NewsroomGuard.session(ctx);
        ctx.render("newsroom/password.jte", Map.of("view", NewsroomView.of(session, "パスワード変更", "password"),
                "errors", Map.of()));
    }

    void changePassword(Context ctx) {
        var session = NewsroomGuard.session(ctx);
        var view = NewsroomView.of(session, "パスワード変更", "password");
        try {
            users.changePassword(session.user(), ctx.formParam("current"), ctx.formParam("next"), session.id());
        } catch (ValidationException e) {
            ctx.status(400).render("newsroom/password.jte", Map.of("view", view, "errors", e.errors()));
            return;
        }
        audit.record(session.user(), "password.change", "user:" + session.user().username(), "");
        ctx.render("newsroom/password.jte", Map.of("view",
                view.withNotice("パスワードを変更しました。ほかの端末のログインは終了しました。"), "errors", Map.of()));
    }

    private void render(Context ctx, int status, String username, Optional<String> error) {
        var token = ctx.cookie(NewsroomGuard.SIGNIN_CSRF_COOKIE);
        if (token == null || token.length() != 43) {
            token = sessions.randomToken();
            ctx.cookie(guard.cookie(ctx, NewsroomGuard.SIGNIN_CSRF_COOKIE, token, NewsroomGuard.SIGNIN_PATH, -1));
        }
        var view = new NewsroomView("ログイン", "signin", Optional.empty(), token, error);
        ctx.status(status).render("newsroom/signin.jte", Map.of("view", view, "username", username));
    }
}
