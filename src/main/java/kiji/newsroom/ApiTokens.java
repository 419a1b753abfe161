package kiji.newsroom;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * Admin API tokens. A token is 32 random bytes shown once; only its SHA-256 is stored (a
 * token has full entropy, so a slow password hash would add nothing but latency per request).
 *
 * <p>The last use is written at most once a minute per token, so a stored {@code lastUsedAt}
 * may lag the true last use by up to {@link #LAST_USE_PRECISION}: an import script calling the
 * admin API thousands of times a minute would otherwise cost one database write per request
 * (on SQLite, a write lock each time), and "last used" is only there to tell an editor which
 * tokens are alive. Revocation is still checked on every call.
 */
public final class ApiTokens {
    private static final String PREFIX = "kiji_";
    private final Jdbi jdbi;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** Token hash → epoch millis of the last write of its last use; one entry per live token. */
    private final Map<String, Long> lastWritten = new ConcurrentHashMap<>();

    /** How stale a stored last use may be. */
    public static final java.time.Duration LAST_USE_PRECISION = java.time.Duration.ofMinutes(1);

    public record TokenInfo(long id, String name, Instant createdAt, Optional<Instant> lastUsedAt, boolean revoked) {}

    public ApiTokens(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Creates a token and returns it in clear: the only time it is ever seen. */
    public String create(String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("token name must be 1..100 characters");
        }
        var bytes = new byte[32];
        random.nextBytes(bytes);
        var token = PREFIX + HexFormat.of().formatHex(bytes);
        int rows = jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO api_token (name, token_hash, created_at) VALUES (:name, :hash, :now)
                        ON CONFLICT (name) DO NOTHING""")
                .bind("name", name.strip())
                .bind("hash", hash(token))
                .bind("now", clock.millis())
                .execute());
        if (rows == 0) throw new IllegalArgumentException("a token named '" + name.strip() + "' already exists");
        return token;
    }

    /** True when the token exists and is not revoked; records its last use (to the minute). */
    public boolean verify(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() != PREFIX.length() + 64) return false;
        var hash = hash(token);
        long now = clock.millis();
        var written = lastWritten.get(hash);
        // a clock set back (now < written) writes again rather than freezing the value
        if (written != null && now >= written && now - written < LAST_USE_PRECISION.toMillis()) return isLive(hash);
        boolean live = jdbi.withHandle(h -> h.createUpdate(
                                "UPDATE api_token SET last_used_at = :now WHERE token_hash = :hash AND revoked_at IS NULL")
                        .bind("now", now)
                        .bind("hash", hash)
                        .execute())
                > 0;
        if (live) lastWritten.put(hash, now);
        else lastWritten.remove(hash);
        return live;
    }

    /** The name of a live token (who an admin API call was made by, for the audit log). */
    public Optional<String> name(String token) {
        if (token == null || !token.startsWith(PREFIX)) return Optional.empty();
        return jdbi.withHandle(h -> h.createQuery("SELECT name FROM api_token WHERE token_hash = :hash AND revoked_at IS NULL")
                .bind("hash", hash(token))
                .mapTo(String.class)
                .findOne());
    }

    private boolean isLive(String hash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT 1 FROM api_token WHERE token_hash = :hash AND revoked_at IS NULL")
                .bind("hash", hash)
                .mapTo(Integer.class)
                .findOne()
                .isPresent());
    }

    /** Every token ever made, oldest first, without the tokens themselves. */
    public List<TokenInfo> list() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, name, created_at, last_used_at, revoked_at FROM api_token ORDER BY id")
                .map((rs, ctx) -> {
                    // getObject(i, Long.class) fails on SQL NULL with sqlite-jdbc; wasNull() works on both.
                    long lastUsed = rs.getLong(4);
                    var lastUsedAt = rs.wasNull() ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(lastUsed));
                    rs.getLong(5);
                    boolean revoked = !rs.wasNull();
                    return new TokenInfo(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), lastUsedAt,
                            revoked);
                })
                .list());
    }

    /** Revokes a token for good; false when there is no such live token. */
    public boolean revoke(long id) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE api_token SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                        .bind("now", clock.millis())
                        .bind("id", id)
                        .execute())
                > 0;
    }

    static String hash(String token) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
