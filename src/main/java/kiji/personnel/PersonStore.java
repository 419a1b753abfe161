package kiji.personnel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kiji.article.Category;
import kiji.article.Permalinks;
import org.jdbi.v3.core.Jdbi;

/**
 * Persons and posts as readers see them: only entries of orders whose article is public count (a
 * draft order shows nobody's career). Also the newsroom's corrections: merge and split.
 */
public final class PersonStore {
    // Readers see published and scheduled articles whose time has come (as ArticleStore's PUBLIC);
    // the newsroom (:everything = 1) sees drafts too.
    private static final String PUBLIC_ARTICLE = """
            JOIN article a ON a.id = e.article_id JOIN category c ON c.id = a.category_id
            WHERE (:everything = 1 OR (a.status IN ('published', 'scheduled') AND a.published_at <= :now))""";
    private static final String PERSON = "SELECT id, service, name FROM personnel_person";

    private final Jdbi jdbi;
    private final Permalinks permalinks;

    public PersonStore(Jdbi jdbi, Permalinks permalinks) {
        this.jdbi = jdbi;
        this.permalinks = permalinks;
    }

    public Optional<Person> person(long id) {
        return jdbi.withHandle(h -> h.createQuery(PERSON + " WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> person(rs, "")).findOne());
    }

    public Optional<Post> post(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name FROM personnel_post WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> new Post(rs.getLong("id"), rs.getString("name"))).findOne());
    }

    /** The person's public entries, oldest first. */
    public List<CareerStep> career(long personId, Instant now) {
        return steps(personId, now, false);
    }

    /** Every entry of the person, drafts' too, oldest first (the newsroom). */
    public List<CareerStep> allEntries(long personId) {
        return steps(personId, Instant.EPOCH, true);
    }

    private List<CareerStep> steps(long personId, Instant now, boolean everything) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT e.id, e.effective_date, e.rank, e.new_post, e.post_id, e.concurrent_posts, e.previous_post,
                               e.retired, e.promoted, e.article_id, a.title, c.id AS c_id, c.slug, c.name AS c_name, c.section
                        FROM personnel_entry e
                        """ + PUBLIC_ARTICLE + """
                         AND e.person_id = :person
                        ORDER BY e.effective_date, a.published_at, e.article_id, e.position""")
                .bind("person", personId).bind("now", now.toEpochMilli()).bind("everything", everything ? 1 : 0)
                .map((rs, ctx) -> {
                    long post = rs.getLong("post_id");
                    var postId = rs.wasNull() ? Optional.<Long>empty() : Optional.of(post);
                    return new CareerStep(rs.getLong("id"), LocalDate.parse(rs.getString("effective_date")),
                            rs.getString("rank"), rs.getString("new_post"), postId,
                            OrderStore.lines(rs.getString("concurrent_posts")), rs.getString("previous_post"),
                            rs.getInt("retired") == 1, rs.getInt("promoted") == 1, rs.getLong("article_id"),
                            articleUrl(rs), rs.getString("title"));
                })
                .list());
    }

    /** Who took the post (or held it concurrently), by public orders, in date order. */
    public List<Holding> holders(long postId, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT p.id AS p_id, p.service AS p_service, p.name AS p_name, e.effective_date, e.rank,
                               x.concurrent, e.article_id, a.published_at, e.position, c.id AS c_id, c.slug,
                               c.name AS c_name, c.section
                        FROM (SELECT id AS entry_id, 0 AS concurrent FROM personnel_entry WHERE post_id = :post
                              UNION ALL
                              SELECT entry_id, 1 AS concurrent FROM personnel_concurrent_post WHERE post_id = :post) x
                        JOIN personnel_entry e ON e.id = x.entry_id
                        JOIN personnel_person p ON p.id = e.person_id
                        """ + PUBLIC_ARTICLE + """

                        ORDER BY e.effective_date, a.published_at, e.article_id, e.position""")
                .bind("post", postId).bind("now", now.toEpochMilli()).bind("everything", 0)
                .map((rs, ctx) -> new Holding(person(rs, "p_"), LocalDate.parse(rs.getString("effective_date")),
                        rs.getString("rank"), rs.getInt("concurrent") == 1, rs.getLong("article_id"), articleUrl(rs)))
                .list());
    }

    /**
     * Persons with a public entry whose name, in any spelling seen, contains the query's key
     * ({@link PersonName#key}): 高橋 finds 髙橋.
     */
    public List<Person> search(String query, int limit, Instant now) {
        return search(query, limit, now, false);
    }

    /** The same search over every person, drafts' too (the newsroom). */
    public List<Person> searchAll(String query, int limit) {
        return search(query, limit, Instant.EPOCH, true);
    }

    private List<Person> search(String query, int limit, Instant now, boolean everything) {
        var key = PersonName.key(query);
        if (key.isEmpty()) return List.of();
        // '!' as LIKE's escape: a backslash reads differently across SQL dialects and scanners
        var pattern = "%" + key.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT p.id, p.service, p.name FROM personnel_person p
                        WHERE p.id IN (SELECT person_id FROM personnel_alias WHERE name_key LIKE :pattern ESCAPE '!')
                          AND EXISTS (SELECT 1 FROM personnel_entry e
                        """ + PUBLIC_ARTICLE + """
                         AND e.person_id = p.id)
                        ORDER BY p.name, p.id LIMIT :limit""")
                .bind("pattern", pattern).bind("now", now.toEpochMilli()).bind("everything", everything ? 1 : 0)
                .bind("limit", limit)
                .map((rs, ctx) -> person(rs, "")).list());
    }

    /** Every person with a public entry, by id (the sitemap). */
    public List<Long> publicPersonIds(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT DISTINCT e.person_id FROM personnel_entry e
                        """ + PUBLIC_ARTICLE + """

                        ORDER BY e.person_id""")
                .bind("now", now.toEpochMilli()).bind("everything", 0).mapTo(Long.class).list());
    }

    private String articleUrl(ResultSet rs) throws SQLException {
        var category = new Category(rs.getLong("c_id"), rs.getString("slug"), rs.getString("c_name"), rs.getString("section"));
        return permalinks.of(rs.getLong("article_id"), category);
    }

    private static Person person(ResultSet rs, String prefix) throws SQLException {
        return new Person(rs.getLong(prefix + "id"), Service.ofKey(rs.getString(prefix + "service")).orElseThrow(),
                rs.getString(prefix + "name"));
    }
}
