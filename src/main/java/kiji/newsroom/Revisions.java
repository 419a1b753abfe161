package kiji.newsroom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kiji.article.Article;
import kiji.article.ArticleDraft;
import kiji.article.Status;
import org.jdbi.v3.core.Jdbi;

/**
 * Every save keeps a revision: a snapshot of the editable fields as JSON. At most {@link #CAP}
 * per article; saving one more drops the oldest, as Ghost does.
 */
final class Revisions {
    static final int CAP = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The fields a revision keeps; {@code publishedAt} is epoch millis or null, and so is
     * {@code featuredPhoto} (a photo id; revisions saved before it existed read as none).
     */
    record Snapshot(String title, String lead, String body, String category, List<String> tags, List<String> authors,
                    String status, Long publishedAt, Long featuredPhoto) {
        static Snapshot of(Article a) {
            return new Snapshot(a.title(), a.lead(), a.body(), a.category().slug(), a.tags(), a.authors(),
                    a.status().key(), a.publishedAt().map(Instant::toEpochMilli).orElse(null),
                    a.featuredPhotoId().orElse(null));
        }

        ArticleDraft toDraft() {
            return toDraft(Status.parse(status).orElse(Status.DRAFT));
        }

        ArticleDraft toDraft(Status newStatus) {
            return new ArticleDraft(Optional.empty(), title, lead, body, category, tags, authors, newStatus,
                    Optional.ofNullable(publishedAt).map(Instant::ofEpochMilli), Optional.ofNullable(featuredPhoto));
        }

        /** The text the diff compares: the fields an editor reads, one per line, then the body. */
        String asText() {
            return "タイトル: " + title + "\nリード: " + lead + "\nカテゴリー: " + category + "\nタグ: "
                    + String.join("、", tags) + "\n筆者: " + String.join("、", authors) + "\n状態: " + status
                    + "\nトップ写真: " + (featuredPhoto == null ? "なし" : "写真 " + featuredPhoto) + "\n\n" + body;
        }
    }

    /** One stored revision. */
    record Revision(long id, long articleId, Instant savedAt, String savedBy, Snapshot snapshot) {}

    private final Jdbi jdbi;
    private final Clock clock;

    Revisions(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    void save(Article article, User by) {
        save(article, by.username());
    }

    void save(Article article, String by) {
        String json;
        try {
            json = JSON.writeValueAsString(Snapshot.of(article));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO article_revision (article_id, saved_at, saved_by, snapshot) VALUES (:a, :at, :by, :s)")
                    .bind("a", article.id()).bind("at", clock.millis()).bind("by", by).bind("s", json)
                    .execute();
            // Keep the newest CAP: delete whatever is older than the CAP-th newest.
            h.createUpdate("""
                            DELETE FROM article_revision WHERE article_id = :a AND id NOT IN (
                              SELECT id FROM article_revision WHERE article_id = :a ORDER BY id DESC LIMIT :cap)""")
                    .bind("a", article.id()).bind("cap", CAP).execute();
        });
    }

    /** Newest first. */
    List<Revision> list(long articleId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, article_id, saved_at, saved_by, snapshot"
                        + " FROM article_revision WHERE article_id = :a ORDER BY id DESC")
                .bind("a", articleId)
                .map((rs, ctx) -> revision(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5)))
                .list());
    }

    Optional<Revision> find(long articleId, long revisionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, article_id, saved_at, saved_by, snapshot"
                        + " FROM article_revision WHERE article_id = :a AND id = :id")
                .bind("a", articleId)
                .bind("id", revisionId)
                .map((rs, ctx) -> revision(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5)))
                .findOne());
    }

    private static Revision revision(long id, long articleId, long at, String by, String json) {
        try {
            return new Revision(id, articleId, Instant.ofEpochMilli(at), by, JSON.readValue(json, Snapshot.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("revision " + id + " is not readable", e);
        }
    }
}
