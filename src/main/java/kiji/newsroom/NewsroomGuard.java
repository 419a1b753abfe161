package kiji.newsroom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Runs before every {@code /newsroom} request: stricter security headers, the session from its
 * cookie, sign-in required, and a CSRF check on every state-changing request.
 *
 * <p>CSRF: a signed-in form repeats the session's token in {@code _csrf} (scripts send it as
 * {@code X-CSRF-Token}). The sign-in form has no session yet, so it uses a double-submit
 * cookie: a random {@code kiji_signin_csrf} cookie that the form must repeat. Cookies are
 * SameSite=Lax and HttpOnly, and Secure when the request came over HTTPS or the site's base URL
 * is https:// (a TLS proxy in front; X-Forwarded-Proto is not trusted, anyone can send it).
 */
public final class NewsroomGuard {
    static final String SESSION_COOKIE = "kiji_session";
    static final String SIGNIN_CSRF_COOKIE = "kiji_signin_csrf";
    static final String SIGNIN_PATH = "/newsroom/signin";
    private static final String SESSION_ATTR = "kiji.newsroom.session";
    // The site-wide CSP (kiji.app.WebServer) with framing forbidden and no base/plugins at all.
    static final String CSP = "default-src 'self'; img-src 'self' data: https:; style-src 'self'; script-src 'self'; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final Sessions sessions;
    private final boolean httpsSite;

    public NewsroomGuard(Sessions sessions, boolean httpsSite) {
        this.sessions = sessions;
        this.httpsSite = httpsSite;
    }

    public void register(RoutesConfig routes) {
        routes.before("/newsroom", this::check);
        routes.before("/newsroom/*", this::check);
    }

    private void check(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
        var session = sessions.find(ctx.cookie(SESSION_COOKIE));
        session.ifPresent(s -> ctx.attribute(SESSION_ATTR, s));
        boolean changes = ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD;
        if (ctx.path().equals(SIGNIN_PATH)) {
            if (changes && !same(ctx.formParam("_csrf"), ctx.cookie(SIGNIN_CSRF_COOKIE))) throw csrfRefused();
            return;
        }
        if (session.isEmpty()) {
            if (ctx.cookie(SESSION_COOKIE) != null) ctx.cookie(cookie(ctx, SESSION_COOKIE, "", "/newsroom", 0));
            throw new NewsroomException.SignInRequired();
        }
        if (changes) {
            var sent = Optional.ofNullable(ctx.header("X-CSRF-Token")).orElseGet(() -> ctx.formParam("_csrf"));
            if (!same(sent, session.get().csrfToken())) throw csrfRefused();
        }
    }

    /** The session the guard found; only routes behind the guard call this. */
    static Session session(Context ctx) {
        Session s = ctx.attribute(SESSION_ATTR);
        if (s == null) throw new NewsroomException.SignInRequired();
        return s;
    }

    static Optional<Session> maybeSession(Context ctx) {
        return Optional.ofNullable(ctx.attribute(SESSION_ATTR));
    }

    Cookie cookie(Context ctx, String name, String value, String path, int maxAge) {
        var c = new Cookie(name, value);
        c.setPath(path);
        c.setMaxAge(maxAge);
        c.setHttpOnly(true);
        c.setSameSite(SameSite.LAX);
        c.setSecure(httpsSite || "https".equalsIgnoreCase(ctx.scheme()));
        return c;
    }

    private static NewsroomException csrfRefused() {
        return new NewsroomException(403,
                "フォームの確認用トークンが一致しません。ページを再読み込みしてから、もう一度操作してください。");
    }

    static boolean same(String a, String b) {
        if (a == null || b == null || a.isEmpty()) return false;
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
