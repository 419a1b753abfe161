package kiji.storage;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import org.jdbi.v3.core.Jdbi;

/**
 * Named leases in the shared database ({@code node_lease}): how several Kiji nodes on one
 * PostgreSQL run a job on one node at a time, and how another node takes over once the holder
 * has stopped renewing (it died, or lost the database). Portable: on SQLite there is one node,
 * which always holds them.
 *
 * <p>Expiry is decided by the clocks of the nodes; keep them in step (NTP) and the durations
 * well above any skew.
 */
public final class Leases {
    private final Jdbi jdbi;
    private final Clock clock;
    private final String holder;

    /** {@code holder} names this node; unique per process (see {@link #thisNode()}). */
    public Leases(Jdbi jdbi, Clock clock, String holder) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.holder = holder;
    }

    /** A name for this process, unique across restarts and hosts: host, pid and a random part. */
    public static String thisNode() {
        var random = new byte[4];
        new SecureRandom().nextBytes(random);
        var host = System.getenv().getOrDefault("HOSTNAME", "kiji");
        return host + "/" + ProcessHandle.current().pid() + "/" + HexFormat.of().formatHex(random);
    }

    /** The lease {@code name}, held for {@code duration} from each successful {@link Lease#tryHold()}. */
    public Lease lease(String name, Duration duration) {
        return new Lease(this, name, duration);
    }

    public String holder() {
        return holder;
    }

    /** One statement, so two nodes racing for a free or expired lease cannot both win. */
    boolean take(String name, Duration duration) {
        long now = clock.millis();
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO node_lease (name, holder, expires_at) VALUES (:name, :holder, :until)
                        ON CONFLICT (name) DO UPDATE SET holder = :holder, expires_at = :until
                        WHERE node_lease.holder = :holder OR node_lease.expires_at <= :now""")
                .bind("name", name).bind("holder", holder).bind("until", now + duration.toMillis()).bind("now", now)
                .execute()) == 1;
    }

    void give(String name) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM node_lease WHERE name = :name AND holder = :holder")
                .bind("name", name).bind("holder", holder).execute());
    }
}
