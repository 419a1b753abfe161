package kiji.importer;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code import_source} table: what an import made from each (source, source id), so a second
 * import of the same file updates instead of duplicating, and WordPress post ids (in old links
 * and in WordPress Popular Posts' history) find their articles. Runs on the caller's transaction
 * when there is one (Jdbi reuses a thread's open handle). Attachments imported with
 * {@code --media} are kept here too (kind {@code photo}, with the file's checksum).
 */
public final class SourceMap {
    /** What an item became: an article (by id) or a page (by path). */
    public record Target(String kind, Optional<Long> articleId, Optional<String> path) {}

    private final Jdbi jdbi;

    public SourceMap(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What an item became; empty for an unknown id and for an attachment (a photo is neither). */
    public Optional<Target> find(String source, String sourceId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT kind, target_id, target_path FROM import_source
                        WHERE source = :source AND source_id = :id AND kind IN ('article', 'page')""")
                .bind("source", source).bind("id", sourceId)
                .map((rs, ctx) -> new Target(rs.getString(1),
                        rs.getObject(2) == null ? Optional.empty() : Optional.of(rs.getLong(2)),
                        Optional.ofNullable(rs.getString(3))))
                .findOne());
    }

    private static final String UPSERT = """
            INSERT INTO import_source (source, source_id, kind, target_id, target_path, imported_at)
            VALUES (:source, :id, :kind, :article, :path, :now)
            ON CONFLICT (source, source_id) DO UPDATE SET kind = :kind, target_id = :article,
                target_path = :path, imported_at = :now""";

    /** The photo an attachment became, if an import with {@code --media} made one. */
    public Optional<Long> photoId(String source, String sourceId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT target_id FROM import_source
                        WHERE source = :source AND source_id = :id AND kind = 'photo' AND target_id IS NOT NULL""")
                .bind("source", source).bind("id", sourceId).mapTo(Long.class).findOne());
    }

    /** What one import run records, in batches on its handle: {@link Writes#flush} before it ends. */
    Writes writes(org.jdbi.v3.core.Handle handle) {
        return new Writes(new BatchedWrites(handle, UPSERT));
    }

    record Writes(BatchedWrites rows) {
        void putArticle(String source, String sourceId, long articleId, Instant now) {
            put(source, sourceId, "article", articleId, null, now);
        }

        void putPage(String source, String sourceId, String path, Instant now) {
            put(source, sourceId, "page", null, path, now);
        }

        private void put(String source, String sourceId, String kind, Long articleId, String path, Instant now) {
            rows.add(b -> b.bind("source", source).bind("id", sourceId).bind("kind", kind)
                    .bind("article", articleId).bind("path", path).bind("now", now.toEpochMilli()));
        }

        void flush() {
            rows.flush();
        }
    }

    /** An attachment that became a photo: its id, its file under the uploads folder and old address, the file's SHA-256. */
    record PhotoRow(long photoId, String file, String url, String checksum) {}

    void putPhoto(String source, String sourceId, PhotoRow photo, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO import_source (source, source_id, kind, target_id, target_path, checksum, source_url,
                                                   imported_at)
                        VALUES (:source, :id, 'photo', :photo, :file, :checksum, :url, :now)
                        ON CONFLICT (source, source_id) DO UPDATE SET kind = 'photo', target_id = :photo,
                            target_path = :file, checksum = :checksum, source_url = :url, imported_at = :now""")
                .bind("source", source).bind("id", sourceId).bind("photo", photo.photoId()).bind("file", photo.file())
                .bind("url", photo.url())
                .bind("checksum", photo.checksum()).bind("now", now.toEpochMilli())
                .execute());
    }

    /** Every attachment of {@code source} that became a photo, by source id (one query per import). */
    Map<String, PhotoRow> photosBySourceId(String source) {
        Map<String, PhotoRow> out = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT source_id, target_id, target_path, source_url, checksum FROM import_source
                        WHERE source = :source AND kind = 'photo' AND target_id IS NOT NULL""")
                .bind("source", source)
                .map((rs, ctx) -> Map.entry(rs.getString(1), new PhotoRow(rs.getLong(2), orEmpty(rs.getString(3)),
                        orEmpty(rs.getString(4)), orEmpty(rs.getString(5)))))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    /** Every source id of {@code source} that became an article, with its article id (one query per import). */
    Map<String, Long> articlesBySourceId(String source) {
        Map<String, Long> out = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT source_id, target_id FROM import_source
                        WHERE source = :source AND kind = 'article' AND target_id IS NOT NULL""")
                .bind("source", source)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    /** Every numeric source id of {@code source} that became an article, with its article id. */
    public Map<Long, Long> articleIds(String source) {
        Map<Long, Long> out = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT source_id, target_id FROM import_source
                        WHERE source = :source AND kind = 'article' AND target_id IS NOT NULL""")
                .bind("source", source)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> {
                    if (e.getKey().matches("[0-9]{1,18}")) out.put(Long.parseLong(e.getKey()), e.getValue());
                }));
        return out;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
