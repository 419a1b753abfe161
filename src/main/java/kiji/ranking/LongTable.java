package kiji.ranking;

/**
 * An open-addressing map from non-zero {@code long} keys to {@code long} values, without boxing:
 * the counters of the record path must cost nanoseconds and a few bytes per entry. Not
 * thread-safe; callers lock around it (see {@link PendingViews}, {@link RepeatGuard}).
 */
final class LongTable {
    private long[] keys;
    private long[] values;
    private int size;

    LongTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new long[capacity];
    }

    interface Entry {
        void accept(long key, long value);
    }

    interface Keep {
        boolean test(long key, long value);
    }

    int size() {
        return size;
    }

    int capacity() {
        return keys.length;
    }

    /** The value for this key, or 0 when absent. */
    long get(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) return values[i];
            if (k == 0) return 0;
        }
    }

    void put(long key, long value) {
        int i = find(key);
        if (keys[i] == 0) {
            keys[i] = key;
            values[i] = value;
            if (++size * 2 > keys.length) rebuild(keys.length * 2, null);
        } else {
            values[i] = value;
        }
    }

    void add(long key, long delta) {
        int i = find(key);
        if (keys[i] == 0) {
            keys[i] = key;
            values[i] = delta;
            if (++size * 2 > keys.length) rebuild(keys.length * 2, null);
        } else {
            values[i] += delta;
        }
    }

    void forEach(Entry action) {
        for (int i = 0; i < keys.length; i++) if (keys[i] != 0) action.accept(keys[i], values[i]);
    }

    /** Up to {@code n} values spread over the table, for estimating a quantile. */
    long[] sampleValues(int n) {
        var out = new long[Math.min(n, size)];
        int step = Math.max(1, keys.length / Math.max(1, out.length));
        int k = 0;
        for (int i = 0; i < keys.length && k < out.length; i += step) if (keys[i] != 0) out[k++] = values[i];
        return java.util.Arrays.copyOf(out, k);
    }

    /** Drops the entries {@code keep} refuses; linear probing has no tombstones, so this rehashes. */
    void retain(Keep keep) {
        rebuild(keys.length, keep);
    }

    private int find(long key) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (keys[i] != 0 && keys[i] != key) i = (i + 1) & mask;
        return i;
    }

    private void rebuild(int capacity, Keep keep) {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[capacity];
        values = new long[capacity];
        size = 0;
        int mask = capacity - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            long k = oldKeys[j];
            if (k == 0 || (keep != null && !keep.test(k, oldValues[j]))) continue;
            int i = slot(k, mask);
            while (keys[i] != 0) i = (i + 1) & mask;
            keys[i] = k;
            values[i] = oldValues[j];
            size++;
        }
    }

    /**
     * The stripe of a striped set of tables, from the high bits of another multiplier: taking
     * it from {@link #slot}'s low bits would give every key of a stripe the same low slot bits
     * and pile them into a fraction of the table (measured: 3× slower record path).
     */
    static int stripe(long key, int stripeBits) {
        return (int) ((key * 0xC2B2AE3D27D4EB4FL) >>> (64 - stripeBits));
    }

    static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
