package kiji.search;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code search_change} table: appended by the node that changes an article or a fixed page,
 * read by all.
 */
final class ChangeLog {
    /** One change: reload {@code subject} {@code id}; {@code seq} orders changes. */
    record Change(long seq, ChangeSubject subject, long id) {}

    private final Jdbi jdbi;

    ChangeLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Appends a change on {@code h}, in whatever transaction it is in (the changed row's own); its seq. */
    static long record(Handle h, ChangeSubject subject, long id, Instant at) {
        return h.createQuery("""
                        INSERT INTO search_change (subject, article_id, changed_at) VALUES (:subject, :id, :at)
                        RETURNING seq""")
                .bind("subject", subject.key()).bind("id", id).bind("at", at.toEpochMilli()).mapTo(Long.class).one();
    }

    /** Changes after {@code seq}, oldest first, at most {@code limit}. */
    List<Change> after(long seq, int limit) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT seq, subject, article_id FROM search_change WHERE seq > :seq ORDER BY seq LIMIT :limit")
                .bind("seq", seq).bind("limit", limit)
                .map((rs, ctx) -> new Change(rs.getLong(1), ChangeSubject.of(rs.getString(2)), rs.getLong(3))).list());
    }

    /** The newest sequence number, 0 when the table is empty. */
    long newest() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM search_change").mapTo(Long.class).one());
    }

    /** The oldest sequence number still kept, 0 when the table is empty. */
    long oldest() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MIN(seq), 0) FROM search_change").mapTo(Long.class).one());
    }

    /**
     * Forgets changes older than {@code before}, always keeping the newest row: SQLite would
     * otherwise hand out its numbers again from 1 once the table is empty.
     */
    int prune(Instant before) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        DELETE FROM search_change WHERE changed_at < :before
                        AND seq < (SELECT MAX(seq) FROM search_change)""")
                .bind("before", before.toEpochMilli()).execute());
    }
}
