package kiji.page;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import kiji.article.ConflictException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The {@code fixed_page} table. A path names one page (a unique column): a write that would
 * give a second page the same path is a {@link ConflictException}, also when two writers race.
 * Every write tells the {@link WriteListener}s inside its own transaction.
 */
public final class FixedPageStore {
    private static final String COLUMNS = "id, path, title, format, body, body_html, status, created_at, updated_at";
    static final RowMapper<FixedPage> MAPPER = (rs, ctx) -> new FixedPage(rs.getLong("id"), rs.getString("path"),
            rs.getString("title"), PageFormat.parse(rs.getString("format")).orElse(PageFormat.MARKDOWN),
            rs.getString("body"), rs.getString("body_html"),
            PageStatus.parse(rs.getString("status")).orElse(PageStatus.DRAFT),
            Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")));

    /**
     * Told of each page written or deleted, on the write's handle, before it commits: how the
     * change feed's row is written in the page's own transaction. A listener that throws rolls
     * the write back.
     */
    @FunctionalInterface
    public interface WriteListener {
        void written(Handle handle, long pageId);
    }

    private final Jdbi jdbi;
    private final List<WriteListener> writeListeners = new CopyOnWriteArrayList<>();

    public FixedPageStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void addWriteListener(WriteListener listener) {
        writeListeners.add(listener);
    }

    private void written(Handle h, long pageId) {
        for (var l : writeListeners) l.written(h, pageId);
    }

    private FixedPage written(Handle h, FixedPage page) {
        written(h, page.id());
        return page;
    }

    private Optional<FixedPage> written(Handle h, Optional<FixedPage> page) {
        page.ifPresent(p -> written(h, p.id()));
        return page;
    }

    /** The columns every write of a page sets, by their parameter names. */
    private static java.util.Map<String, Object> fields(FixedPage page, Instant now) {
        return java.util.Map.of("path", page.path(), "title", page.title(), "format", page.format().key(),
                "body", page.body(), "html", page.bodyHtml(), "status", page.status().key(), "now", now.toEpochMilli());
    }

    /** A page written as {@code page} says (its id and times are ignored); conflict when the path is taken. */
    FixedPage insert(FixedPage page, Instant now) {
        return jdbi.inTransaction(h -> h.createQuery("""
                        INSERT INTO fixed_page (path, title, format, body, body_html, status, created_at, updated_at)
                        VALUES (:path, :title, :format, :body, :html, :status, :now, :now)
                        ON CONFLICT (path) DO NOTHING
                        RETURNING""" + " " + COLUMNS)
                .bindMap(fields(page, now))
                .map(MAPPER)
                .findOne()
                .map(inserted -> written(h, inserted))
                .orElseThrow(() -> taken(page.path())));
    }

    /** Replaces page {@code id}'s contents; empty when there is no such page. */
    Optional<FixedPage> update(long id, FixedPage page, Instant now) {
        try {
            return updateOnce(id, page, now);
        } catch (UnableToExecuteStatementException e) {
            // another writer took the path between the check and the write: the unique column said no
            if (findByPath(page.path()).filter(other -> other.id() != id).isPresent()) throw taken(page.path());
            throw e;
        }
    }

    private Optional<FixedPage> updateOnce(long id, FixedPage page, Instant now) {
        return jdbi.inTransaction(h -> {
            if (pathTakenByOther(h, page.path(), id)) throw taken(page.path());
            return written(h, h.createQuery("""
                            UPDATE fixed_page SET path = :path, title = :title, format = :format, body = :body,
                              body_html = :html, status = :status, updated_at = :now
                            WHERE id = :id
                            RETURNING""" + " " + COLUMNS)
                    .bind("id", id)
                    .bindMap(fields(page, now))
                    .map(MAPPER)
                    .findOne());
        });
    }

    /** Creates the page at {@code page.path()}, or replaces the one there (keeping its id and creation time). */
    FixedPage upsert(FixedPage page, Instant now) {
        return jdbi.inTransaction(h -> written(h, h.createQuery("""
                        INSERT INTO fixed_page (path, title, format, body, body_html, status, created_at, updated_at)
                        VALUES (:path, :title, :format, :body, :html, :status, :now, :now)
                        ON CONFLICT (path) DO UPDATE SET title = excluded.title, format = excluded.format,
                          body = excluded.body, body_html = excluded.body_html, status = excluded.status,
                          updated_at = excluded.updated_at
                        RETURNING""" + " " + COLUMNS)
                .bindMap(fields(page, now))
                .map(MAPPER)
                .one()));
    }

    Optional<FixedPage> setStatus(long id, PageStatus status, Instant now) {
        return jdbi.inTransaction(h -> written(h, h.createQuery(
                        "UPDATE fixed_page SET status = :status, updated_at = :now WHERE id = :id RETURNING " + COLUMNS)
                .bind("id", id)
                .bind("status", status.key())
                .bind("now", now.toEpochMilli())
                .map(MAPPER)
                .findOne()));
    }

    boolean delete(long id) {
        return jdbi.inTransaction(h -> {
            boolean deleted = h.createUpdate("DELETE FROM fixed_page WHERE id = :id").bind("id", id).execute() > 0;
            if (deleted) written(h, id);
            return deleted;
        });
    }

    public Optional<FixedPage> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM fixed_page WHERE id = :id")
                .bind("id", id)
                .map(MAPPER)
                .findOne());
    }

    public Optional<FixedPage> findByPath(String path) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM fixed_page WHERE path = :path")
                .bind("path", path)
                .map(MAPPER)
                .findOne());
    }

    /** Every page, drafts too, by path (the newsroom's list and the admin API). */
    public List<FixedPage> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM fixed_page ORDER BY path, id")
                .map(MAPPER)
                .list());
    }

    /** The published pages in the order they were made (the footer, the sitemap). */
    public List<FixedPage> published() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM fixed_page WHERE status = :published ORDER BY id")
                .bind("published", PageStatus.PUBLISHED.key())
                .map(MAPPER)
                .list());
    }

    private static boolean pathTakenByOther(Handle h, String path, long id) {
        return h.createQuery("SELECT COUNT(*) FROM fixed_page WHERE path = :path AND id <> :id")
                .bind("path", path)
                .bind("id", id)
                .mapTo(Long.class)
                .one() > 0;
    }

    private static ConflictException taken(String path) {
        return new ConflictException("a page already lives at " + path);
    }
}
