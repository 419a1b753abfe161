package kiji.newsroom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;
import kiji.article.ConflictException;
import kiji.article.TokyoTime;
import kiji.article.ValidationException;
import kiji.page.FixedPage;
import kiji.page.FixedPageService;
import kiji.page.PageFormat;
import kiji.page.PageStatus;

/**
 * The newsroom's 固定ページ section: list, create, edit, publish, unpublish, delete. Admins and
 * editors only (a fixed page speaks for the whole site); every change leaves an audit line.
 */
public final class FixedPagePages {
    private static final Map<String, String> DONE = Map.of("saved", "保存しました。", "published", "公開しました。",
            "unpublished", "公開を取り消しました（下書きに戻しました）。", "deleted", "削除しました。");

    /** One line of the list. */
    public record Row(long id, String path, String url, String title, String status, String statusLabel,
                      String updated) {}

    /** The editor: {@code id} empty for a new page; {@code url} the public link once saved. */
    public record Editor(Optional<Long> id, PageForm form, Map<String, String> errors, Optional<String> url,
                         boolean published) {
        public String action() {
            return id.map(i -> "/newsroom/pages/" + i).orElse("/newsroom/pages");
        }
    }

    private final FixedPageService pages;
    private final AuditLog audit;

    FixedPagePages(FixedPageService pages, AuditLog audit) {
        this.pages = pages;
        this.audit = audit;
    }

    void register(RoutesConfig routes) {
        routes.get("/newsroom/pages", this::list);
        routes.get("/newsroom/pages/new", this::newForm);
        routes.post("/newsroom/pages/preview", this::preview);
        routes.post("/newsroom/pages", this::create);
        routes.get("/newsroom/pages/{id}", this::edit);
        routes.post("/newsroom/pages/{id}", this::save);
        routes.post("/newsroom/pages/{id}/publish", ctx -> status(ctx, PageStatus.PUBLISHED));
        routes.post("/newsroom/pages/{id}/unpublish", ctx -> status(ctx, PageStatus.DRAFT));
        routes.post("/newsroom/pages/{id}/delete", this::delete);
    }

    void list(Context ctx) {
        var session = editorOnly(ctx);
        var rows = pages.all().stream().map(p -> new Row(p.id(), p.path(), p.url(), p.title(), p.status().key(),
                label(p.status()), TokyoTime.stamp(p.updatedAt()))).toList();
        ctx.render("newsroom/pages.jte", Map.of("view", notice(ctx, NewsroomView.of(session, "固定ページ", "pages")),
                "rows", rows));
    }

    void newForm(Context ctx) {
        var session = editorOnly(ctx);
        renderEditor(ctx, session, 200, Optional.empty(), PageForm.blank(), Map.of());
    }

    void create(Context ctx) {
        var session = editorOnly(ctx);
        var form = PageForm.from(ctx);
        try {
            var page = pages.create(form.toDraft());
            audit.record(session.user(), "page.create", target(page.id()), detail(page));
            ctx.redirect("/newsroom/pages/" + page.id() + "?done=saved", HttpStatus.SEE_OTHER);
        } catch (ValidationException e) {
            renderEditor(ctx, session, 400, Optional.empty(), form, PageForm.japanese(e.errors()));
        } catch (ConflictException e) {
            renderEditor(ctx, session, 409, Optional.empty(), form, pathTaken());
        }
    }

    void edit(Context ctx) {
        var session = editorOnly(ctx);
        var page = find(ctx);
        renderEditor(ctx, session, 200, Optional.of(page), PageForm.of(page), Map.of());
    }

    void save(Context ctx) {
        var session = editorOnly(ctx);
        var page = find(ctx);
        var form = PageForm.from(ctx);
        try {
            var saved = pages.update(page.id(), form.toDraft()).orElseThrow(NewsroomException::notFound);
            audit.record(session.user(), "page.update", target(saved.id()), detail(saved));
            ctx.redirect("/newsroom/pages/" + saved.id() + "?done=saved", HttpStatus.SEE_OTHER);
        } catch (ValidationException e) {
            renderEditor(ctx, session, 400, Optional.of(page), form, PageForm.japanese(e.errors()));
        } catch (ConflictException e) {
            renderEditor(ctx, session, 409, Optional.of(page), form, pathTaken());
        }
    }

    private void status(Context ctx, PageStatus status) {
        var session = editorOnly(ctx);
        var page = find(ctx);
        var changed = pages.setStatus(page.id(), status).orElseThrow(NewsroomException::notFound);
        var published = status == PageStatus.PUBLISHED;
        audit.record(session.user(), published ? "page.publish" : "page.unpublish", target(page.id()),
                page.status().key() + " → " + changed.status().key() + " " + changed.path());
        ctx.redirect("/newsroom/pages/" + page.id() + "?done=" + (published ? "published" : "unpublished"),
                HttpStatus.SEE_OTHER);
    }

    void delete(Context ctx) {
        var session = editorOnly(ctx);
        var page = find(ctx);
        if (!pages.delete(page.id())) throw NewsroomException.notFound();
        audit.record(session.user(), "page.delete", target(page.id()), detail(page));
        ctx.redirect("/newsroom/pages?done=deleted", HttpStatus.SEE_OTHER);
    }

    /** The body rendered exactly as the public page renders it (same renderer, same sanitizer). */
    void preview(Context ctx) {
        editorOnly(ctx);
        var body = NewsroomParams.form(ctx, "body");
        if (body.length() > 200_000) throw new NewsroomException(413, "本文が長すぎます。");
        var format = PageFormat.parse(NewsroomParams.form(ctx, "format")).orElse(PageFormat.MARKDOWN);
        ctx.contentType("text/html; charset=utf-8").result(pages.render(format, body));
    }

    private FixedPage find(Context ctx) {
        return pages.find(NewsroomParams.id(ctx, "id")).orElseThrow(NewsroomException::notFound);
    }

    private static Session editorOnly(Context ctx) {
        var session = NewsroomGuard.session(ctx);
        if (!session.user().role().canPublish()) throw NewsroomException.forbidden();
        return session;
    }

    private void renderEditor(Context ctx, Session session, int status, Optional<FixedPage> page, PageForm form,
                              Map<String, String> errors) {
        var editor = new Editor(page.map(FixedPage::id), form, errors, page.map(FixedPage::url),
                page.map(FixedPage::isPublished).orElse(false));
        var title = page.isPresent() ? "固定ページを編集" : "固定ページを作成";
        ctx.status(status).render("newsroom/page-editor.jte", Map.of("view",
                notice(ctx, NewsroomView.of(session, title, "pages")), "editor", editor));
    }

    static String label(PageStatus status) {
        return status == PageStatus.PUBLISHED ? "公開中" : "下書き";
    }

    private static Map<String, String> pathTaken() {
        return Map.of("path", "このパスには別の固定ページがあります。別のパスにするか、そのページを編集してください。");
    }

    private static String target(long id) {
        return "page:" + id;
    }

    private static String detail(FixedPage p) {
        return "「" + p.title() + "」 " + p.path() + " " + p.status().key();
    }

    private static NewsroomView notice(Context ctx, NewsroomView view) {
        return Optional.ofNullable(ctx.queryParam("done")).map(DONE::get).map(view::withNotice).orElse(view);
    }
}
