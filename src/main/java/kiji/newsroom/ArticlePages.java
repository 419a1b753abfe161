package kiji.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;
import kiji.article.ArticleService;
import kiji.article.ArticleStore;
import kiji.article.CategoryStore;
import kiji.article.PageRequest;
import kiji.article.Permalinks;
import kiji.article.ValidationException;

/** The article list, the editor, its live preview, and the status actions. */
final class ArticlePages {
    static final int PAGE_SIZE = 30;
    static final int PHOTO_CHOICES = 24;
    private static final Map<String, String> DONE = Map.of("saved", "保存しました。", "review", "レビューを依頼しました。",
            "unpublished", "公開を取り消しました（下書きに戻しました）。", "trashed", "ゴミ箱に移動しました。",
            "restored", "ゴミ箱から戻しました（下書き）。", "revision", "選んだ版に戻しました。");

    private final Editorial editorial;
    private final ArticleListing listing;
    private final ArticleDesk desk;
    private final ArticleStore store;
    private final ArticleService service;
    private final CategoryStore categories;
    private final Permalinks permalinks;
    private final ArticleViews views;
    private final Photos photos;

    ArticlePages(Editorial editorial, ArticleListing listing, ArticleDesk desk, ArticleStore store,
                 ArticleService service, CategoryStore categories, Permalinks permalinks, ArticleViews views,
                 Photos photos) {
        this.photos = photos;
        this.editorial = editorial;
        this.listing = listing;
        this.desk = desk;
        this.store = store;
        this.service = service;
        this.categories = categories;
        this.permalinks = permalinks;
        this.views = views;
    }

    void list(Context ctx) {
        var session = NewsroomGuard.session(ctx);
        var filter = new ArticleListing.Filter(NewsroomParams.query(ctx, "state"), NewsroomParams.query(ctx, "category"),
                NewsroomParams.query(ctx, "author"), NewsroomParams.query(ctx, "q").map(q -> q.length() > 200 ? q.substring(0, 200) : q));
        var ids = listing.ids(filter, new PageRequest(NewsroomParams.page(ctx), PAGE_SIZE));
        var byId = new java.util.HashMap<Long, kiji.article.Article>();
        store.findAll(ids.items()).forEach(a -> byId.put(a.id(), a));
        var facts = desk.factsOf(ids.items());
        var rows = ids.items().stream().filter(byId::containsKey).map(id -> {
            var a = byId.get(id);
            var f = facts.getOrDefault(id, ArticleDesk.Facts.NONE);
            var item = new Editorial.Item(a, f);
            return ArticleRows.row(a, f, views.views24h(id), Editorial.canEdit(session.user(), item),
                    AnalyticsPages.canSee(session.user(), item));
        }).toList();
        var model = new ArticleRows.Listing(rows, ids.number(), ids.pageCount(), ids.total(), filter.state().orElse(""),
                filter.category().orElse(""), filter.author().orElse(""), filter.query().orElse(""), categories.all());
        ctx.render("newsroom/articles.jte", Map.of("view", notice(ctx, NewsroomView.of(session, "記事一覧", "articles")),
                "list", model));
    }

    void newForm(Context ctx) {
        var session = NewsroomGuard.session(ctx);
        var first = categories.all().stream().findFirst().map(c -> c.slug()).orElse("");
        renderEditor(ctx, session, 200, Optional.empty(), ArticleForm.blank(first), Map.of());
    }

    void create(Context ctx) {
        var session = NewsroomGuard.session(ctx);
        var form = ArticleForm.from(ctx);
        try {
            var article = editorial.create(session.user(), form.toDraft());
            ctx.redirect("/newsroom/articles/" + article.id() + "?done=saved", HttpStatus.SEE_OTHER);
        } catch (ValidationException e) {
            renderEditor(ctx, session, 400, Optional.empty(), form, ArticleForm.japanese(e.errors()));
        }
    }

