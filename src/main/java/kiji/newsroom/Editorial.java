package kiji.newsroom;

import java.time.Clock;
import java.util.Optional;
import kiji.article.Article;
import kiji.article.ArticleDraft;
import kiji.article.ArticleService;
import kiji.article.ArticleStore;
import kiji.article.Status;

/**
 * The newsroom's rules for changing articles, and the record each change leaves: who may edit
 * what (writers: their own drafts; editors and admins: everything), a revision per save, and an
 * audit line per action. Content rules themselves stay in {@link ArticleService}.
 */
final class Editorial {
    /** An article with the desk's facts about it. */
    record Item(Article article, ArticleDesk.Facts facts) {
        boolean inReview() {
            return facts.reviewRequestedAt().isPresent() && article.status() == Status.DRAFT;
        }
    }

    static final String WRITERS_CANNOT_PUBLISH = "記者は公開・予約公開できません。レビューを依頼してください。";

    private final ArticleService service;
    private final ArticleStore store;
    private final ArticleDesk desk;
    private final Revisions revisions;
    private final AuditLog audit;
    private final Clock clock;

    Editorial(ArticleService service, ArticleStore store, ArticleDesk desk, Revisions revisions, AuditLog audit,
              Clock clock) {
        this.service = service;
        this.store = store;
        this.desk = desk;
        this.revisions = revisions;
        this.audit = audit;
        this.clock = clock;
    }

    Optional<Item> find(long id) {
        return store.find(id).map(a -> new Item(a, desk.facts(id)));
    }

    Item get(long id) {
        return find(id).orElseThrow(NewsroomException::notFound);
    }

    /** Writers edit only their own drafts that are not in the trash; editors and admins edit anything. */
    static boolean canEdit(User user, Item item) {
        if (user.role().canPublish()) return true;
        return item.facts().ownerId().filter(o -> o == user.id()).isPresent()
                && item.article().status() == Status.DRAFT && !item.facts().trashed();
    }

    Article create(User user, ArticleDraft draft) {
        if (!user.role().canPublish() && draft.status() != Status.DRAFT) {
            throw new NewsroomException(403, WRITERS_CANNOT_PUBLISH);
        }
        var article = service.create(draft);
        desk.setOwner(article.id(), user.id());
        revisions.save(article, user);
        audit.record(user, "article.create", target(article.id()), "「" + article.title() + "」 " + article.status().key());
        return article;
    }

    Article update(User user, long id, ArticleDraft draft) {
        var item = editable(user, id);
        if (!user.role().canPublish() && draft.status() != Status.DRAFT) {
            throw new NewsroomException(403, WRITERS_CANNOT_PUBLISH);
        }
        var article = service.update(id, draft).orElseThrow(NewsroomException::notFound);
        if (article.status() != Status.DRAFT && item.facts().reviewRequestedAt().isPresent()) desk.clearReview(id);
        revisions.save(article, user);
        var change = item.article().status() == article.status() ? article.status().key()
                : item.article().status().key() + " → " + article.status().key();
        audit.record(user, "article.update", target(id), change);
        return article;
    }

    void requestReview(User user, long id) {
        var item = editable(user, id);
        if (item.article().status() != Status.DRAFT) throw new NewsroomException(400, "下書きだけがレビュー依頼できます。");
        desk.requestReview(id, clock.instant());
        audit.record(user, "article.review.request", target(id), "");
    }

    void unpublish(User user, long id) {
        var item = publisher(user, id);
        if (item.article().status() == Status.DRAFT) return;
        var article = service.update(id, Revisions.Snapshot.of(item.article()).toDraft(Status.DRAFT)).orElseThrow();
        revisions.save(article, user);
        audit.record(user, "article.unpublish", target(id), item.article().status().key() + " → draft");
    }

    /** Into the trash: off the public site (back to draft) and out of the list, until restored. */
    void trash(User user, long id) {
        var item = editable(user, id);
        if (item.facts().trashed()) return;
        if (item.article().status() != Status.DRAFT) {
            var article = service.update(id, Revisions.Snapshot.of(item.article()).toDraft(Status.DRAFT)).orElseThrow();
            revisions.save(article, user);
        }
        desk.trash(id, clock.instant());
        audit.record(user, "article.trash", target(id), "was " + item.article().status().key());
    }

    void restore(User user, long id) {
        var item = get(id);
        boolean owner = item.facts().ownerId().filter(o -> o == user.id()).isPresent();
        if (!user.role().canPublish() && !owner) throw NewsroomException.forbidden();
        if (!item.facts().trashed()) return;
        desk.untrash(id);
        audit.record(user, "article.restore", target(id), "from trash, as draft");
    }

    /** Saves an old revision's content as the article's current state (a new revision). */
    Article restoreRevision(User user, long id, long revisionId) {
        editable(user, id);
        var revision = revisions.find(id, revisionId).orElseThrow(NewsroomException::notFound);
        var draft = user.role().canPublish() ? revision.snapshot().toDraft() : revision.snapshot().toDraft(Status.DRAFT);
        var article = service.update(id, draft).orElseThrow(NewsroomException::notFound);
        revisions.save(article, user);
        audit.record(user, "article.revision.restore", target(id), "revision " + revisionId);
        return article;
    }

    private Item editable(User user, long id) {
        var item = get(id);
        if (!canEdit(user, item)) throw NewsroomException.forbidden();
        return item;
    }

    private Item publisher(User user, long id) {
        if (!user.role().canPublish()) throw new NewsroomException(403, WRITERS_CANNOT_PUBLISH);
        return get(id);
    }

    static String target(long id) {
        return "article:" + id;
    }
}
