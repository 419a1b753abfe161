package kiji.newsroom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import java.util.Optional;

/** Every {@code /api/admin/} call needs {@code Authorization: Bearer TOKEN} with a live token. */
public final class ApiTokenGuard {
    private static final String TOKEN_ATTR = "kiji.apiToken";
    private final ApiTokens tokens;

    public ApiTokenGuard(ApiTokens tokens) {
        this.tokens = tokens;
    }

    public void register(RoutesConfig routes) {
        routes.before("/api/admin/*", this::check);
    }

    private void check(Context ctx) {
        var header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new UnauthorizedResponse("missing bearer token");
        }
        if (!tokens.verify(header.substring(7).strip())) {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            throw new UnauthorizedResponse("invalid or revoked token");
        }
        ctx.attribute(TOKEN_ATTR, header.substring(7).strip());
    }

    /** The token this request was let through with (only under {@code /api/admin/}). */
    static Optional<String> token(Context ctx) {
        return Optional.ofNullable(ctx.attribute(TOKEN_ATTR));
    }
}
