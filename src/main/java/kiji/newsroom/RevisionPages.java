package kiji.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import kiji.article.TokyoTime;

/** An article's revisions: the list, a diff of two, and restoring one. */
final class RevisionPages {
    private final Editorial editorial;
    private final Revisions revisions;
    private final AuditLog audit;

    RevisionPages(Editorial editorial, Revisions revisions, AuditLog audit) {
        this.editorial = editorial;
        this.revisions = revisions;
        this.audit = audit;
    }

    void list(Context ctx) {
        var session = NewsroomGuard.session(ctx);
        var item = readable(ctx, session);
        long id = item.article().id();
        var entries = revisions.list(id).stream().map(RevisionPages::entry).toList();
        var history = audit.forTarget(Editorial.target(id));
        ctx.render("newsroom/revisions.jte", Map.of("view", NewsroomView.of(session, "版の履歴", "articles"),
                "articleId", id, "title", item.article().title(), "revisions", entries, "history", history,
                "canEdit", Editorial.canEdit(session.user(), item)));
    }

    void diff(Context ctx) {
        var session = NewsroomGuard.session(ctx);
        var item = readable(ctx, session);
        long id = item.article().id();
        var a = revisions.find(id, number(ctx, "a")).orElseThrow(NewsroomException::notFound);
        var b = revisions.find(id, number(ctx, "b")).orElseThrow(NewsroomException::notFound);
        if (a.id() > b.id()) {
            var t = a;
            a = b;
            b = t;
        }
        ArticleRows.Comparison comparison = new ArticleRows.Comparison(id, entry(a), entry(b), LineDiff.of(a.snapshot().asText(), b.snapshot().asText()));
        ctx.render("newsroom/diff.jte", Map.of("view", NewsroomView.of(session, "版の比較", "articles"),
                "comparison", comparison));
    }

    void restore(Context ctx) {
        var session = NewsroomGuard.session(ctx);
        long id = NewsroomParams.id(ctx, "id");
        editorial.restoreRevision(session.user(), id, NewsroomParams.id(ctx, "rev"));
        ctx.redirect("/newsroom/articles/" + id + "?done=revision", HttpStatus.SEE_OTHER);
    }

    // Writers may read the history of what they may edit; editors read all.
    private Editorial.Item readable(Context ctx, Session session) {
        var item = editorial.get(NewsroomParams.id(ctx, "id"));
        if (!session.user().role().canPublish() && !Editorial.canEdit(session.user(), item)) {
            throw NewsroomException.forbidden();
        }
        return item;
    }

    private static long number(Context ctx, String name) {
        try {
            return Long.parseLong(NewsroomParams.query(ctx, name).orElse(""));
        } catch (NumberFormatException e) {
            throw new NewsroomException(400, "比較する版を2つ選んでください。");
        }
    }

    private static ArticleRows.RevisionEntry entry(Revisions.Revision r) {
        return new ArticleRows.RevisionEntry(r.id(), TokyoTime.stamp(r.savedAt()), r.savedBy(), r.snapshot().title(),
                ArticleRows.label(r.snapshot().status()));
    }
}
