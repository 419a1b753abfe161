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

    /** Indexes of all articles with views, most views first. */
    int[] descending() {
        return top(Integer.MAX_VALUE);
    }

    /**
     * Indexes of the {@code k} articles with the most views (fewer if fewer have views), most
     * first. A bounded min-heap keeps this near one pass over the totals: sorting 100,000
     * totals to show ten was the larger half of a recomputation.
     */
    int[] top(int k) {
        // views in the high bits, index in the low 27: primitive comparisons, no boxing
        long[] heap = new long[Math.min(k, size)];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (views[i] <= 0) continue;
            long key = (views[i] << 27) | i;
            if (n < heap.length) {
                heap[n] = key;
                siftUp(heap, n++);
            } else if (heap.length > 0 && key > heap[0]) {
                heap[0] = key;
                siftDown(heap, n);
            }
        }
        long[] keys = Arrays.copyOf(heap, n);
        Arrays.sort(keys);
        int[] order = new int[n];
        for (int j = 0; j < n; j++) order[j] = (int) (keys[n - 1 - j] & ((1 << 27) - 1));
        return order;
    }

    int nonZero() {
        int n = 0;
        for (int i = 0; i < size; i++) if (views[i] > 0) n++;
        return n;
    }

    private static void siftUp(long[] h, int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (h[parent] <= h[i]) return;
            long t = h[parent];
            h[parent] = h[i];
            h[i] = t;
            i = parent;
        }
    }

    private static void siftDown(long[] h, int n) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            if (l >= n) return;
            int c = l + 1 < n && h[l + 1] < h[l] ? l + 1 : l;
            if (h[i] <= h[c]) return;
            long t = h[c];
            h[c] = h[i];
            h[i] = t;
            i = c;
        }
    }
}
