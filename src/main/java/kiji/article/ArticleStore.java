package kiji.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import kiji.storage.Dialect;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** Articles with their category, tags and authors. Knows SQL, not rules: see {@link ArticleService}. */
public final class ArticleStore {
    private static final String SELECT = """
            SELECT a.id, a.title, a.lead, a.body, a.body_html, a.status, a.published_at, a.created_at,
                   a.updated_at, a.featured_photo_id, c.id AS c_id, c.slug AS c_slug, c.name AS c_name, c.section AS c_section
            FROM article a JOIN category c ON c.id = a.category_id
            """;
    // without the Markdown source (derived data built from the HTML), and without either body (listings)
    private static final String SELECT_RENDERED = SELECT.replace("a.body, a.body_html", "'' AS body, a.body_html");
    private static final String SELECT_HEADLINES = SELECT.replace("a.body, a.body_html", "'' AS body, '' AS body_html");
    // Readers see published and scheduled articles whose time has come (see Article#isPublicAt).
    private static final String PUBLIC = " a.status IN ('published', 'scheduled') AND a.published_at <= :now ";

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final List<WriteListener> writeListeners = new CopyOnWriteArrayList<>();

    public ArticleStore(Jdbi jdbi, Dialect dialect) {
        this.jdbi = jdbi;
        this.dialect = dialect;
    }

    /**
     * Told of every article written (created, updated or deleted) inside the transaction that
     * writes it, on the same handle: what it writes commits or rolls back with the article (the
     * search feed's {@code search_change} row, so no other node can miss a change that committed).
     * A listener that throws rolls the article's write back.
     */
    @FunctionalInterface
    public interface WriteListener {
        void written(Handle handle, long articleId);
    }

    public void addWriteListener(WriteListener listener) {
        writeListeners.add(listener);
    }

    private void written(Handle h, long id) {
        for (var l : writeListeners) l.written(h, id);
    }

    /** Runs {@code work} in one transaction, which every Jdbi call of this thread inside it joins. */
    public <T> T inTransaction(java.util.function.Supplier<T> work) {
        return jdbi.inTransaction(h -> work.get());
    }

    /**
     * Stores a new article with its links in one transaction.
     *
     * @throws ConflictException when the draft's explicit id is taken
     */
    public Article insert(ArticleDraft d, String bodyHtml, Category category, Instant now) {
        return jdbi.inTransaction(h -> {
            long id;
            var sql = d.id().isPresent()
                    ? """
                    INSERT INTO article (id, title, lead, body, body_html, category_id, status, published_at,
                                         created_at, updated_at, featured_photo_id)
                    VALUES (:id, :title, :lead, :body, :html, :category, :status, :publishedAt, :now, :now, :photo)
                    ON CONFLICT (id) DO NOTHING
                    RETURNING id"""
                    : """
                    INSERT INTO article (title, lead, body, body_html, category_id, status, published_at,
                                         created_at, updated_at, featured_photo_id)
                    VALUES (:title, :lead, :body, :html, :category, :status, :publishedAt, :now, :now, :photo)
                    RETURNING id""";
            var q = h.createQuery(sql);
            d.id().ifPresent(v -> q.bind("id", v));
            // Two imports racing past the service's exists() check: the second finds the id taken.
            id = bindFields(q, d, bodyHtml, category, now).mapTo(Long.class).findOne()
                    .orElseThrow(() -> new ConflictException("article " + d.id().orElseThrow() + " already exists"));
            if (d.id().isPresent()) dialect.afterExplicitId(h, "article");
            writeLinks(h, id, d);
            written(h, id);
            return stored(id, d, bodyHtml, category, now, now);
        });
    }

    /** Replaces every field; false when there is no such article. */
    public Optional<Article> update(long id, ArticleDraft d, String bodyHtml, Category category, Instant now) {
        return jdbi.inTransaction(h -> {
            var q = h.createQuery("""
                    UPDATE article SET title = :title, lead = :lead, body = :body, body_html = :html,
                           category_id = :category, status = :status, published_at = :publishedAt, updated_at = :now,
                           featured_photo_id = :photo
                    WHERE id = :id RETURNING created_at""");
            q.bind("id", id);
            var created = bindFields(q, d, bodyHtml, category, now).mapTo(Long.class).findOne();
            if (created.isEmpty()) return Optional.<Article>empty();
            h.createUpdate("DELETE FROM article_tag WHERE article_id = :id").bind("id", id).execute();
            h.createUpdate("DELETE FROM article_author WHERE article_id = :id").bind("id", id).execute();
            writeLinks(h, id, d);
            written(h, id);
            return Optional.of(stored(id, d, bodyHtml, category, Instant.ofEpochMilli(created.get()), now));
        });
    }

