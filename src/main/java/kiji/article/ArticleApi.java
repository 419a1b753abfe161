package kiji.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON API for articles: the public read API ({@code /api/articles}) and the admin API
 * ({@code /api/admin/...}), which the token guard in kiji.newsroom protects.
 */
public final class ArticleApi {
    private static final java.util.Set<String> CATEGORY_FIELDS = java.util.Set.of("slug", "name", "section");
    private final ArticleService service;
    private final ArticleStore articles;
    private final CategoryStore categories;
    private final Permalinks permalinks;
    private final ObjectMapper json;
    private final Clock clock;
    private final ArticlePhoto.Library photos;

    public ArticleApi(ArticleService service, ArticleStore articles, CategoryStore categories, Permalinks permalinks,
                      ObjectMapper json, Clock clock, ArticlePhoto.Library photos) {
        this.photos = photos;
        this.service = service;
        this.articles = articles;
        this.categories = categories;
        this.permalinks = permalinks;
        this.json = json;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/articles", this::listPublic);
        routes.get("/api/articles/{id}", this::getPublic);
        routes.get("/api/admin/categories", ctx -> ctx.json(categories.all()));
        routes.post("/api/admin/categories", this::createCategory);
        routes.get("/api/admin/articles", this::listAdmin);
        routes.post("/api/admin/articles", this::create);
        routes.get("/api/admin/articles/{id}", this::get);
        routes.put("/api/admin/articles/{id}", this::update);
        routes.delete("/api/admin/articles/{id}", this::delete);
    }

    private void listPublic(Context ctx) {
        var filter = new ArticleFilter(RequestParams.optional(ctx, "category"), RequestParams.optional(ctx, "tag"),
                RequestParams.optional(ctx, "author"), Optional.empty());
        var page = articles.list(filter, pageRequest(ctx), Optional.of(clock.instant()));
        ctx.json(page(page));
    }

    private void getPublic(Context ctx) {
        var article = articles.findPublic(RequestParams.pathId(ctx), clock.instant())
                .orElseThrow(() -> new NotFoundResponse("no such article"));
        ctx.json(ArticleJson.of(article, permalinks, photos));
    }

    private void listAdmin(Context ctx) {
        var status = RequestParams.optional(ctx, "status").map(s -> Status.parse(s)
                .orElseThrow(() -> new BadRequestResponse("status must be one of draft, scheduled, published")));
        var filter = new ArticleFilter(RequestParams.optional(ctx, "category"), RequestParams.optional(ctx, "tag"),
                RequestParams.optional(ctx, "author"), status);
        ctx.json(page(articles.list(filter, pageRequest(ctx), Optional.empty())));
    }

    private void get(Context ctx) {
        ctx.json(ArticleJson.of(articles.find(RequestParams.pathId(ctx)).orElseThrow(() -> new NotFoundResponse("no such article")),
                permalinks, photos));
    }

    private void create(Context ctx) {
        var request = ArticleRequest.parse(RequestParams.jsonBody(ctx, json));
        var created = service.create(request.draft(), request.errors());
        ctx.status(201).header("Location", "/api/admin/articles/" + created.id()).json(ArticleJson.of(created, permalinks, photos));
    }

    private void update(Context ctx) {
        long id = RequestParams.pathId(ctx);
        var request = ArticleRequest.parse(RequestParams.jsonBody(ctx, json));
        var errors = new LinkedHashMap<>(request.errors());
        if (request.draft().id().isPresent() && request.draft().id().get() != id) {
            errors.putIfAbsent("id", "does not match the id in the path");
        }
        var updated = service.update(id, request.draft(), errors)
                .orElseThrow(() -> new NotFoundResponse("no such article"));
        ctx.json(ArticleJson.of(updated, permalinks, photos));
    }

    private void delete(Context ctx) {
        if (!service.delete(RequestParams.pathId(ctx))) throw new NotFoundResponse("no such article");
        ctx.status(204);
    }

    private void createCategory(Context ctx) {
        var body = RequestParams.jsonBody(ctx, json);
        if (!body.isObject()) throw ValidationException.of("body", "must be a JSON object");
        var unknown = new java.util.LinkedHashMap<String, String>();
        body.fieldNames().forEachRemaining(f -> {
            if (!CATEGORY_FIELDS.contains(f)) unknown.put(f, "unknown field");
        });
        if (!unknown.isEmpty()) throw new ValidationException(unknown);
        var category = service.createCategory(text(body, "slug"), text(body, "name"), text(body, "section"));
        ctx.status(201).json(category);
    }

    private static String text(JsonNode body, String field) {
        var n = body.get(field);
        return n != null && n.isTextual() ? n.asText() : null;
    }

    private Map<String, Object> page(Page<Article> page) {
        return Map.of("items", page.items().stream().map(a -> ArticleJson.of(a, permalinks, photos)).toList(),
                "page", page.number(), "size", page.size(), "total", page.total());
    }

    private static PageRequest pageRequest(Context ctx) {
        try {
            int page = RequestParams.optional(ctx, "page").map(Integer::parseInt).orElse(1);
            int size = RequestParams.optional(ctx, "size").map(Integer::parseInt).orElse(20);
            return new PageRequest(page, size);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("page must be 1.." + PageRequest.MAX_PAGE + " and size 1.." + PageRequest.MAX_SIZE);
        }
    }
}
