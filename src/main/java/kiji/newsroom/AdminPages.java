package kiji.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kiji.article.PageRequest;
import kiji.article.ValidationException;

/** Admin-only pages: API tokens, users, and the audit log. */
final class AdminPages {
    private final ApiTokens tokens;
    private final Users users;
    private final AuditLog audit;

    AdminPages(ApiTokens tokens, Users users, AuditLog audit) {
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
    }

    void tokenList(Context ctx) {
        renderTokens(ctx, admin(ctx), 200, Optional.empty(), Optional.empty());
    }

    void createToken(Context ctx) {
        var session = admin(ctx);
        var name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        try {
            var token = tokens.create(name);
            audit.record(session.user(), "token.create", "token:" + name, "");
            renderTokens(ctx, session, 201, Optional.of(token), Optional.empty());
        } catch (IllegalArgumentException e) {
            var message = name.isEmpty() || name.length() > 100 ? "名前は1〜100文字で入力してください。"
                    : "「" + name + "」という名前のトークンは既にあります。";
            renderTokens(ctx, session, 400, Optional.empty(), Optional.of(message));
        }
    }

    void revokeToken(Context ctx) {
        var session = admin(ctx);
        long id = NewsroomParams.id(ctx, "id");
        if (!tokens.revoke(id)) throw NewsroomException.notFound();
        audit.record(session.user(), "token.revoke", "token:" + id, "");
        ctx.redirect("/newsroom/tokens", HttpStatus.SEE_OTHER);
    }

    void userList(Context ctx) {
        renderUsers(ctx, admin(ctx), 200, Map.of(), Optional.empty());
    }

    void addUser(Context ctx) {
        var session = admin(ctx);
        var username = Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
        var role = Role.parse(ctx.formParam("role"));
        try {
            users.add(username, ctx.formParam("displayName"), role.orElse(null), ctx.formParam("password"));
        } catch (ValidationException e) {
            renderUsers(ctx, session, 400, e.errors(), Optional.empty());
            return;
        }
        audit.record(session.user(), "user.add", "user:" + username, "role " + role.get().key());
        renderUsers(ctx, session, 201, Map.of(), Optional.of("ユーザー「" + username + "」を追加しました。"));
    }

    void disableUser(Context ctx) {
        var session = admin(ctx);
        var username = ctx.pathParam("name");
        if (username.equals(session.user().username())) {
            throw new NewsroomException(400, "自分自身を無効にすることはできません。");
        }
        if (!users.disable(username)) throw NewsroomException.notFound();
        audit.record(session.user(), "user.disable", "user:" + username, "sessions ended");
        ctx.redirect("/newsroom/users", HttpStatus.SEE_OTHER);
    }

    void enableUser(Context ctx) {
        var session = admin(ctx);
        var username = ctx.pathParam("name");
        if (!users.enable(username)) throw NewsroomException.notFound();
        audit.record(session.user(), "user.enable", "user:" + username, "");
        ctx.redirect("/newsroom/users", HttpStatus.SEE_OTHER);
    }

    void auditLog(Context ctx) {
        var session = admin(ctx);
        int page = NewsroomParams.page(ctx);
        var target = Optional.ofNullable(ctx.queryParam("target")).filter(t -> !t.isBlank());
        ctx.render("newsroom/audit.jte", Map.of("view", NewsroomView.of(session, "監査ログ", "audit"),
                "entries", audit.list(target, new PageRequest(page, 50)), "target", target.orElse("")));
    }

    private void renderTokens(Context ctx, Session session, int status, Optional<String> created,
                              Optional<String> error) {
        var model = new HashMap<String, Object>();
        model.put("view", NewsroomView.of(session, "API トークン", "tokens"));
        model.put("tokens", tokens.list());
        model.put("created", created);
        model.put("error", error);
        ctx.status(status).render("newsroom/tokens.jte", model);
    }

    private void renderUsers(Context ctx, Session session, int status, Map<String, String> errors,
                             Optional<String> notice) {
        var view = NewsroomView.of(session, "ユーザー", "users");
        ctx.status(status).render("newsroom/users.jte", Map.of("view", notice.map(view::withNotice).orElse(view),
                "users", users.list(), "errors", errors));
    }

    private static Session admin(Context ctx) {
        var session = NewsroomGuard.session(ctx);
        if (!session.user().isAdmin()) throw NewsroomException.forbidden();
        return session;
    }
}
