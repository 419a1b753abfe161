package kiji.importer;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.jdbi.v3.core.Jdbi;

/**
 * Old URLs answered with a 301: the {@code redirect} table, consulted only where the site would
 * answer 404 (so a live article or page always wins), plus WordPress's {@code /?p=ID} and
 * {@code /?page_id=ID} through {@link SourceMap}, and an attachment's {@code /?attachment_id=ID}
 * (or {@code /?p=ID}) to the photo an import made of it, as SEO plugins send attachment pages to
 * the file. An article target is turned into its permalink when asked, and only while readers may see it.
 */
public final class Redirects {
    /** One stored redirect: to an article, or to a path. */
    public record Redirect(String path, Optional<Long> articleId, Optional<String> target) {}

    private final Jdbi jdbi;
    private final SourceMap sources;
    private final LongFunction<Optional<String>> publicUrl;
    private final LongFunction<Optional<String>> photoUrl;
    private final Clock clock;

    /** @param publicUrl an article's permalink while it is public, else empty */
    public Redirects(Jdbi jdbi, SourceMap sources, LongFunction<Optional<String>> publicUrl, Clock clock) {
        this(jdbi, sources, publicUrl, id -> Optional.empty(), clock);
    }

    /** @param photoUrl a photo's largest variant's URL, empty for an unknown photo */
    public Redirects(Jdbi jdbi, SourceMap sources, LongFunction<Optional<String>> publicUrl,
                     LongFunction<Optional<String>> photoUrl, Clock clock) {
        this.jdbi = jdbi;
        this.sources = sources;
        this.publicUrl = publicUrl;
        this.photoUrl = photoUrl;
        this.clock = clock;
    }

    /** Where an old path now lives; {@code rawPath} as the request named it (escaped or not). */
    public Optional<String> target(String rawPath) {
        var path = OldPaths.normalize(rawPath);
        if (path.length() > 500) return Optional.empty();
        return find(path).flatMap(this::resolve);
    }

    /** The new home of WordPress's {@code /?p=ID} (a post, or an attachment) or {@code /?page_id=ID} (a page). */
    public Optional<String> wordpressId(String id) {
        if (id == null || !id.matches("[0-9]{1,19}")) return Optional.empty();
        return sources.find("wordpress", id).<String>flatMap(t -> t.articleId().isPresent()
                ? publicUrl.apply(t.articleId().get()) : t.path()).or(() -> wordpressAttachment(id));
    }

    /** The photo an import made of WordPress attachment {@code id} ({@code /?attachment_id=ID}). */
    public Optional<String> wordpressAttachment(String id) {
        if (id == null || !id.matches("[0-9]{1,19}")) return Optional.empty();
        return sources.photoId("wordpress", id).flatMap(photoUrl::apply);
    }

    public List<Redirect> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT path, article_id, target FROM redirect ORDER BY path")
                .map((rs, ctx) -> new Redirect(rs.getString(1),
                        rs.getObject(2) == null ? Optional.empty() : Optional.of(rs.getLong(2)),
                        Optional.ofNullable(rs.getString(3))))
                .list());
    }

    /** The redirects as the newsroom edits them ({@code /newsroom/redirects}). */
    public kiji.newsroom.RedirectBook book() {
        return new kiji.newsroom.RedirectBook() {
            @Override
            public List<Entry> list() {
                return all().stream().map(r -> new Entry(r.path(), r.articleId()
                        .map(id -> "記事 " + id + publicUrl.apply(id).map(u -> "（" + u + "）").orElse("（非公開）"))
                        .orElse(r.target().orElse("")))).toList();
            }

            @Override
            public void put(String path, String target) {
                var from = OldPaths.normalize(path);
                if (path.isEmpty() || !path.startsWith("/") || path.startsWith("//") || from.length() > 500
                        || from.chars().anyMatch(c -> c <= ' ')) {
                    throw new IllegalArgumentException("旧パスは / で始まる 500 文字までのパスで、空白を含められません");
                }
                if (from.equals("/") || from.startsWith("/newsroom") || from.startsWith("/api/")) {
                    throw new IllegalArgumentException("トップページ・編集室・API のパスは転送できません");
                }
                boolean local = target.startsWith("/") && !target.startsWith("//");
                if (target.length() > 500 || !(local || target.matches("https?://[^\\s]+"))
                        || target.chars().anyMatch(c -> c <= ' ')) {
                    throw new IllegalArgumentException("転送先は / で始まるパスか http(s):// の URL で指定してください");
                }
                if (local && OldPaths.normalize(target).equals(from)) {
                    throw new IllegalArgumentException("旧パスと転送先が同じです");
                }
                toPath(from, target);
            }

            @Override
            public boolean remove(String path) {
                return jdbi.withHandle(h -> h.createUpdate("DELETE FROM redirect WHERE path = :path")
                        .bind("path", OldPaths.normalize(path)).execute()) > 0;
            }
        };
    }

    private static final String UPSERT = """
            INSERT INTO redirect (path, article_id, target, created_at) VALUES (:path, :article, :target, :now)
            ON CONFLICT (path) DO UPDATE SET article_id = :article, target = :target""";

    void toArticle(String path, long articleId) {
        jdbi.useHandle(h -> bind(h.createUpdate(UPSERT), path, articleId, null).execute());
    }

    void toPath(String path, String target) {
        jdbi.useHandle(h -> bind(h.createUpdate(UPSERT), path, null, target).execute());
    }

    /** What one import run writes, in batches on its handle: {@link Writes#flush} before it ends. */
    Writes writes(org.jdbi.v3.core.Handle handle) {
        return new Writes(new BatchedWrites(handle, UPSERT));
    }

    final class Writes {
        private final BatchedWrites rows;

        Writes(BatchedWrites rows) {
            this.rows = rows;
        }

        void toArticle(String path, long articleId) {
            rows.add(b -> bind(b, path, articleId, null));
        }

        void toPath(String path, String target) {
            rows.add(b -> bind(b, path, null, target));
        }

        void flush() {
            rows.flush();
        }
    }

    private <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bind(S statement, String path, Long articleId,
                                                                         String target) {
        return statement.bind("path", path).bind("article", articleId).bind("target", target)
                .bind("now", clock.instant().toEpochMilli());
    }

    private Optional<Redirect> find(String path) {
        return jdbi.withHandle(h -> h.createQuery("SELECT path, article_id, target FROM redirect WHERE path = :path")
                .bind("path", path)
                .map((rs, ctx) -> new Redirect(rs.getString(1),
                        rs.getObject(2) == null ? Optional.empty() : Optional.of(rs.getLong(2)),
                        Optional.ofNullable(rs.getString(3))))
                .findOne());
    }

    private Optional<String> resolve(Redirect r) {
        return r.articleId().isPresent() ? publicUrl.apply(r.articleId().get()) : r.target();
    }
}
