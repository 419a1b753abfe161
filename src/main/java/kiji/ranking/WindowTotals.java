package kiji.ranking;

import java.util.Arrays;
import java.util.Map;

/** Views per article over one window: {@code ids[i]} had {@code views[i]} views. */
record WindowTotals(long[] ids, long[] views, int size) {

    static WindowTotals of(Map<Long, Long> byArticle) {
        long[] ids = new long[byArticle.size()];
        long[] views = new long[byArticle.size()];
        int i = 0;
        for (var e : byArticle.entrySet()) {
            ids[i] = e.getKey();
            views[i++] = e.getValue();
        }
        return new WindowTotals(ids, views, i);
    }

    /** Indexes of the articles with views, most views first. */
    int[] descending() {
        int n = 0;
        for (int i = 0; i < size; i++) if (views[i] > 0) n++;
        // views in the high bits, index in the low 27: one primitive sort, no comparator, no boxing
        long[] keys = new long[n];
        int k = 0;
        for (int i = 0; i < size; i++) if (views[i] > 0) keys[k++] = (views[i] << 27) | i;
        Arrays.sort(keys);
        int[] order = new int[n];
        for (int j = 0; j < n; j++) order[j] = (int) (keys[n - 1 - j] & ((1 << 27) - 1));
        return order;
    }
}
