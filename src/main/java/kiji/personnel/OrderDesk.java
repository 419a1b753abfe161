package kiji.personnel;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import kiji.article.RequestParams;
import kiji.article.ValidationException;
import kiji.newsroom.Actor;
import kiji.newsroom.NewsroomView;

/**
 * The newsroom's 人事発令を作成: paste the list, preview the parsed rows (or each line that could not be
 * read, with its reason), save. Works without scripts; the guard in front of {@code /newsroom/} checks
 * the session and the CSRF token.
 */
public final class OrderDesk {
    private final PersonnelService service;
    private final Clock clock;
    private final Function<Context, Actor> actor;

    /** @param actor who is saving (the newsroom's signed-in user) */
    public OrderDesk(PersonnelService service, Clock clock, Function<Context, Actor> actor) {
        this.service = service;
        this.clock = clock;
        this.actor = actor;
    }

    public void register(RoutesConfig routes) {
        routes.get("/newsroom/personnel/new", this::form);
        routes.post("/newsroom/personnel/preview", this::preview);
        routes.post("/newsroom/personnel", this::save);
        routes.get("/newsroom/personnel/orders/{id}", this::edit);
        routes.post("/newsroom/personnel/orders/{id}", this::update);
    }

    /**
     * What the page shows: where the form saves to (a new order, or the order {@code orderId}), whether it
     * was just saved, and under the form the preview or the errors.
     */
    public record Result(Optional<ParsedOrder> parsed, Optional<String> title, Map<String, String> errors,
                         Optional<Long> orderId, boolean saved) {
        Result(Optional<ParsedOrder> parsed, Optional<String> title, Map<String, String> errors) {
            this(parsed, title, errors, Optional.empty(), false);
        }

        Result at(Optional<Long> id) {
            return new Result(parsed, title, errors, id, saved);
        }

        public String action() {
            return orderId.map(id -> "/newsroom/personnel/orders/" + id).orElse("/newsroom/personnel");
        }

        public List<Map.Entry<Integer, String>> badLines() {
            return parsed.map(p -> List.copyOf(p.errors().entrySet())).orElse(List.of());
        }
    }

    private void form(Context ctx) {
        editor(ctx);
        render(ctx, 200, OrderForm.blank(clock.instant()), new Result(Optional.empty(), Optional.empty(), Map.of()));
    }

    private void preview(Context ctx) {
        editor(ctx);
        var form = OrderForm.from(ctx);
        var errors = OrderForm.errors();
        var request = form.toRequest(errors);
        var preview = service.preview(request.text(), request.kind(), request.publishedAt(), request.eraYear());
        var order = Optional.ofNullable(ctx.formParam("order")).flatMap(OrderDesk::id);
        render(ctx, 200, form, new Result(Optional.of(preview.parsed()), preview.title(), errors).at(order));
    }

    private void edit(Context ctx) {
        editor(ctx);
        var saved = service.find(RequestParams.pathId(ctx))
                .orElseThrow(() -> new NotFoundResponse("この人事発令はありません"));
        var result = new Result(Optional.empty(), Optional.empty(), Map.of(), Optional.of(saved.article().id()),
                "saved".equals(ctx.queryParam("done")));
        render(ctx, 200, OrderForm.of(saved), result);
    }

    private void update(Context ctx) {
        editor(ctx);
        long id = RequestParams.pathId(ctx);
        write(ctx, Optional.of(id));
    }

    private static Optional<Long> id(String raw) {
        try {
            return Optional.of(Long.parseLong(raw)).filter(n -> n > 0);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void save(Context ctx) {
        editor(ctx);
        write(ctx, Optional.empty());
    }

    /** Creates the order, or replaces order {@code id}; then shows it again, saved. */
    private void write(Context ctx, Optional<Long> id) {
        var form = OrderForm.from(ctx);
        var errors = OrderForm.errors();
        var request = form.toRequest(errors);
        if (!errors.isEmpty()) {
            render(ctx, 400, form, new Result(Optional.empty(), Optional.empty(), errors).at(id));
            return;
        }
        try {
            long saved = id.isPresent()
                    ? service.update(id.get(), request, actor.apply(ctx)).orElseThrow(() -> new NotFoundResponse("この人事発令はありません"))
                            .article().id()
                    : service.create(request, actor.apply(ctx)).article().id();
            ctx.redirect("/newsroom/personnel/orders/" + saved + "?done=saved", HttpStatus.SEE_OTHER);
        } catch (OrderTextException e) {
            var preview = service.preview(request.text(), request.kind(), request.publishedAt(), request.eraYear());
            render(ctx, 400, form, new Result(Optional.of(preview.parsed()), Optional.empty(), Map.of()).at(id));
        } catch (ValidationException e) {
            render(ctx, 400, form, new Result(Optional.empty(), Optional.empty(), e.errors()).at(id));
        }
    }

    /**
     * Orders are written by editors and admins only: an order has no owner in the newsroom (as an article
     * from the API), so a writer could not open it again.
     */
    static void editor(Context ctx) {
        var view = NewsroomView.signedIn(ctx, "人事発令を作成", "personnel");
        if (!view.user().map(u -> u.role().canPublish()).orElse(false)) {
            throw new ForbiddenResponse("人事発令の作成は編集者と管理者だけができます");
        }
    }

    private void render(Context ctx, int status, OrderForm form, Result result) {
        var view = NewsroomView.signedIn(ctx, "人事発令を作成", "personnel");
        ctx.status(status).render("personnel/desk.jte", Map.of("view", view, "form", form, "result", result,
                "kinds", OrderTitle.KINDS));
    }
}
