package kiji.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 令和 dates the way government releases write them. */
class ReiwaDateTest {
    @Test
    void a_date_prints_with_era_western_year_and_weekday() {
        assertThat(ReiwaDate.format(LocalDate.of(2024, 10, 17))).isEqualTo("令和6(2024)年10月17日(木)");
        assertThat(ReiwaDate.formatWithoutWeekday(LocalDate.of(2024, 10, 17))).isEqualTo("令和6(2024)年10月17日");
        assertThat(ReiwaDate.eraYear(LocalDate.of(2025, 12, 16))).isEqualTo("令和7");
    }

    @Test
    void the_first_year_of_an_era_is_gannen_both_ways() {
        assertThat(ReiwaDate.format(LocalDate.of(2019, 5, 1))).isEqualTo("令和元(2019)年5月1日(水)");
        assertThat(ReiwaDate.parse("令和元(2019)年5月1日(水)")).isEqualTo(LocalDate.of(2019, 5, 1));
        assertThat(ReiwaDate.parse("令和元年12月31日")).isEqualTo(LocalDate.of(2019, 12, 31));
        assertThat(ReiwaDate.parse("令和1年12月31日")).isEqualTo(LocalDate.of(2019, 12, 31));
        assertThat(ReiwaDate.format(LocalDate.of(1989, 1, 8))).isEqualTo("平成元(1989)年1月8日(日)");
    }

    @Test
    void heisei_ends_on_april_30_2019_and_reiwa_begins_the_next_day() {
        assertThat(ReiwaDate.format(LocalDate.of(2019, 4, 30))).isEqualTo("平成31(2019)年4月30日(火)");
        assertThat(ReiwaDate.format(LocalDate.of(2019, 5, 1))).startsWith("令和元(2019)年");
        assertThat(ReiwaDate.parse("平成31(2019)年4月30日(火)")).isEqualTo(LocalDate.of(2019, 4, 30));
        assertThat(ReiwaDate.format(LocalDate.of(1989, 1, 7))).isEqualTo("昭和64(1989)年1月7日(土)");
    }

    @Test
    void full_width_digits_and_brackets_are_read() {
        assertThat(ReiwaDate.parse("令和６（２０２４）年１０月１７日（木）")).isEqualTo(LocalDate.of(2024, 10, 17));
        assertThat(ReiwaDate.parse(" 令和6年10月17日 ")).isEqualTo(LocalDate.of(2024, 10, 17));
    }

    @Test
    void every_day_of_reiwa_so_far_prints_and_parses_back_to_itself() {
        for (var d = LocalDate.of(2019, 5, 1); d.isBefore(LocalDate.of(2031, 1, 1)); d = d.plusDays(1)) {
            assertThat(ReiwaDate.parse(ReiwaDate.format(d))).isEqualTo(d);
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "令和6(2024)年10月17日(金)  | 木曜日",
        "令和6(2023)年10月17日(木)  | 2024",
        "令和0年5月1日              | 1 or more",
        "平成32年1月1日             | 平成",
        "平成31年5月1日             | 平成",
        "令和元年4月30日            | 令和",
        "令和6年2月30日             | 令和",
        "令和6年13月1日             | 令和",
        "2024年10月17日             | not a Japanese era date",
        "令和六年十月十七日          | not a Japanese era date",
        "昨日                       | not a Japanese era date",
        "''                         | not a Japanese era date",
    })
    void bad_dates_are_refused_with_a_message_naming_the_problem(String text, String reason) {
        assertThatThrownBy(() -> ReiwaDate.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void no_date_is_refused() {
        assertThatThrownBy(() -> ReiwaDate.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_date_before_the_meiji_calendar_cannot_be_printed_in_an_era() {
        assertThatThrownBy(() -> ReiwaDate.format(LocalDate.of(1800, 1, 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1800-01-01");
    }
}
