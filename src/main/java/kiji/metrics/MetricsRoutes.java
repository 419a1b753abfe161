package kiji.metrics;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code GET /metrics}: Prometheus text, only with an admin API token
 * ({@code Authorization: Bearer TOKEN}); the same check guards the separate metrics port.
 */
public final class MetricsRoutes {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private final KijiMetrics metrics;
    private final Predicate<String> validToken;

    public MetricsRoutes(KijiMetrics metrics, Predicate<String> validToken) {
        this.metrics = metrics;
        this.validToken = validToken;
    }

    public void register(RoutesConfig routes) {
        routes.get("/metrics", this::scrape);
    }

    private void scrape(Context ctx) {
        if (!authorized(Optional.ofNullable(ctx.header("Authorization")))) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new UnauthorizedResponse("an admin API token is required");
        }
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(CONTENT_TYPE).result(metrics.scrape());
    }

    /** True for {@code Bearer TOKEN} with a live API token. */
    boolean authorized(Optional<String> header) {
        return header.filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> validToken.test(h.substring(7).strip()))
                .orElse(false);
    }

    KijiMetrics metrics() {
        return metrics;
    }
}
