package kiji.newsroom;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Server-side sessions. The cookie holds 32 random bytes; the table holds their SHA-256, so a
 * leaked database does not sign anyone in. A session ends after 12 hours without use, after 7
 * days in any case, at sign-out, or at once when its user is disabled.
 */
public final class Sessions {
    static final Duration IDLE = Duration.ofHours(12);
    static final Duration ABSOLUTE = Duration.ofDays(7);
    // Refreshing last_seen on every request would make each page view a write.
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(5);

    private final Jdbi jdbi;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Sessions(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Session.Opened open(User user) {
        var token = randomToken();
        var csrf = randomToken();
        var now = clock.instant();
        var expires = now.plus(IDLE);
        long id = jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO newsroom_session (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at)
                        VALUES (:hash, :user, :csrf, :now, :now, :expires) RETURNING id""")
                .bind("hash", ApiTokens.hash(token))
                .bind("user", user.id())
                .bind("csrf", csrf)
                .bind("now", now.toEpochMilli())
                .bind("expires", expires.toEpochMilli())
                .mapTo(Long.class)
                .one());
        return new Session.Opened(token, new Session(id, user, csrf, now, expires));
    }

    /** The live session for this cookie value, if any; extends its idle time. */
    public Optional<Session> find(String token) {
        if (token == null || token.length() != 43) return Optional.empty();
        var now = clock.instant();
        record Row(long id, long userId, String csrf, long created, long lastSeen, long expires) {}
        var row = jdbi.withHandle(h -> h.createQuery("""
                        SELECT s.id, s.user_id, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at
                        FROM newsroom_session s JOIN newsroom_user u ON u.id = s.user_id
                        WHERE s.token_hash = :hash AND u.disabled_at IS NULL""")
                .bind("hash", ApiTokens.hash(token))
                .map((rs, ctx) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6)))
                .findOne());
        if (row.isEmpty()) return Optional.empty();
        var r = row.get();
        if (r.expires <= now.toEpochMilli()) {
            close(r.id);
            return Optional.empty();
        }
        var user = new Users(jdbi, clock).find(r.userId).filter(User::active);
        if (user.isEmpty()) return Optional.empty();
        var expires = Instant.ofEpochMilli(r.expires);
        if (now.toEpochMilli() - r.lastSeen >= TOUCH_EVERY.toMillis()) {
            var created = Instant.ofEpochMilli(r.created);
            var next = now.plus(IDLE);
            expires = next.isAfter(created.plus(ABSOLUTE)) ? created.plus(ABSOLUTE) : next;
            long e = expires.toEpochMilli();
            jdbi.useHandle(h -> h.createUpdate("UPDATE newsroom_session SET last_seen_at = :now, expires_at = :e WHERE id = :id")
                    .bind("now", now.toEpochMilli()).bind("e", e).bind("id", r.id).execute());
        }
        return Optional.of(new Session(r.id, user.get(), r.csrf, Instant.ofEpochMilli(r.created), expires));
    }

    public void close(long sessionId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM newsroom_session WHERE id = :id").bind("id", sessionId).execute());
    }

    /** Removes expired rows; cheap to call now and then. */
    public int purgeExpired() {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM newsroom_session WHERE expires_at <= :now")
                .bind("now", clock.millis()).execute());
    }

    String randomToken() {
        var bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
