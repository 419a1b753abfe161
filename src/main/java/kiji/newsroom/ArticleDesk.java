package kiji.newsroom;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The newsroom's facts about each article (table {@code newsroom_article}): its owner, whether
 * its writer asked for review, and whether it is in the trash. Articles made through the API
 * or the demo have no row, hence no owner: only editors may touch them.
 */
final class ArticleDesk {
    /** An article's desk facts; all empty when the article has no row yet. */
    record Facts(Optional<Long> ownerId, Optional<Instant> reviewRequestedAt, Optional<Instant> trashedAt) {
        static final Facts NONE = new Facts(Optional.empty(), Optional.empty(), Optional.empty());

        boolean trashed() {
            return trashedAt.isPresent();
        }
    }

    private final Jdbi jdbi;

    ArticleDesk(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Facts facts(long articleId) {
        return factsOf(java.util.List.of(articleId)).getOrDefault(articleId, Facts.NONE);
    }

    Map<Long, Facts> factsOf(Collection<Long> ids) {
        Map<Long, Facts> out = new HashMap<>();
        if (ids.isEmpty()) return out;
        jdbi.useHandle(h -> h.createQuery("SELECT article_id, owner_id, review_requested_at, trashed_at"
                        + " FROM newsroom_article WHERE article_id IN (<ids>)")
                .bindList("ids", ids)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), new Facts(
                        Optional.ofNullable(rs.getObject(2) == null ? null : rs.getLong(2)),
                        Optional.ofNullable(rs.getObject(3) == null ? null : Instant.ofEpochMilli(rs.getLong(3))),
                        Optional.ofNullable(rs.getObject(4) == null ? null : Instant.ofEpochMilli(rs.getLong(4))))))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    void setOwner(long articleId, long userId) {
        upsert(articleId, "owner_id", userId);
    }

    void requestReview(long articleId, Instant at) {
        upsert(articleId, "review_requested_at", at.toEpochMilli());
    }

    void clearReview(long articleId) {
        upsert(articleId, "review_requested_at", null);
    }

    void trash(long articleId, Instant at) {
        upsert(articleId, "trashed_at", at.toEpochMilli());
    }

    void untrash(long articleId) {
        upsert(articleId, "trashed_at", null);
    }

    // column is one of this class's constants, never input.
    private void upsert(long articleId, String column, Long value) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO newsroom_article (article_id, " + column + ") VALUES (:id, :v)"
                        + " ON CONFLICT (article_id) DO UPDATE SET " + column + " = :v")
                .bind("id", articleId)
                .bind("v", value)
                .execute());
    }
}
