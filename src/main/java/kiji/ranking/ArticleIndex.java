package kiji.ranking;

import java.util.Arrays;

/**
 * Dense numbers for article ids, so window sums add into a plain {@code long[]} instead of a
 * hash map (a 30-day sum touches millions of bucket cells). One writer (the mirror's sync),
 * many readers: a reader sees every index handed out before a column that uses it was published.
 */
final class ArticleIndex {
    private final LongTable positions = new LongTable(1024);
    private volatile long[] ids = new long[1024];
    private volatile int size;

    /** The dense index of this article, assigned on first sight. Single writer only. */
    int indexOf(long articleId) {
        long p = positions.get(articleId);
        if (p != 0) return (int) p - 1;
        int i = size;
        if (i == ids.length) ids = Arrays.copyOf(ids, i * 2);
        ids[i] = articleId;
        positions.put(articleId, i + 1);
        size = i + 1;
        return i;
    }

    int size() {
        return size;
    }

    long[] ids() {
        return ids;
    }
}
