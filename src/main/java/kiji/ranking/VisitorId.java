package kiji.ranking;

import java.time.Instant;
import java.util.Optional;

/**
 * Who viewed, without cookies and without personal data: a keyed hash of the day's secret
 * salt, the client IP and the User-Agent. {@code previous} is the same reader under
 * yesterday's salt, given only in the first 30 minutes of a Tokyo day so that the repeat rule
 * holds across the daily rotation; 0 otherwise.
 */
public record VisitorId(long current, long previous) {

    /** Derives visitor ids from the shared daily salts. */
    public static final class Deriver {
        private final VisitorSalts salts;
        private final Hasher hasher = new Hasher();

        Deriver(VisitorSalts salts) {
            this.salts = salts;
        }

        public VisitorId of(String ip, String userAgent, Instant at) {
            long day = VisitorSalts.dayOf(at);
            var salt = salts.forDay(day);
            return derive(ip, userAgent, salt, inFirstHalfHour(day, at) ? salts.forDay(day - 1) : null);
        }

        /**
         * Like {@link #of}, but empty instead of reading the database when a salt it needs is not
         * in memory yet (once a day, and at startup): for callers that must not wait.
         */
        Optional<VisitorId> ofLoaded(String ip, String userAgent, Instant at) {
            long day = VisitorSalts.dayOf(at);
            var salt = salts.loaded(day);
            if (salt.isEmpty()) return Optional.empty();
            if (!inFirstHalfHour(day, at)) return Optional.of(derive(ip, userAgent, salt.get(), null));
            return salts.loaded(day - 1).map(old -> derive(ip, userAgent, salt.get(), old));
        }

        /** {@code old} is yesterday's salt, or null outside the first 30 minutes of a day. */
        private VisitorId derive(String ip, String userAgent, VisitorSalts.Salt salt, VisitorSalts.Salt old) {
            String ua = userAgent == null ? "" : userAgent;
            long current = nonZero(hasher.hash(salt.k0(), salt.k1(), ip, ua));
            long previous = old == null ? 0 : nonZero(hasher.hash(old.k0(), old.k1(), ip, ua));
            return new VisitorId(current, previous);
        }

        private static boolean inFirstHalfHour(long day, Instant at) {
            return at.toEpochMilli() - VisitorSalts.startOfDay(day).toEpochMilli() < RepeatGuard.WINDOW_MILLIS;
        }
    }

    /** The keyed hash behind a visitor id, with the User-Agent digests cached (bounded). */
    public static final class Hasher {
        private static final int CACHE_LIMIT = 20_000;
        private final java.util.Map<String, Long> digests = new java.util.concurrent.ConcurrentHashMap<>();

        public long hash(long k0, long k1, String ip, String userAgent) {
            var digest = digests.get(userAgent);
            if (digest == null) {
                digest = VisitorHash.digest(userAgent);
                if (digests.size() >= CACHE_LIMIT) digests.clear();
                digests.put(userAgent, digest);
            }
            return nonZero(VisitorHash.hash(k0, k1, ip, digest));
        }
    }

    /** The keyed hash behind a visitor id, uncached. */
    public static long hash(long k0, long k1, String ip, String userAgent) {
        return nonZero(VisitorHash.hash(k0, k1, ip, userAgent));
    }

    static long nonZero(long h) {
        return h == 0 ? 1 : h;
    }
}
