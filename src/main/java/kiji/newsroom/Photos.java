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
        var variants = String.join(",", result.variants().keySet().stream().map(String::valueOf).toList());
        var contentType = result.format().equals("png") ? "image/png" : "image/jpeg";
        var photo = jdbi.withHandle(h -> h.createQuery("INSERT INTO media (content_type, width, height, variants, caption,"
                        + " credit, uploaded_by, created_at) VALUES (:t, :w, :h, :v, :c, :cr, :by, :now) RETURNING " + COLUMNS)
                .bind("t", contentType).bind("w", result.width()).bind("h", result.height()).bind("v", variants)
                .bind("c", cleanCaption).bind("cr", cleanCredit).bind("by", by.username()).bind("now", clock.millis())
                .map(mapper).one());
        try {
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
