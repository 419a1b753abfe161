package kiji.personnel;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kiji.article.Article;
import kiji.article.ArticleDraft;
import kiji.article.ArticleService;
import kiji.article.CategoryStore;
import kiji.article.TokyoTime;
import kiji.newsroom.Actor;
import kiji.newsroom.ArticleJournal;

/**
 * Writing orders: the text is parsed first (a bad line stops everything, nothing is saved), then the
 * persons and posts are found or created, the article is written in the 人事発令 category with a body
 * made from the rows and the generated title, the rows are stored with it, and the newsroom's journal
 * records the revision and the audit line — all of it in ONE transaction, so a failure anywhere
 * leaves nothing (no article, no order, no new person or post, no search hit).
 */
public final class PersonnelService {
    static final String CATEGORY = "personnel";
    /** How the audit log names what was saved. */
    static final String KIND = "人事発令";

    private final ArticleService articles;
    private final CategoryStore categories;
    private final OrderStore orders;
    private final Clock clock;
    private final Runnable changed;
    private final java.util.function.LongFunction<Optional<Article>> article;
    private final ArticleJournal journal;

    /**
     * @param changed told after every write (the render cache empties, as on an article event)
     * @param journal where each save leaves its revision and audit line
     */
    public PersonnelService(ArticleService articles, CategoryStore categories, OrderStore orders, Clock clock,
                            Runnable changed, java.util.function.LongFunction<Optional<Article>> article,
                            ArticleJournal journal) {
        this.article = article;
        this.journal = journal;
        this.articles = articles;
        this.categories = categories;
        this.orders = orders;
        this.clock = clock;
        this.changed = changed;
    }

    /** A saved order: its article and its rows. */
    public record Saved(Article article, StoredOrder order) {}

    /** What the preview shows: the rows and the title they make, or the unreadable lines. */
    public record Preview(ParsedOrder parsed, Optional<String> title) {}

    public Preview preview(String text, String kind, Optional<java.time.Instant> publishedAt, boolean eraYear) {
        var parsed = OrderParser.parse(text, referenceDay(publishedAt));
        return new Preview(parsed, parsed.ok() ? Optional.of(OrderTitle.of(kind, parsed, eraYear)) : Optional.empty());
    }

    /** The order an article holds, with the article, in any state (the newsroom). */
    public Optional<Saved> find(long articleId) {
        return article.apply(articleId).flatMap(a -> orders.find(articleId).map(o -> new Saved(a, o)));
    }

    /** @throws OrderTextException when a line cannot be read; nothing is saved then */
    public Saved create(OrderRequest request, Actor by) {
        var parsed = parse(request);
        var saved = articles.atomically(() -> {
            var ids = orders.identify(parsed.entries());
            var article = articles.create(draft(request, parsed, ids, Optional.empty()));
            orders.save(article.id(), request, parsed, ids);
            journal.created(by, article, KIND);
            return new Saved(article, orders.find(article.id()).orElseThrow());
        });
        changed.run();
        return saved;
    }

    /** Re-parses the text and replaces the rows, the title (unless given) and the body; empty when there is no such order. */
    public Optional<Saved> update(long articleId, OrderRequest request, Actor by) {
        var before = find(articleId);
        if (before.isEmpty()) return Optional.empty();
        var parsed = parse(request);
        var saved = articles.atomically(() -> {
            var ids = orders.identify(parsed.entries());
            var article = articles.update(articleId, draft(request, parsed, ids, Optional.of(articleId)));
            if (article.isEmpty()) return Optional.<Saved>empty();
            orders.save(articleId, request, parsed, ids);
            journal.updated(by, before.get().article(), article.get(), KIND);
            return Optional.of(new Saved(article.get(), orders.find(articleId).orElseThrow()));
        });
        changed.run();
        return saved;
    }

    private ParsedOrder parse(OrderRequest request) {
        var parsed = OrderParser.parse(request.text(), referenceDay(request.publishedAt()));
        if (!parsed.errors().isEmpty()) throw new OrderTextException(parsed.errors());
        return parsed;
    }

    private ArticleDraft draft(OrderRequest r, ParsedOrder parsed, Identities ids, Optional<Long> id) {
        if (categories.findBySlug(CATEGORY).isEmpty()) articles.createCategory(CATEGORY, "人事発令", "jinji");
        var title = r.title().orElseGet(() -> OrderTitle.of(r.kind(), parsed, r.eraYear()));
        return new ArticleDraft(id, title, r.lead(), OrderBody.markdown(r.kind(), parsed, ids, r.notes()), CATEGORY,
                List.of("人事発令"), List.of(), r.status(), r.publishedAt());
    }

    /** The day a date without a year is read near: the publication day in Tokyo, or today. */
    private LocalDate referenceDay(Optional<java.time.Instant> publishedAt) {
        return LocalDate.ofInstant(publishedAt.orElse(clock.instant()), TokyoTime.ZONE);
    }
}
