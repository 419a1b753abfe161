package kiji.personnel;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiji.article.RequestParams;
import kiji.site.Frame;
import kiji.site.PageView;

/** The public pages: {@code /jinji/person/{id}} (a career), {@code /jinji/post/{id}} (its holders), {@code /jinji/person?q=}. */
public final class PersonnelPages {
    private final PersonStore people;
    private final Frame frame;
    private final Clock clock;

    public PersonnelPages(PersonStore people, Frame frame, Clock clock) {
        this.people = people;
        this.frame = frame;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/jinji/person", this::search);
        routes.get("/jinji/person/{id}", this::person);
        routes.get("/jinji/post/{id}", this::post);
    }

    private void person(Context ctx) {
        long id = RequestParams.pathId(ctx);
        var person = people.person(id).orElseThrow(() -> new NotFoundResponse("この人物のページはありません"));
        var career = people.career(id, clock.instant());
        if (career.isEmpty()) throw new NotFoundResponse("この人物のページはありません");
        var page = frame(person.name() + "(" + person.service().fullName() + ")", Optional.of(person.url()));
        ctx.render("personnel/person.jte", Map.of("page", page,
                "view", PersonPageView.of(person, career, frame.site().baseUrl())));
    }

    private void post(Context ctx) {
        long id = RequestParams.pathId(ctx);
        var post = people.post(id).orElseThrow(() -> new NotFoundResponse("この職のページはありません"));
        var holders = people.holders(id, clock.instant());
        if (holders.isEmpty()) throw new NotFoundResponse("この職のページはありません");
        ctx.render("personnel/post.jte", Map.of("page", frame(post.name(), Optional.of(post.url())),
                "view", PostPageView.of(post, holders)));
    }

    private void search(Context ctx) {
        var q = RequestParams.optional(ctx, "q").orElse("");
        if (q.length() > 100) throw new BadRequestResponse("氏名は100文字までで入力してください");
        var found = q.isEmpty() ? List.<Person>of() : people.search(q, PersonnelApi.SEARCH_LIMIT, clock.instant());
        ctx.header("Cache-Control", "no-store");
        ctx.render("personnel/people.jte", Map.of("page", frame("人事発令の人物検索", Optional.empty()),
                "query", q, "people", found));
    }

    private PageView frame(String title, Optional<String> canonical) {
        return frame.page(title, canonical, Optional.of(PersonnelService.CATEGORY), List.of(
                new PageView.Crumb("トップ", "/"), new PageView.Crumb("人事発令", "/category/" + PersonnelService.CATEGORY)));
    }
}
