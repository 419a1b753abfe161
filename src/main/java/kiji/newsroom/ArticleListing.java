package kiji.newsroom;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiji.article.Page;
import kiji.article.PageRequest;
import org.jdbi.v3.core.Jdbi;

/**
 * The newsroom's article list query: every status, the desk's review and trash marks, and a
 * title search. It returns ids only; the articles themselves come from kiji.article's store.
 */
final class ArticleListing {
    /** What the list shows. {@code state} is draft, scheduled, published, review, trash, or empty for all but the trash. */
    record Filter(Optional<String> state, Optional<String> category, Optional<String> author, Optional<String> query) {}

    static final List<String> STATES = List.of("draft", "review", "scheduled", "published", "trash");

    private final Jdbi jdbi;

    ArticleListing(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Page<Long> ids(Filter f, PageRequest page) {
        var where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> args = new HashMap<>();
        var state = f.state().filter(STATES::contains);
        if (state.isEmpty()) {
            where.append(" AND n.trashed_at IS NULL");
        } else if (state.get().equals("trash")) {
            where.append(" AND n.trashed_at IS NOT NULL");
        } else if (state.get().equals("review")) {
            where.append(" AND n.trashed_at IS NULL AND n.review_requested_at IS NOT NULL AND a.status = 'draft'");
        } else {
            where.append(" AND n.trashed_at IS NULL AND a.status = :status");
            args.put("status", state.get());
        }
        f.category().ifPresent(c -> {
            where.append(" AND c.slug = :category");
            args.put("category", c);
        });
        f.author().ifPresent(au -> {
            where.append(" AND a.id IN (SELECT aa.article_id FROM article_author aa JOIN author u ON u.id = aa.author_id"
                    + " WHERE u.name = :author)");
            args.put("author", au);
        });
        f.query().ifPresent(q -> {
            where.append(" AND LOWER(a.title) LIKE :q ESCAPE '\\'");
            args.put("q", "%" + q.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        });
        var from = " FROM article a JOIN category c ON c.id = a.category_id"
                + " LEFT JOIN newsroom_article n ON n.article_id = a.id";
        return jdbi.withHandle(h -> {
            long total = h.createQuery("SELECT COUNT(*)" + from + where).bindMap(args).mapTo(Long.class).one();
            var ids = h.createQuery("SELECT a.id" + from + where + " ORDER BY a.updated_at DESC, a.id DESC"
                            + " LIMIT :limit OFFSET :offset")
                    .bindMap(args)
                    .bind("limit", page.size())
                    .bind("offset", page.offset())
                    .mapTo(Long.class)
                    .list();
            return new Page<>(ids, page.number(), page.size(), total);
        });
    }
}
