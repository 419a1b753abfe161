package kiji.ranking;

import java.util.ArrayList;
import java.util.List;

/**
 * Views counted on this node and not yet flushed: one counter per (article, hour), never a row
 * per view. Striped locks keep the record path cheap when many request threads count at once.
 */
final class PendingViews {
    private static final int STRIPE_BITS = 4;
    private static final int STRIPES = 1 << STRIPE_BITS;
    // The hour takes the low 24 bits (epoch hours fit until the year 3883), the article the rest.
    private static final int HOUR_BITS = 24;
    private final LongTable[] stripes = new LongTable[STRIPES];
    // drain() swaps a stripe's table, so the lock is a separate object that never changes.
    private final Object[] locks = new Object[STRIPES];

    PendingViews() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new LongTable(64);
            locks[i] = new Object();
        }
    }

    /** A flushed-or-not delta: {@code views} more for this article in this hour bucket. */
    record Delta(long articleId, long hour, long views) {}

    void add(long articleId, long hour, long views) {
        long key = (articleId << HOUR_BITS) | hour;
        int i = LongTable.stripe(key, STRIPE_BITS);
        synchronized (locks[i]) {
            stripes[i].add(key, views);
        }
    }

    /** Takes every pending delta out; the caller writes them or gives them back with {@link #restore}. */
    List<Delta> drain() {
        var out = new ArrayList<Delta>();
        for (int i = 0; i < STRIPES; i++) {
            LongTable taken;
            synchronized (locks[i]) {
                taken = stripes[i];
                if (taken.size() == 0) continue;
                stripes[i] = new LongTable(Math.max(64, taken.size()));
            }
            taken.forEach((key, views) -> out.add(
                    new Delta(key >>> HOUR_BITS, key & ((1L << HOUR_BITS) - 1), views)));
        }
        return out;
    }

    void restore(List<Delta> deltas) {
        for (var d : deltas) add(d.articleId(), d.hour(), d.views());
    }

    long total() {
        long[] sum = {0};
        for (int i = 0; i < STRIPES; i++) {
            synchronized (locks[i]) {
                stripes[i].forEach((k, v) -> sum[0] += v);
            }
        }
        return sum[0];
    }
}
