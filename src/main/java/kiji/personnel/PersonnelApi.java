package kiji.personnel;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;
import kiji.article.Article;
import kiji.article.Permalinks;
import kiji.article.RequestParams;
import kiji.article.ValidationException;
import kiji.newsroom.Actor;

/**
 * The personnel JSON API: {@code POST/PUT /api/admin/personnel-orders} (behind the token guard) and the
 * public {@code /api/personnel/people}, {@code /api/personnel/people/{id}}, {@code /api/personnel/orders/{articleId}}.
 */
public final class PersonnelApi {
    static final int SEARCH_LIMIT = 50;
    private final PersonnelService service;
    private final OrderStore orders;
    private final PersonStore people;
    private final PersonCorrections corrections;
    private final Permalinks permalinks;
    private final LongFunction<java.util.Optional<Article>> publicArticle;
    private final ObjectMapper json;
    private final Clock clock;
    private final java.util.function.Function<Context, Actor> actor;

    /**
     * @param publicArticle the article readers may see by that id (published, or scheduled and due)
     * @param actor who is saving (the admin API token)
     */
    public PersonnelApi(PersonnelService service, OrderStore orders, PersonStore people, PersonCorrections corrections,
                        Permalinks permalinks, LongFunction<java.util.Optional<Article>> publicArticle, ObjectMapper json,
                        Clock clock, java.util.function.Function<Context, Actor> actor) {
        this.actor = actor;
        this.service = service;
        this.orders = orders;
        this.people = people;
        this.corrections = corrections;
        this.permalinks = permalinks;
        this.publicArticle = publicArticle;
        this.json = json;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/admin/personnel-orders", this::create);
        routes.put("/api/admin/personnel-orders/{id}", this::update);
        routes.post("/api/admin/personnel-people/{id}/merge", this::merge);
        routes.post("/api/admin/personnel-people/{id}/split", this::split);
        routes.get("/api/personnel/people", this::search);
        routes.get("/api/personnel/people/{id}", this::person);
        routes.get("/api/personnel/orders/{id}", this::order);
    }

    private void create(Context ctx) {
        var request = OrderRequest.parse(RequestParams.jsonBody(ctx, json));
        try {
            var saved = service.create(request, actor.apply(ctx));
            ctx.status(201).header("Location", "/api/admin/personnel-orders/" + saved.article().id()).json(saved(saved));
        } catch (OrderTextException e) {
            badLines(ctx, e);
        }
    }

    private void update(Context ctx) {
        long id = RequestParams.pathId(ctx);
        var request = OrderRequest.parse(RequestParams.jsonBody(ctx, json));
        try {
            var saved = service.update(id, request, actor.apply(ctx)).orElseThrow(() -> new NotFoundResponse("no such personnel order"));
            ctx.json(saved(saved));
        } catch (OrderTextException e) {
            badLines(ctx, e);
        }
    }

    private Map<String, Object> saved(PersonnelService.Saved saved) {
        var a = saved.article();
        return OrderJson.order(a.id(), permalinks.of(a), a.title(), saved.order());
    }

    private static void badLines(Context ctx, OrderTextException e) {
        var lines = new LinkedHashMap<String, String>();
        e.lines().forEach((line, reason) -> lines.put(Integer.toString(line), reason));
        ctx.status(400).json(Map.of("error", "読めない行があります。何も保存していません", "lines", lines));
    }

    /** {@code {"into": N}}: person {id} becomes person N. */
    private void merge(Context ctx) {
        long from = RequestParams.pathId(ctx);
        var into = RequestParams.jsonBody(ctx, json).get("into");
        if (into == null || !into.canConvertToExactIntegral() || into.asLong() < 1) {
            throw ValidationException.of("into", "統合先の人物の id(正の整数)が必要です");
        }
        if (!corrections.merge(from, into.asLong(), actor.apply(ctx))) throw new NotFoundResponse("no such person");
        ctx.json(OrderJson.person(people.person(into.asLong()).orElseThrow()));
    }

    /** {@code {"entries": [entry ids]}}: those entries of person {id} become a new person's. */
    private void split(Context ctx) {
        long id = RequestParams.pathId(ctx);
        var entries = RequestParams.jsonBody(ctx, json).get("entries");
        var ids = new java.util.ArrayList<Long>();
        if (entries == null || !entries.isArray()) throw ValidationException.of("entries", "発令の id の配列が必要です");
        for (var e : entries) {
            if (!e.canConvertToExactIntegral() || e.asLong() < 1) throw ValidationException.of("entries", "発令の id の配列が必要です");
            ids.add(e.asLong());
        }
        var created = corrections.split(id, ids, actor.apply(ctx)).orElseThrow(() -> new NotFoundResponse("no such person"));
        ctx.status(201).json(OrderJson.person(created));
    }

    private void search(Context ctx) {
        var q = RequestParams.optional(ctx, "q").orElseThrow(() -> new BadRequestResponse("q (a name) is required"));
        if (q.length() > 100) throw new BadRequestResponse("q must be at most 100 characters");
        var items = people.search(q, SEARCH_LIMIT, clock.instant()).stream().map(OrderJson::person).toList();
        ctx.json(Map.of("items", items));
    }

    private void person(Context ctx) {
        long id = RequestParams.pathId(ctx);
        var person = people.person(id).orElseThrow(() -> new NotFoundResponse("no such person"));
        var career = people.career(id, clock.instant());
        if (career.isEmpty()) throw new NotFoundResponse("no such person");
        ctx.json(OrderJson.career(person, career));
    }

    private void order(Context ctx) {
        long id = RequestParams.pathId(ctx);
        var article = publicArticle.apply(id).orElseThrow(() -> new NotFoundResponse("no such personnel order"));
        var order = orders.find(id).orElseThrow(() -> new NotFoundResponse("no such personnel order"));
        ctx.json(OrderJson.order(id, permalinks.of(article), article.title(), order));
    }
}
