package kiji.health;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code GET /healthz}: liveness, 200 while the process serves at all. {@code GET /readyz}:
 * 200 when the balancer may send traffic, else 503 with the reason ({@link Readiness}). Plain
 * text, never cached, for load balancers and orchestrators.
 */
public final class HealthRoutes {
    private final Readiness readiness;

    public HealthRoutes(Readiness readiness) {
        this.readiness = readiness;
    }

    public void register(RoutesConfig routes) {
        routes.get("/healthz", ctx -> answer(ctx, 200, "ok"));
        routes.get("/readyz", this::ready);
    }

    private void ready(Context ctx) {
        var state = readiness.state();
        answer(ctx, state.ready() ? 200 : 503, state.status());
    }

    private static void answer(Context ctx, int status, String text) {
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).contentType("text/plain; charset=utf-8").result(text + "\n");
    }
}