    public boolean delete(long id) {
        return jdbi.inTransaction(h -> {
            boolean deleted = h.createUpdate("DELETE FROM article WHERE id = :id").bind("id", id).execute() > 0;
            if (deleted) written(h, id);
            return deleted;
        });
    }

    /** True when no article is stored, in any state (one indexed lookup, for start-up checks). */
    public boolean isEmpty() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM article LIMIT 1").mapTo(Long.class).findOne()).isEmpty();
    }

    public boolean exists(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM article WHERE id = :id")
                        .bind("id", id)
                        .mapTo(Long.class)
                        .one())
                > 0;
    }

    public Optional<Article> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    public Optional<Article> findPublic(long id, Instant now) {
        return find(id).filter(a -> a.isPublicAt(now));
    }

    /** The articles with these ids, any status, in no particular order. */
    public List<Article> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbi.withHandle(h -> load(h, h.createQuery(SELECT + " WHERE a.id IN (<ids>)").bindList("ids", ids)));
    }

    /**
     * Up to {@code limit} articles with ids above {@code afterId}, any status, in id order: a
     * stable walk over every article for rebuilding derived data (the search index).
     */
    public List<Article> listAfter(long afterId, int limit) {
        return jdbi.withHandle(h -> load(h, h.createQuery(SELECT + " WHERE a.id > :after ORDER BY a.id LIMIT :limit")
                .bind("after", afterId)
                .bind("limit", limit)));
    }

    /**
     * {@link #listAfter} without the Markdown source: {@code body} is empty, {@code bodyHtml} is
     * there. For derived data built from the rendered article (the search index reads only the
     * HTML): not decoding the source saves about a third of a rebuild's reading.
     */
    public List<Article> listRenderedAfter(long afterId, int limit) {
        return jdbi.withHandle(h -> load(h, h.createQuery(SELECT_RENDERED + " WHERE a.id > :after ORDER BY a.id LIMIT :limit")
                .bind("after", afterId)
                .bind("limit", limit)));
    }

    /** A listing, newest first; with {@code publicAt} only what readers may see at that instant. */
    public Page<Article> list(ArticleFilter f, PageRequest page, Optional<Instant> publicAt) {
        return list(f, page, publicAt, SELECT);
    }

    /**
     * {@link #list} without the bodies: {@code body} and {@code bodyHtml} are empty. For the
     * site's listings, which show titles, leads and dates: a page of twenty long articles would
     * otherwise read and decode every one of them in full.
     */
    public Page<Article> listHeadlines(ArticleFilter f, PageRequest page, Optional<Instant> publicAt) {
        return list(f, page, publicAt, SELECT_HEADLINES);
    }

    private Page<Article> list(ArticleFilter f, PageRequest page, Optional<Instant> publicAt, String select) {
        var where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> args = new HashMap<>();
        publicAt.ifPresent(now -> {
            where.append(" AND").append(PUBLIC);
            args.put("now", now.toEpochMilli());
        });
        f.status().ifPresent(s -> {
            where.append(" AND a.status = :status");
            args.put("status", s.key());
        });
        f.category().ifPresent(c -> {
            where.append(" AND c.slug = :categorySlug");
            args.put("categorySlug", c);
        });
        f.tag().ifPresent(t -> {
            where.append(" AND a.id IN (SELECT at.article_id FROM article_tag at JOIN tag t ON t.id = at.tag_id"
                    + " WHERE t.name = :tag)");
            args.put("tag", t);
        });
        f.author().ifPresent(au -> {
            where.append(" AND a.id IN (SELECT aa.article_id FROM article_author aa JOIN author u"
                    + " ON u.id = aa.author_id WHERE u.name = :author)");
            args.put("author", au);
        });
        return jdbi.withHandle(h -> {
            long total = h.createQuery("SELECT COUNT(*) FROM article a JOIN category c ON c.id = a.category_id" + where)
                    .bindMap(args)
                    .mapTo(Long.class)
                    .one();
            var q = h.createQuery(select + where
                            + " ORDER BY COALESCE(a.published_at, a.updated_at) DESC, a.id DESC LIMIT :limit OFFSET :offset")
                    .bindMap(args)
                    .bind("limit", page.size())
                    .bind("offset", page.offset());
            return new Page<>(load(h, q), page.number(), page.size(), total);
        });
    }

    private static Query bindFields(Query q, ArticleDraft d, String bodyHtml, Category category, Instant now) {
        return q.bind("title", d.title())
                .bind("lead", d.lead())
                .bind("body", d.body())
                .bind("html", bodyHtml)
                .bind("category", category.id())
                .bind("status", d.status().key())
                .bind("publishedAt", d.publishedAt().map(Instant::toEpochMilli).orElse(null))
                .bind("now", now.toEpochMilli())
                .bind("photo", d.featuredPhotoId().orElse(null));
    }

    private static void writeLinks(Handle h, long id, ArticleDraft d) {
        link(h, id, d.tags(), "tag", "article_tag", "tag_id");
        link(h, id, d.authors(), "author", "article_author", "author_id");
    }

    /**
     * Names are made as needed and linked in two batches per list: an import writes a hundred
     * thousand articles, and a round trip per name and link was most of its time.
     */
    private static void link(Handle h, long articleId, List<String> names, String table, String join, String col) {
        if (names.isEmpty()) return;
        var made = h.prepareBatch("INSERT INTO " + table + " (name) VALUES (:name) ON CONFLICT (name) DO NOTHING");
        var linked = h.prepareBatch("INSERT INTO " + join + " (article_id, " + col + ", position)"
                + " SELECT :a, id, :p FROM " + table + " WHERE name = :name");
        int position = 0;
        for (var name : names) {
            made.bind("name", name).add();
            linked.bind("a", articleId).bind("p", position++).bind("name", name).add();
        }
        made.execute();
        linked.execute();
    }

    /**
     * The article just written, from what was written (not read back): the database keeps
     * instants in milliseconds, and names exactly as given (the draft's are distinct).
     */
    private static Article stored(long id, ArticleDraft d, String bodyHtml, Category category, Instant created,
                                  Instant now) {
        return new Article(id, d.title(), d.lead(), d.body(), bodyHtml, category, d.tags(), d.authors(), d.status(),
                d.publishedAt().map(ArticleStore::millis), millis(created), millis(now), d.featuredPhotoId());
    }

    private static Instant millis(Instant at) {
        return Instant.ofEpochMilli(at.toEpochMilli());
    }

    private static Optional<Article> find(Handle h, long id) {
        return load(h, h.createQuery(SELECT + " WHERE a.id = :id").bind("id", id)).stream().findFirst();
    }

    private static List<Article> load(Handle h, Query q) {
        record Row(long id, String title, String lead, String body, String html, String status, Long publishedAt,
                   long created, long updated, Long photo, Category category) {}
        var rows = q.map((rs, ctx) -> new Row(
                        rs.getLong("id"), rs.getString("title"), rs.getString("lead"), rs.getString("body"),
                        rs.getString("body_html"), rs.getString("status"),
                        rs.getObject("published_at") == null ? null : rs.getLong("published_at"),
                        rs.getLong("created_at"), rs.getLong("updated_at"),
                        rs.getObject("featured_photo_id") == null ? null : rs.getLong("featured_photo_id"),
                        new Category(rs.getLong("c_id"), rs.getString("c_slug"), rs.getString("c_name"),
                                rs.getString("c_section"))))
                .list();
        if (rows.isEmpty()) return List.of();
        var ids = rows.stream().map(Row::id).toList();
        var tags = names(h, ids, "tag", "article_tag", "tag_id");
        var authors = names(h, ids, "author", "article_author", "author_id");
        var out = new ArrayList<Article>(rows.size());
        for (var r : rows) {
            out.add(new Article(r.id, r.title, r.lead, r.body, r.html, r.category,
                    tags.getOrDefault(r.id, List.of()), authors.getOrDefault(r.id, List.of()),
                    Status.parse(r.status).orElseThrow(),
                    Optional.ofNullable(r.publishedAt).map(Instant::ofEpochMilli),
                    Instant.ofEpochMilli(r.created), Instant.ofEpochMilli(r.updated), Optional.ofNullable(r.photo)));
        }
        return out;
    }

    private static Map<Long, List<String>> names(Handle h, List<Long> ids, String table, String join, String col) {
        Map<Long, List<String>> out = new LinkedHashMap<>();
        h.createQuery("SELECT j.article_id, n.name FROM " + join + " j JOIN " + table + " n ON n.id = j." + col
                        + " WHERE j.article_id IN (<ids>) ORDER BY j.article_id, j.position")
                .bindList("ids", ids)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }
}
