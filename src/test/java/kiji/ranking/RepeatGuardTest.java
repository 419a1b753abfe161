package kiji.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepeatGuardTest {
    @Test
    void memory_stays_bounded_under_a_flood_of_new_visitors() {
        var guard = new RepeatGuard(65_536);
        long t = 1_729_000_000_000L;
        for (long v = 1; v <= 1_000_000; v++) assertThat(guard.tryCount(7, v * 0x9E3779B97F4A7C15L, 0, t++)).isTrue();
        assertThat(guard.size()).isLessThanOrEqualTo(65_536);
    }

    @Test
    void the_previous_days_id_blocks_a_repeat_across_the_salt_rotation() {
        var guard = new RepeatGuard(65_536);
        long midnight = 1_729_436_400_000L;
        assertThat(guard.tryCount(7, 111, 0, midnight - 60_000)).isTrue(); // 23:59 under yesterday's salt
        assertThat(guard.tryCount(7, 222, 111, midnight + 60_000)).isFalse(); // 00:01, new id, same reader
        assertThat(guard.tryCount(7, 222, 111, midnight + 29 * 60_000 + 1)).isTrue(); // 30 min after 23:59
    }
}
