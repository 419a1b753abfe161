package kiji.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WindowTotalsTest {
    @Test
    void the_top_k_are_the_first_k_of_the_full_descending_order() {
        var random = new SplittableRandom(3);
        int n = 5_000;
        long[] ids = new long[n];
        long[] views = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i + 1;
            views[i] = random.nextInt(4) == 0 ? 0 : random.nextInt(50); // zeros and many ties
        }
        var totals = new WindowTotals(ids, views, n);
        int[] all = totals.descending();
        assertThat(all).hasSize(totals.nonZero());
        for (int j = 1; j < all.length; j++) assertThat(views[all[j - 1]]).isGreaterThanOrEqualTo(views[all[j]]);
        for (int k : new int[] {1, 10, 256, 100_000}) {
            assertThat(totals.top(k)).containsExactly(Arrays.copyOf(all, Math.min(k, all.length)));
        }
    }
}
