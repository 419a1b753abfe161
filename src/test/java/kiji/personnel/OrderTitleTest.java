package kiji.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderTitleTest {
    /** The titles the site has published, rebuilt from their parts. */
    @ParameterizedTest(name = "{4}")
    @CsvSource(delimiter = ';', value = {
            "将補人事;2025-12-16;陸自12,海自13,空自13;false;人事発令 12月16日付け、将補人事(陸自12名、海自13名、空自13名)",
            "将補人事;2025-12-16;陸自12,海自13,空自13;true;人事発令 令和7年12月16日付け、将補人事(陸自12名、海自13名、空自13名)",
            "将人事;2025-12-16;陸自4,海自4,空自3;true;人事発令 令和7年12月16日付け、将人事(陸自4名、海自4名、空自3名)",
            "1佐職人事;2025-11-30,2025-12-01;陸自93,海自45,空自5;false;人事発令 11月30日、12月1日付け 1佐職人事(陸自93名、海自45名、空自5名)",
            "1佐職人事;2025-11-09,2025-11-10;空自9,陸自2;false;人事発令 11月9日・10日付け、1佐職人事(空自9名、陸自2名)",
            "1佐職人事;2025-08-01;陸自196,海自60,空自62;true;人事発令 令和7年8月1日付け、1佐職人事(陸自196名、海自60名、空自62名)",
            "1佐人事;2025-12-08;海自2;false;人事発令 12月8日付け、1佐人事(海自2名)",
            "内閣承認人事;2025-12-16;陸自2,海自2;true;人事発令 令和7年12月16日付け、内閣承認人事(陸自2名、海自2名)",
            "その他;2025-11-29,2025-11-30,2025-12-01;統幕1,事務官2;false;人事発令 11月29日・30日、12月1日付け その他(統幕1名、事務官2名)"})
    void the_title_has_exactly_the_sites_form(String kind, String dates, String counts, boolean era, String title) {
        var parsedDates = java.util.Arrays.stream(dates.split(",")).map(LocalDate::parse).toList();
        assertThat(OrderTitle.of(kind, parsedDates, breakdown(counts), era)).isEqualTo(title);
    }

    @org.junit.jupiter.api.Test
    void the_title_of_a_parsed_order_counts_its_persons() {
        var order = OrderParser.parse("""
                航空自衛隊
                （11月9日付）
                第7航空団司令　1等空佐　髙橋　太郎
                （航空救難団司令）
                （11月10日付）
                航空総隊司令部防衛部長　1等空佐　高橋太郎
                （第7航空団司令）
                陸上自衛隊
                （11月10日付）
                第5施設団長　1等陸佐　宮本　隆
                （中央即応連隊長）
                """, LocalDate.of(2025, 11, 8));
        assertThat(OrderTitle.of("1佐職人事", order, false)).isEqualTo("人事発令 11月9日・10日付け、1佐職人事(空自1名、陸自1名)");
    }

    private static Map<Service, Integer> breakdown(String counts) {
        var shortNames = new LinkedHashMap<String, Service>();
        for (var s : Service.values()) shortNames.put(s.shortName(), s);
        var out = new LinkedHashMap<Service, Integer>();
        for (var part : List.of(counts.split(","))) {
            out.put(shortNames.get(part.replaceAll("\\d", "")), Integer.parseInt(part.replaceAll("\\D", "")));
        }
        return out;
    }
}
