package kiji.newsroom;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import kiji.article.ArticleEvent;
import kiji.article.Permalinks;
import org.jdbi.v3.core.Jdbi;

/**
 * Webhook registrations and the delivery queue. An article event becomes
 * {@code article.published}, {@code article.updated} (changed while public) or
 * {@code article.unpublished}; draft edits send nothing. Events are queued in the database
 * (never sent inside the editor's request) and sent by {@link WebhookSender}.
 */
public final class Webhooks {
    /** A registered URL. */
    public record Hook(long id, String url, String secret, Instant createdAt, boolean active) {}

    /** One queued or finished delivery, as the admin page shows it. */
    public record Delivery(long id, long webhookId, String event, long articleId, String state, int attempts,
                           Instant nextAttemptAt, Optional<Integer> lastStatus, String lastError, Instant createdAt) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Jdbi jdbi;
    private final Clock clock;
    private final Permalinks permalinks;
    private final String baseUrl;
    private final SecureRandom random = new SecureRandom();

    public Webhooks(Jdbi jdbi, Clock clock, Permalinks permalinks, String baseUrl) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.permalinks = permalinks;
        this.baseUrl = baseUrl;
    }

    /** Registers a URL (http or https) and returns it with its signing secret. */
    public Hook add(String url) {
        var u = url == null ? "" : url.strip();
        URI uri;
        try {
            uri = URI.create(u);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || u.length() > 500 || uri.getHost() == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new NewsroomException(400, "URL は http:// または https:// で始まる正しい形で入力してください（500文字まで）。");
        }
        var bytes = new byte[32];
        random.nextBytes(bytes);
        var secret = HexFormat.of().formatHex(bytes);
        return jdbi.withHandle(h -> h.createQuery("INSERT INTO webhook (url, secret, created_at) VALUES (:u, :s, :now)"
                        + " RETURNING id, url, secret, created_at, disabled_at")
                .bind("u", u).bind("s", secret).bind("now", clock.millis())
                .map((rs, ctx) -> hook(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getObject(5)))
                .one());
    }

    boolean disable(long id) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE webhook SET disabled_at = :now WHERE id = :id AND disabled_at IS NULL")
                .bind("now", clock.millis()).bind("id", id).execute()) > 0;
    }

    public List<Hook> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, url, secret, created_at, disabled_at FROM webhook ORDER BY id")
                .map((rs, ctx) -> hook(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getObject(5)))
                .list());
    }

    public List<Delivery> recentDeliveries(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, webhook_id, event, article_id, state, attempts, next_attempt_at, last_status,
                               last_error, created_at FROM webhook_delivery ORDER BY id DESC LIMIT :n""")
                .bind("n", limit)
                .map((rs, ctx) -> new Delivery(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getInt(6), Instant.ofEpochMilli(rs.getLong(7)),
                        Optional.ofNullable(rs.getObject(8) == null ? null : rs.getInt(8)),
                        Optional.ofNullable(rs.getString(9)).orElse(""), Instant.ofEpochMilli(rs.getLong(10))))
                .list());
    }

    /** The ArticleService listener: works out what happened for readers and queues a delivery per active hook. */
    public void on(ArticleEvent event) {
        var now = clock.instant();
        boolean isPublic = event.article().map(a -> a.isPublicAt(now)).orElse(false);
        jdbi.useTransaction(h -> {
            // The change of state is read from the write itself (rows changed), not from a read
            // before it: two nodes hearing of one article at once (the scheduled publisher on one,
            // an editor on another) cannot both see it turn public and both announce it.
            String name;
            if (isPublic) {
                int turned = h.createUpdate("""
                                INSERT INTO webhook_article_state (article_id, is_public) VALUES (:id, 1)
                                ON CONFLICT (article_id) DO UPDATE SET is_public = 1
                                WHERE webhook_article_state.is_public <> 1""")
                        .bind("id", event.id()).execute();
                name = turned == 1 ? "article.published" : "article.updated";
            } else {
                int turned = h.createUpdate(
                                "UPDATE webhook_article_state SET is_public = 0 WHERE article_id = :id AND is_public = 1")
                        .bind("id", event.id()).execute();
                name = turned == 1 ? "article.unpublished" : null;
            }
            if (name == null) return;
            var body = new LinkedHashMap<String, Object>();
            body.put("event", name);
            body.put("articleId", event.id());
            event.article().ifPresent(a -> {
                body.put("title", a.title());
                body.put("url", baseUrl + permalinks.of(a));
                body.put("publishedAt", a.publishedAt().map(Instant::toString).orElse(null));
            });
            body.put("occurredAt", now.toString());
            String payload;
            try {
                payload = JSON.writeValueAsString(body);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            h.createUpdate("""
                            INSERT INTO webhook_delivery (webhook_id, event, article_id, payload, state, attempts,
                                                          next_attempt_at, created_at)
                            SELECT id, :event, :article, :payload, 'pending', 0, :now, :now FROM webhook
                            WHERE disabled_at IS NULL""")
                    .bind("event", name).bind("article", event.id()).bind("payload", payload)
                    .bind("now", now.toEpochMilli()).execute();
        });
    }

    private static Hook hook(long id, String url, String secret, long created, Object disabled) {
        return new Hook(id, url, secret, Instant.ofEpochMilli(created), disabled == null);
    }
}
