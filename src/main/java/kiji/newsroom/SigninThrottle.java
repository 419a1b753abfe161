package kiji.newsroom;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;

/**
 * Slows down password guessing. After 5 failures for one account, or 20 from one address,
 * within 15 minutes, further attempts are refused (429) until the oldest failure leaves the
 * window. Failures are kept in the database, so a restart does not reset the count.
 *
 * <p>The address is the TCP peer as Jetty sees it: behind a reverse proxy every client shares
 * the proxy's address, so the per-address limit then protects the whole site and the
 * per-account limit is the one that matters. X-Forwarded-For is not trusted (anyone can send it).
 */
public final class SigninThrottle {
    static final int PER_ACCOUNT = 5;
    static final int PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Jdbi jdbi;
    private final Clock clock;

    public SigninThrottle(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** True when this account or this address has failed too often recently. */
    public boolean blocked(String username, String address) {
        return failures(accountKey(username)) >= PER_ACCOUNT || failures(addressKey(address)) >= PER_ADDRESS;
    }

    public void recordFailure(String username, String address) {
        long now = clock.millis();
        jdbi.useTransaction(h -> {
            for (var key : new String[] {accountKey(username), addressKey(address)}) {
                h.createUpdate("INSERT INTO signin_failure (throttle_key, at) VALUES (:k, :at)")
                        .bind("k", key).bind("at", now).execute();
            }
            // Old rows serve no purpose; trimming here keeps the table small without a job.
            h.createUpdate("DELETE FROM signin_failure WHERE at < :old")
                    .bind("old", now - WINDOW.toMillis()).execute();
        });
    }

    /** A successful sign-in forgives the account's failures (not the address's). */
    public void clearAccount(String username) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM signin_failure WHERE throttle_key = :k")
                .bind("k", accountKey(username)).execute());
    }

    private int failures(String key) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM signin_failure WHERE throttle_key = :k AND at > :since")
                .bind("k", key)
                .bind("since", clock.millis() - WINDOW.toMillis())
                .mapTo(Integer.class)
                .one());
    }

    private static String accountKey(String username) {
        var u = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return "user:" + (u.length() > 100 ? u.substring(0, 100) : u);
    }

    private static String addressKey(String address) {
        return "ip:" + address;
    }
}
