package kiji.ranking;

/**
 * The repeat rule: a visitor counts at most once per article per 30 minutes, measured from
 * that visitor's last <em>counted</em> view of that article (a reload at minute 29 does not
 * extend the wait). Memory is bounded: entries older than 30 minutes are dropped when a stripe
 * fills, and if a flood of distinct visitors still overflows the cap, the oldest entries go
 * first (the window shrinks for the oldest views rather than the heap growing).
 */
final class RepeatGuard {
    static final long WINDOW_MILLIS = 30 * 60 * 1000L;
    private static final int STRIPE_BITS = 6;
    private static final int STRIPES = 1 << STRIPE_BITS;
    private final LongTable[] stripes = new LongTable[STRIPES];
    private final int maxPerStripe;

    /** @param maxEntries how many (visitor, article) pairs to remember at most, e.g. 2,000,000 (~64 MB worst case) */
    RepeatGuard(int maxEntries) {
        this.maxPerStripe = Math.max(1024, maxEntries / STRIPES);
        for (int i = 0; i < STRIPES; i++) stripes[i] = new LongTable(256);
    }

    /**
     * True when this view counts (and is remembered); false for a repeat.
     *
     * @param previousVisitor the same visitor under yesterday's salt during the first 30 minutes
     *     of a day, so the daily salt rotation does not open a gap in the rule; 0 otherwise
     */
    boolean tryCount(long articleId, long visitor, long previousVisitor, long epochMillis) {
        if (previousVisitor != 0 && isRecent(key(articleId, previousVisitor), epochMillis)) return false;
        long key = key(articleId, visitor);
        var stripe = stripes[LongTable.stripe(key, STRIPE_BITS)];
        synchronized (stripe) {
            long last = stripe.get(key);
            if (last != 0 && Math.abs(epochMillis - last) < WINDOW_MILLIS) return false;
            if (stripe.size() >= maxPerStripe) shrink(stripe, epochMillis);
            stripe.put(key, Math.max(last, epochMillis));
            return true;
        }
    }

    private boolean isRecent(long key, long epochMillis) {
        var stripe = stripes[LongTable.stripe(key, STRIPE_BITS)];
        synchronized (stripe) {
            long last = stripe.get(key);
            return last != 0 && Math.abs(epochMillis - last) < WINDOW_MILLIS;
        }
    }

    private void shrink(LongTable stripe, long now) {
        long expired = now - WINDOW_MILLIS;
        stripe.retain((k, last) -> last >= expired);
        if (stripe.size() < maxPerStripe * 3L / 4) return;
        // Still full of live entries (a flood of new visitors): forget the older half at once,
        // estimated from a sample, so the next shrink is far away and each costs two rehashes.
        long[] sample = stripe.sampleValues(1024);
        java.util.Arrays.sort(sample);
        long cutoff = sample[sample.length / 2];
        stripe.retain((k, last) -> last > cutoff);
    }

    int size() {
        int n = 0;
        for (var s : stripes) {
            synchronized (s) {
                n += s.size();
            }
        }
        return n;
    }

    static long key(long articleId, long visitor) {
        long k = visitor ^ (articleId * 0xC2B2AE3D27D4EB4FL);
        return k == 0 ? 1 : k;
    }
}
