package kiji.ranking;

import java.time.Instant;

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

        Deriver(VisitorSalts salts) {
            this.salts = salts;
        }

        public VisitorId of(String ip, String userAgent, Instant at) {
            String ua = userAgent == null ? "" : userAgent;
            long day = VisitorSalts.dayOf(at);
            var salt = salts.forDay(day);
            long current = nonZero(VisitorHash.hash(salt.k0(), salt.k1(), ip, ua));
            long previous = 0;
            if (at.toEpochMilli() - VisitorSalts.startOfDay(day).toEpochMilli() < RepeatGuard.WINDOW_MILLIS) {
                var old = salts.forDay(day - 1);
                previous = nonZero(VisitorHash.hash(old.k0(), old.k1(), ip, ua));
            }
            return new VisitorId(current, previous);
        }
    }

    static long nonZero(long h) {
        return h == 0 ? 1 : h;
    }
}
