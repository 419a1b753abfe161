package kiji.newsroom;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import kiji.article.ArticlePhoto;
import kiji.article.PhotoUrls;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Uploading photos (checked, stripped, resized by {@link PhotoProcessor}) and finding them again. */
public final class Photos {
    /** The largest file an upload or an import may be (10 MB): bigger ones are refused unread. */
    public static final int MAX_BYTES = PhotoProcessor.MAX_BYTES;
    private static final String COLUMNS = "id, content_type, width, height, variants, caption, credit, uploaded_by, created_at";
    private final RowMapper<Photo> mapper;
    private final Jdbi jdbi;
    private final MediaStore store;
    private final Clock clock;
    private final PhotoProcessor processor = new PhotoProcessor();

    public Photos(Jdbi jdbi, MediaStore store, Clock clock) {
        this(jdbi, store, clock, PhotoUrls.SITE);
    }

    /** {@code urls}: where pages, feeds and the newsroom point browsers for the files (Kiji or a CDN). */
    public Photos(Jdbi jdbi, MediaStore store, Clock clock, PhotoUrls urls) {
        this.jdbi = jdbi;
        this.store = store;
        this.clock = clock;
        this.mapper = (rs, ctx) -> new Photo(rs.getLong("id"),
                rs.getString("content_type").equals("image/png") ? "png" : "jpg", rs.getInt("width"), rs.getInt("height"),
                Arrays.stream(rs.getString("variants").split(",")).map(Integer::valueOf).toList(),
                rs.getString("caption"), rs.getString("credit"), rs.getString("uploaded_by"),
                Instant.ofEpochMilli(rs.getLong("created_at")), urls);
    }

    /** Checks and stores an upload; throws {@link PhotoProcessor.Refused} with the reason otherwise. */
    Photo upload(byte[] bytes, String caption, String credit, User by) {
        var cleanCaption = text(caption, 300, "キャプション");
        var cleanCredit = text(credit, 100, "クレジット");
        var result = processor.process(bytes);
        return store(insert(result, cleanCaption, cleanCredit, by.username()), result);
    }

    /**
     * A photo brought in by {@code kiji import --media} (a file of the old site's uploads): the
     * same checks, size limits, re-encoding and variants as an upload. Called inside the import's
     * transaction; with {@code rowOnly} (a dry run, which is rolled back) the file is checked and
     * processed, its row made, and no file written.
     *
     * @param importedBy what {@code uploaded_by} says, e.g. {@code import:wordpress}
     * @throws IllegalArgumentException with the Japanese reason when the file is not a photo Kiji takes
     */
    public Photo importFile(byte[] bytes, String caption, String importedBy, boolean rowOnly) {
        PhotoProcessor.Result result;
        String cleanCaption;
        try {
            cleanCaption = text(caption, 300, "キャプション");
            result = processor.process(bytes);
        } catch (PhotoProcessor.Refused e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        var photo = insert(result, cleanCaption, "", importedBy);
        return rowOnly ? photo : store(photo, result);
    }

    /** A new caption for a photo an import made, when the export's changed (same checks as an upload's). */
    public void importCaption(long id, String caption) {
        String clean;
        try {
            clean = text(caption, 300, "キャプション");
        } catch (PhotoProcessor.Refused e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        jdbi.useHandle(h -> h.createUpdate("UPDATE media SET caption = :c WHERE id = :id")
                .bind("c", clean).bind("id", id).execute());
    }

    /**
     * Deletes the files of a photo whose row is not in the table: an import that stored them and
     * then failed, so its transaction rolled the row back. A photo still in the table keeps them.
     */
    public void discardUncommitted(long id) {
        if (find(id).isEmpty()) store.deleteAll(String.valueOf(id));
    }

    private Photo insert(PhotoProcessor.Result result, String caption, String credit, String by) {
        var variants = String.join(",", result.variants().keySet().stream().map(String::valueOf).toList());
        var contentType = result.format().equals("png") ? "image/png" : "image/jpeg";
        return jdbi.withHandle(h -> h.createQuery("INSERT INTO media (content_type, width, height, variants, caption,"
                        + " credit, uploaded_by, created_at) VALUES (:t, :w, :h, :v, :c, :cr, :by, :now) RETURNING " + COLUMNS)
                .bind("t", contentType).bind("w", result.width()).bind("h", result.height()).bind("v", variants)
                .bind("c", caption).bind("cr", credit).bind("by", by).bind("now", clock.millis())
                .map(mapper).one());
    }

    private Photo store(Photo photo, PhotoProcessor.Result result) {
        try {
            // Files a killed import left under this number (its row rolled back, and SQLite hands the
            // number out again) must not be served as this photo's.
            store.deleteAll(String.valueOf(photo.id()));
            result.variants().forEach((w, data) -> store.put(photo.id() + "/" + w + "." + photo.format(), data));
        } catch (RuntimeException e) {
            // Nothing half-stored: without its files the row would be a broken photo.
            store.deleteAll(String.valueOf(photo.id()));
            jdbi.useHandle(h -> h.createUpdate("DELETE FROM media WHERE id = :id").bind("id", photo.id()).execute());
            throw e;
        }
        return photo;
    }

    public Optional<Photo> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM media WHERE id = :id")
                .bind("id", id).map(mapper).findOne());
    }

    /**
     * A photo as articles show it (kiji.article's {@link ArticlePhoto.Library}), with the byte
     * size of its largest variant for feed enclosures; empty for an unknown id.
     */
    public Optional<ArticlePhoto> forArticle(long id) {
        return find(id).map(p -> p.shown(store.size(largestKey(p)).orElse(0)));
    }

    private static String largestKey(Photo p) {
        return p.id() + "/" + p.variants().get(p.variants().size() - 1) + "." + p.format();
    }

    public List<Photo> recent(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM media ORDER BY id DESC LIMIT :n")
                .bind("n", limit).map(mapper).list());
    }

    /** The bytes of one stored variant, e.g. {@code file("960.jpg")} of photo 12. */
    Optional<byte[]> file(long id, String name) {
        return store.get(id + "/" + name);
    }

    private static String text(String value, int max, String label) {
        var v = value == null ? "" : value.strip();
        if (v.length() > max || v.chars().anyMatch(Character::isISOControl)) {
            throw new PhotoProcessor.Refused(400, label + "は" + max + "文字以内で入力してください。");
        }
        return v;
    }
}
