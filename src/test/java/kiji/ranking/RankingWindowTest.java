package kiji.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RankingWindowTest {
    @Test
    void a_view_at_the_full_hour_is_in_that_hours_bucket_and_one_second_earlier_is_not() {
        assertThat(HourBucket.of(Instant.parse("2024-10-21T13:00:00Z")).start()).isEqualTo("2024-10-21T13:00:00Z");
        assertThat(HourBucket.of(Instant.parse("2024-10-21T12:59:59Z")).start()).isEqualTo("2024-10-21T12:00:00Z");
        assertThat(HourBucket.of(Instant.parse("2024-10-21T12:59:59.999Z")).end()).isEqualTo("2024-10-21T13:00:00Z");
    }

    @Test
    void each_window_covers_its_hours_ending_with_the_bucket_that_contains_the_instant() {
        var at = Instant.parse("2024-10-21T13:20:00Z");
        var day = RankingWindow.DAY.rangeAt(at);
        assertThat(day.from()).isEqualTo("2024-10-20T14:00:00Z");
        assertThat(day.to()).isEqualTo("2024-10-21T14:00:00Z");
        assertThat(day.hours()).isEqualTo(24);
        assertThat(RankingWindow.HOUR.rangeAt(at).from()).isEqualTo("2024-10-21T13:00:00Z");
        assertThat(RankingWindow.WEEK.rangeAt(at).hours()).isEqualTo(168);
        assertThat(RankingWindow.WEEK.rangeAt(at).from()).isEqualTo("2024-10-14T14:00:00Z");
        assertThat(RankingWindow.MONTH.rangeAt(at).hours()).isEqualTo(720);
        assertThat(RankingWindow.MONTH.rangeAt(at).from()).isEqualTo("2024-09-21T14:00:00Z");
    }

    @Test
    void window_keys_parse_and_nothing_else_does() {
        assertThat(RankingWindow.parse("24h")).contains(RankingWindow.DAY);
        assertThat(RankingWindow.parse("7d")).contains(RankingWindow.WEEK);
        assertThat(RankingWindow.parse("30d")).contains(RankingWindow.MONTH);
        assertThat(RankingWindow.parse("1h")).contains(RankingWindow.HOUR);
        assertThat(RankingWindow.parse("2d")).isEmpty();
        assertThat(RankingWindow.parse("24H")).isEmpty();
    }
}
