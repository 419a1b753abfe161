package kiji.personnel;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import kiji.article.RequestParams;
import kiji.article.ValidationException;
import kiji.newsroom.Actor;
import kiji.newsroom.NewsroomView;

/**
 * The newsroom's persons (人物の統合・分割): find a person by any spelling, see every entry (drafts' too),
 * merge the person into another or split entries off to a new person. Editors and admins only.
 */
public final class PeopleDesk {
    private final PersonStore people;
    private final PersonCorrections corrections;
    private final Function<Context, Actor> actor;

    /** @param actor who is correcting (the newsroom's signed-in user) */
    public PeopleDesk(PersonStore people, PersonCorrections corrections, Function<Context, Actor> actor) {
        this.people = people;
        this.corrections = corrections;
        this.actor = actor;
    }

    public void register(RoutesConfig routes) {
        routes.get("/newsroom/personnel/people", this::list);
        routes.get("/newsroom/personnel/people/{id}", this::person);
        routes.post("/newsroom/personnel/people/{id}/merge", this::merge);
        routes.post("/newsroom/personnel/people/{id}/split", this::split);
    }

    private void list(Context ctx) {
        OrderDesk.editor(ctx);
        var q = RequestParams.optional(ctx, "q").orElse("");
        var found = q.isEmpty() || q.length() > 100 ? List.<Person>of() : people.searchAll(q, PersonnelApi.SEARCH_LIMIT);
        ctx.render("personnel/desk-people.jte", Map.of("view", view(ctx), "query", q, "people", found));
    }

    private void person(Context ctx) {
        OrderDesk.editor(ctx);
        render(ctx, 200, RequestParams.pathId(ctx), Optional.empty());
    }

    private void merge(Context ctx) {
        OrderDesk.editor(ctx);
        long id = RequestParams.pathId(ctx);
        long into;
        try {
            into = Long.parseLong(Optional.ofNullable(ctx.formParam("into")).orElse("").strip());
        } catch (NumberFormatException e) {
            render(ctx, 400, id, Optional.of("統合先の人物番号を数字で入力してください"));
            return;
        }
        try {
            if (!corrections.merge(id, into, actor.apply(ctx))) {
                render(ctx, 400, id, Optional.of("人物番号 " + into + " の人物はいません"));
                return;
            }
        } catch (ValidationException e) {
            render(ctx, 400, id, Optional.of(String.join(" ", e.errors().values())));
            return;
        }
        ctx.redirect("/newsroom/personnel/people/" + into, HttpStatus.SEE_OTHER);
    }

    private void split(Context ctx) {
        OrderDesk.editor(ctx);
        long id = RequestParams.pathId(ctx);
        try {
            var entries = ctx.formParams("entry").stream().map(Long::parseLong).toList();
            var created = corrections.split(id, entries, actor.apply(ctx)).orElseThrow(() -> new NotFoundResponse("この人物はいません"));
            ctx.redirect("/newsroom/personnel/people/" + created.id(), HttpStatus.SEE_OTHER);
        } catch (NumberFormatException e) {
            render(ctx, 400, id, Optional.of("切り分ける発令を選んでください"));
        } catch (ValidationException e) {
            render(ctx, 400, id, Optional.of(String.join(" ", e.errors().values())));
        }
    }

    private void render(Context ctx, int status, long id, Optional<String> error) {
        var person = people.person(id).orElseThrow(() -> new NotFoundResponse("この人物はいません"));
        ctx.status(status).render("personnel/desk-person.jte", Map.of("view", view(ctx), "person", person,
                "entries", people.allEntries(id), "error", error.orElse("")));
    }

    private static NewsroomView view(Context ctx) {
        return NewsroomView.signedIn(ctx, "人事発令の人物", "people");
    }
}
