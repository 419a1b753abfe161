package kiji.newsroom;

import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import java.time.Clock;
import kiji.article.Article;
import org.jdbi.v3.core.Jdbi;

/**
 * The newsroom's record of a save made by another feature (a personnel order is an article written
 * by {@code kiji.personnel}): the article's revision and the audit line, as the newsroom's own
 * editor leaves them, by the acting user or API token. Its writes join the caller's transaction
 * when there is one on this thread, so a save and its record commit together.
 */
public final class ArticleJournal {
    private final Revisions revisions;
    private final AuditLog audit;
    private final ApiTokens tokens;

    public ArticleJournal(Jdbi jdbi, Clock clock, ApiTokens tokens) {
        this.revisions = new Revisions(jdbi, clock);
        this.audit = new AuditLog(jdbi, clock);
        this.tokens = tokens;
    }

    /**
     * Who is acting in this request: the user the newsroom's guard signed in (routes under
     * {@code /newsroom/}), or the token the API guard let through (routes under {@code /api/admin/}).
     */
    public Actor actor(Context ctx) {
        var session = NewsroomGuard.maybeSession(ctx);
        if (session.isPresent()) return Actor.of(session.get().user());
        return ApiTokenGuard.token(ctx).flatMap(tokens::name).map(Actor::token)
                .orElseThrow(() -> new UnauthorizedResponse("no signed-in user and no API token"));
    }

    /** A new article: its first revision and {@code article.create}; {@code kind} says what it is (人事発令). */
    public void created(Actor by, Article article, String kind) {
        revisions.save(article, by.name());
        audit.record(by, "article.create", Editorial.target(article.id()),
                kind + "「" + article.title() + "」 " + article.status().key());
    }

    /**
     * Another feature's change to what the newsroom shows (a person merged or split): its audit line,
     * in the caller's transaction when there is one on this thread.
     */
    public void audited(Actor by, String action, String target, String detail) {
        audit.record(by, action, target, detail);
    }

    /** A saved change: a revision and {@code article.update}, with the status change if there was one. */
    public void updated(Actor by, Article before, Article after, String kind) {
        revisions.save(after, by.name());
        var change = before.status() == after.status() ? after.status().key()
                : before.status().key() + " → " + after.status().key();
        audit.record(by, "article.update", Editorial.target(after.id()), kind + "「" + after.title() + "」 " + change);
    }
}
