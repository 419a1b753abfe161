package kiji.page;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Map;
import kiji.article.RequestParams;

/**
 * {@code GET/POST /api/admin/pages} and {@code GET/PUT/DELETE /api/admin/pages/{id}}, with the
 * admin article API's conventions: the Bearer token (kiji.newsroom's guard on {@code /api/admin/*}),
 * 400 with {@code fields}, 404, and 409 when a page already lives at the path.
 */
public final class FixedPageApi {
    private final FixedPageService pages;
    private final ObjectMapper json;

    public FixedPageApi(FixedPageService pages, ObjectMapper json) {
        this.pages = pages;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/admin/pages", this::list);
        routes.post("/api/admin/pages", this::create);
        routes.get("/api/admin/pages/{id}", this::get);
        routes.put("/api/admin/pages/{id}", this::update);
        routes.delete("/api/admin/pages/{id}", this::delete);
    }

    private void list(Context ctx) {
        var items = pages.all().stream().map(FixedPageJson::of).toList();
        ctx.json(Map.of("items", items, "total", items.size()));
    }

    private void get(Context ctx) {
        ctx.json(FixedPageJson.of(pages.find(RequestParams.pathId(ctx)).orElseThrow(FixedPageApi::noSuchPage)));
    }

    private void create(Context ctx) {
        var created = pages.create(FixedPageRequest.parse(RequestParams.jsonBody(ctx, json), null, pages));
        ctx.status(201).header("Location", "/api/admin/pages/" + created.id()).json(FixedPageJson.of(created));
    }

    private void update(Context ctx) {
        long id = RequestParams.pathId(ctx);
        var updated = pages.update(id, FixedPageRequest.parse(RequestParams.jsonBody(ctx, json), id, pages))
                .orElseThrow(FixedPageApi::noSuchPage);
        ctx.json(FixedPageJson.of(updated));
    }

    private void delete(Context ctx) {
        if (!pages.delete(RequestParams.pathId(ctx))) throw noSuchPage();
        ctx.status(204);
    }

    private static NotFoundResponse noSuchPage() {
        return new NotFoundResponse("no such page");
    }
}
