package kiji.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * What crawlers need to know about public articles, without their bodies: for sitemaps, which
 * list every public URL and would otherwise load tens of thousands of bodies.
 */
public final class ArticleLinks {
    /** One public article: enough for its URL, its title and its dates. */
    public record Link(long id, String title, Category category, Instant publishedAt, Instant updatedAt) {}

    /** A name (tag) or slug (category) with the last time one of its public articles changed. */
    public record Named(String name, Optional<Instant> lastModified) {}

    private static final String PUBLIC = " a.status IN ('published', 'scheduled') AND a.published_at <= :now ";
    private static final RowMapper<Link> LINK = (rs, ctx) -> new Link(rs.getLong("id"), rs.getString("title"),
            new Category(rs.getLong("c_id"), rs.getString("c_slug"), rs.getString("c_name"), rs.getString("c_section")),
            Instant.ofEpochMilli(rs.getLong("published_at")), Instant.ofEpochMilli(rs.getLong("updated_at")));
    private static final String SELECT = """
            SELECT a.id, a.title, a.published_at, a.updated_at,
                   c.id AS c_id, c.slug AS c_slug, c.name AS c_name, c.section AS c_section
            FROM article a JOIN category c ON c.id = a.category_id
            WHERE""" + PUBLIC;

    private final Jdbi jdbi;

    public ArticleLinks(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public long countPublic(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM article a WHERE" + PUBLIC)
                .bind("now", now.toEpochMilli())
                .mapTo(Long.class)
                .one());
    }

    /** Public articles in id order (stable paging for sitemaps: new articles go to the last page). */
    public List<Link> publicLinks(Instant now, long offset, int limit) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " ORDER BY a.id LIMIT :limit OFFSET :offset")
                .bind("now", now.toEpochMilli())
                .bind("limit", limit)
                .bind("offset", offset)
                .map(LINK)
                .list());
    }

    /** Public articles published at or after {@code since}, newest first. */
    public List<Link> publishedSince(Instant since, Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " AND a.published_at >= :since"
                        + " ORDER BY a.published_at DESC, a.id DESC LIMIT :limit")
                .bind("now", now.toEpochMilli())
                .bind("since", since.toEpochMilli())
                .bind("limit", limit)
                .map(LINK)
                .list());
    }

    /** Every tag of a public article, by name, with its last change. */
    public List<Named> publicTags(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT t.name, MAX(a.updated_at) AS last_modified
                        FROM tag t JOIN article_tag at ON at.tag_id = t.id JOIN article a ON a.id = at.article_id
                        WHERE""" + PUBLIC + " GROUP BY t.name ORDER BY t.name")
                .bind("now", now.toEpochMilli())
                .map((rs, ctx) -> new Named(rs.getString(1), Optional.of(Instant.ofEpochMilli(rs.getLong(2)))))
                .list());
    }

    /** Every category by slug, with the last change among its public articles (empty if none). */
    public List<Named> categories(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT c.slug, MAX(CASE WHEN""" + PUBLIC + """
                        THEN a.updated_at END) AS last_modified
                        FROM category c LEFT JOIN article a ON a.category_id = c.id
                        GROUP BY c.slug, c.position, c.id ORDER BY c.position, c.id""")
                .bind("now", now.toEpochMilli())
                .map((rs, ctx) -> {
                    long last = rs.getLong(2);
                    return new Named(rs.getString(1), rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(last)));
                })
                .list());
    }
}
