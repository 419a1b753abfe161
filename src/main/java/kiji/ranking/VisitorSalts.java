package kiji.ranking;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The daily secret behind visitor ids. One random 128-bit salt per Tokyo calendar day, shared
 * through the database so every node derives the same id for the same reader; salts older
 * than yesterday are deleted, after which nobody — not even the operator — can link a past
 * visitor id to an IP address and User-Agent.
 */
final class VisitorSalts {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private final Jdbi jdbi;
    private final SecureRandom random = new SecureRandom();
    private volatile Salt current = new Salt(Long.MIN_VALUE, 0, 0);
    private volatile Salt previous = new Salt(Long.MIN_VALUE, 0, 0);

    record Salt(long day, long k0, long k1) {}

    VisitorSalts(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    static long dayOf(Instant at) {
        return LocalDate.ofInstant(at, TOKYO).toEpochDay();
    }

    static Instant startOfDay(long day) {
        return LocalDate.ofEpochDay(day).atStartOfDay(TOKYO).toInstant();
    }

    /** The salt of the Tokyo day containing {@code at}. */
    Salt forDay(long day) {
        var c = current;
        if (c.day == day) return c;
        var p = previous;
        if (p.day == day) return p;
        return rotate(day);
    }

    /** The salt of that day if it is already in memory; empty when {@link #forDay} would read the database. */
    Optional<Salt> loaded(long day) {
        var c = current;
        if (c.day == day) return Optional.of(c);
        var p = previous;
        return p.day == day ? Optional.of(p) : Optional.empty();
    }

    private synchronized Salt rotate(long day) {
        var c = current;
        if (c.day == day) return c;
        if (previous.day == day) return previous;
        var loaded = load(day);
        if (day > c.day) {
            previous = c;
            current = loaded;
        } else {
            previous = loaded;
        }
        return loaded;
    }

    private Salt load(long day) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO visitor_salt (day, k0, k1) VALUES (:day, :k0, :k1) ON CONFLICT (day) DO NOTHING")
                    .bind("day", day)
                    .bind("k0", random.nextLong())
                    .bind("k1", random.nextLong())
                    .execute();
            h.createUpdate("DELETE FROM visitor_salt WHERE day < :oldest").bind("oldest", day - 1).execute();
            return h.createQuery("SELECT day, k0, k1 FROM visitor_salt WHERE day = :day")
                    .bind("day", day)
                    .map((rs, ctx) -> new Salt(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                    .one();
        });
    }
}
