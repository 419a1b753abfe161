package kiji.newsroom;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Admin API tokens. A token is 32 random bytes shown once; only its SHA-256 is stored (a
 * token has full entropy, so a slow password hash would add nothing but latency per request).
 */
public final class ApiTokens {
    private static final String PREFIX = "kiji_";
    private final Jdbi jdbi;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

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

    /** True when the token exists and is not revoked; records its last use. */
    public boolean verify(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() != PREFIX.length() + 64) return false;
        return jdbi.withHandle(h -> h.createUpdate(
                                "UPDATE api_token SET last_used_at = :now WHERE token_hash = :hash AND revoked_at IS NULL")
                        .bind("now", clock.millis())
                        .bind("hash", hash(token))
                        .execute())
                > 0;
    }

    public List<TokenInfo> list() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, name, created_at, last_used_at, revoked_at FROM api_token ORDER BY id")
                .map((rs, ctx) -> new TokenInfo(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                        // getObject(i, Long.class) fails on SQLite's NULL: read the long, then ask.
                        lastUsed(rs.getLong(4), rs.wasNull()),
                        rs.getObject(5) != null))
                .list());
    }

    private static Optional<Instant> lastUsed(long millis, boolean wasNull) {
        return wasNull ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

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
