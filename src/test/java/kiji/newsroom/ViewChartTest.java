package kiji.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The chart's layout: whole-number axis marks, bar heights in proportion, JST ticks. */
class ViewChartTest {
    // 168 hours from 2024-10-14 10:00 JST
    static final Instant FROM = Instant.parse("2024-10-14T01:00:00Z");

    @Test
    void axis_steps_are_one_two_or_five_times_a_power_of_ten() {
        assertThat(ViewChart.niceStep(0)).isEqualTo(1);
        assertThat(ViewChart.niceStep(4)).isEqualTo(1);
        assertThat(ViewChart.niceStep(7)).isEqualTo(2);
        assertThat(ViewChart.niceStep(19)).isEqualTo(5);
        assertThat(ViewChart.niceStep(40)).isEqualTo(10);
        assertThat(ViewChart.niceStep(1234)).isEqualTo(500);
    }

    @Test
    void a_busy_hour_fills_the_plot_and_a_single_view_stays_visible() {
        long[] views = new long[168];
        views[0] = 1;
        views[100] = 1234;
        var chart = ViewChart.of(new HourlyViews(FROM, views));
        assertThat(chart.yTicks()).extracting(ViewChart.Tick::label).containsExactly("0", "500", "1000", "1500");
        assertThat(chart.bars()).hasSize(2);
        var single = chart.bars().get(0);
        var busy = chart.bars().get(1);
        assertThat(single.height()).isGreaterThanOrEqualTo(1.0);
        assertThat(busy.height()).isCloseTo(200.0 * 1234 / 1500, org.assertj.core.data.Offset.offset(0.2));
        assertThat(busy.label()).isEqualTo("10月18日 14時台");
        assertThat(chart.total()).isEqualTo(1235);
        assertThat(chart.description()).contains("合計 1235 回", "10月18日 14時台 の 1234 回");
    }

    @Test
    void days_start_at_jst_midnight_and_hours_are_marked_every_six() {
        var chart = ViewChart.of(new HourlyViews(FROM, new long[168]));
        assertThat(chart.bars()).isEmpty();
        assertThat(chart.description()).contains("この期間の閲覧はありません");
        var days = chart.xTicks().stream().filter(ViewChart.Tick::major).map(ViewChart.Tick::label).toList();
        assertThat(days).containsExactly("10/15(火)", "10/16(水)", "10/17(木)", "10/18(金)", "10/19(土)", "10/20(日)",
                "10/21(月)");
        // the first midnight (10/15 00:00 JST) is 14 hours after 10/14 10:00 JST
        assertThat(chart.xTicks().stream().filter(ViewChart.Tick::major).findFirst().orElseThrow().at())
                .isEqualTo(ViewChart.LEFT + 14.0 * ViewChart.BAR_STEP);
        assertThat(chart.days()).hasSize(8);
        assertThat(chart.days().get(0).label()).isEqualTo("10月14日(月)");
    }
}