    void edit(Context ctx) {
        var session = NewsroomGuard.session(ctx);
        var item = editorial.get(NewsroomParams.id(ctx, "id"));
        if (!Editorial.canEdit(session.user(), item)) throw NewsroomException.forbidden();
        renderEditor(ctx, session, 200, Optional.of(item), ArticleForm.of(item.article()), Map.of());
    }

    void save(Context ctx) {
        var session = NewsroomGuard.session(ctx);
        long id = NewsroomParams.id(ctx, "id");
        var form = ArticleForm.from(ctx);
        try {
            editorial.update(session.user(), id, form.toDraft());
            ctx.redirect("/newsroom/articles/" + id + "?done=saved", HttpStatus.SEE_OTHER);
        } catch (ValidationException e) {
            renderEditor(ctx, session, 400, Optional.of(editorial.get(id)), form, ArticleForm.japanese(e.errors()));
        }
    }

    void requestReview(Context ctx) {
        act(ctx, "review", (user, id) -> editorial.requestReview(user, id));
    }

    void unpublish(Context ctx) {
        act(ctx, "unpublished", (user, id) -> editorial.unpublish(user, id));
    }

    void trash(Context ctx) {
        var session = NewsroomGuard.session(ctx);
        editorial.trash(session.user(), NewsroomParams.id(ctx, "id"));
        ctx.redirect("/newsroom/articles?done=trashed", HttpStatus.SEE_OTHER);
    }

    void restore(Context ctx) {
        act(ctx, "restored", (user, id) -> editorial.restore(user, id));
    }

    /** The body rendered exactly as the public page renders it (same Markdown code, same sanitizer). */
    void preview(Context ctx) {
        NewsroomGuard.session(ctx);
        var body = NewsroomParams.form(ctx, "body");
        if (body.length() > 200_000) throw new NewsroomException(413, "本文が長すぎます。");
        ctx.contentType("text/html; charset=utf-8").result(service.preview(body));
    }

    private void act(Context ctx, String done, java.util.function.ObjLongConsumer<User> action) {
        var session = NewsroomGuard.session(ctx);
        long id = NewsroomParams.id(ctx, "id");
        action.accept(session.user(), id);
        ctx.redirect("/newsroom/articles/" + id + "?done=" + done, HttpStatus.SEE_OTHER);
    }

    private void renderEditor(Context ctx, Session session, int status, Optional<Editorial.Item> item, ArticleForm form,
                              Map<String, String> errors) {
        var permalink = item.map(i -> permalinks.of(i.article())).orElse("（保存すると決まります）");
        var state = item.map(i -> ArticleRows.state(i.article(), i.facts())).orElse("draft");
        var editor = new ArticleRows.Editor(item.map(i -> i.article().id()), form, errors, categories.all(), permalink,
                session.user().role().canPublish(), state, ArticleRows.label(state),
                item.map(i -> i.facts().trashed()).orElse(false), photoChoices(form));
        var title = item.isPresent() ? "記事を編集" : "新規作成";
        ctx.status(status).render("newsroom/editor.jte", Map.of("view",
                notice(ctx, NewsroomView.of(session, title, item.isPresent() ? "articles" : "new")), "editor", editor));
    }

    /** The latest uploads to pick a featured photo from, and the one chosen if it is older. */
    private java.util.List<Photo> photoChoices(ArticleForm form) {
        var choices = new java.util.ArrayList<>(photos.recent(PHOTO_CHOICES));
        var chosen = form.featuredPhoto().strip();
        if (chosen.matches("[1-9][0-9]{0,17}") && choices.stream().noneMatch(p -> chosen.equals(String.valueOf(p.id())))) {
            photos.find(Long.parseLong(chosen)).ifPresent(p -> choices.add(0, p));
        }
        return choices;
    }

    private static NewsroomView notice(Context ctx, NewsroomView view) {
        return Optional.ofNullable(ctx.queryParam("done")).map(DONE::get).map(view::withNotice).orElse(view);
    }
}
