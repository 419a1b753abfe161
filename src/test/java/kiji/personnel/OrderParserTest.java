package kiji.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderParserTest {
    static final LocalDate DEC_2025 = LocalDate.of(2025, 12, 9);

    static ParsedOrder parse(String text) {
        return OrderParser.parse(text, DEC_2025);
    }

    @Test
    void the_issue_example_reads_every_person_with_post_rank_name_and_previous_post() {
        var order = parse("""
                陸上自衛隊
                （12月16日付）
                陸上幕僚監部防衛部長　陸将補　山田　太郎
                （陸上幕僚監部人事教育部人事教育計画課長）
                第1師団副師団長　兼　練馬駐屯地司令　陸将補　佐藤　一郎
                （陸上自衛隊教育訓練研究本部主任研究開発官）
                退職　陸将補　鈴木　次郎
                （第6師団副師団長）
                海上自衛隊
                （12月16日付）
                護衛艦隊司令部幕僚長　海将補　中村　三郎
                （海上幕僚監部防衛部装備体系課長）
                """);
        assertThat(order.errors()).isEmpty();
        assertThat(order.entries()).hasSize(4);
        var yamada = order.entries().get(0);
        assertThat(yamada).isEqualTo(new OrderEntry(3, Service.GSDF, LocalDate.of(2025, 12, 16), "陸将補", "山田 太郎",
                "陸上幕僚監部防衛部長", List.of(), "陸上幕僚監部人事教育部人事教育計画課長", false, false));
        var sato = order.entries().get(1);
        assertThat(sato.newPost()).isEqualTo("第1師団副師団長");
        assertThat(sato.concurrentPosts()).containsExactly("練馬駐屯地司令");
        var suzuki = order.entries().get(2);
        assertThat(suzuki.retired()).isTrue();
        assertThat(suzuki.newPost()).isEqualTo("退職");
        assertThat(suzuki.previousPost()).isEqualTo("第6師団副師団長");
        assertThat(order.entries().get(3).service()).isEqualTo(Service.MSDF);
        assertThat(order.entries().get(3).rank()).isEqualTo("海将補");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "（12月16日付）;2025-12-16",
            "(12月16日付);2025-12-16",
            "12月16日付;2025-12-16",
            "（１２月１６日付）;2025-12-16",
            "(令和7年12月16日付);2025-12-16",
            "（令和８年１月５日付）;2026-01-05",
            "（1月5日付）;2026-01-05",
            " ( 12 月 16 日付け ) ;2025-12-16",
            "(令和元年5月1日付);2019-05-01"})
    void every_form_of_the_effective_date_line_is_read(String line, String date) {
        var order = parse("航空自衛隊\n" + line + "\n第7航空団司令　空将補　高田　修\n（航空総隊司令部防衛部長）");
        assertThat(order.errors()).isEmpty();
        assertThat(order.entries().getFirst().effectiveDate()).isEqualTo(LocalDate.parse(date));
    }

    @Test
    void a_list_with_several_dates_gives_each_row_the_date_above_it() {
        var order = parse("""
                陸上自衛隊
                （11月30日付）
                第2師団司令部幕僚長　1等陸佐　青木　健一
                （陸上幕僚監部防衛部防衛課長）
                （12月1日付）
                中央即応連隊長　1等陸佐　石川　浩二
                （富士学校普通科部長）
                """);
        assertThat(order.errors()).isEmpty();
        assertThat(order.entries()).extracting(OrderEntry::effectiveDate)
                .containsExactly(LocalDate.of(2025, 11, 30), LocalDate.of(2025, 12, 1));
        assertThat(order.dates()).containsExactly(LocalDate.of(2025, 11, 30), LocalDate.of(2025, 12, 1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "第5施設団長　陸将補　上野　直樹;陸将補;上野 直樹",
            "第5施設団長 陸将補 上野 直樹;陸将補;上野 直樹",
            "第5施設団長陸将補上野直樹;陸将補;上野直樹",
            "第5施設団長　　　陸将補　　上野直樹;陸将補;上野直樹",
            "第5施設団長\t陸将補\t上野　直樹;陸将補;上野 直樹",
            "第5施設団長　陸将　上野　直樹;陸将;上野 直樹",
            "第5施設団長　1等陸佐　上野　直樹;1等陸佐;上野 直樹",
            "第5施設団長　１等陸佐　上野　直樹;1等陸佐;上野 直樹",
            "第5施設団長　1陸佐　上野　直樹;1等陸佐;上野 直樹",
            "第5施設団長　一等陸佐　上野　直樹;1等陸佐;上野 直樹",
            "第5施設団長　2佐　上野　直樹;2等陸佐;上野 直樹",
            "第5施設団長　3佐　上野　直樹;3等陸佐;上野 直樹",
            "第5施設団長　1佐佐藤一郎;1等陸佐;佐藤一郎",
            "第5施設団長　1等陸佐佐藤一郎;1等陸佐;佐藤一郎",
            "第5施設団長　2等陸尉　上野　直樹;2等陸尉;上野 直樹",
            "第5施設団長　准陸尉　上野　直樹;准陸尉;上野 直樹",
            "第5施設団長　陸曹長　上野　直樹;陸曹長;上野 直樹"})
    void every_rank_form_and_spacing_is_read(String line, String rank, String name) {
        var order = parse("陸上自衛隊\n（12月16日付）\n" + line + "\n（中央即応連隊長）");
        assertThat(order.errors()).isEmpty();
        var e = order.entries().getFirst();
        assertThat(e.newPost()).isEqualTo("第5施設団長");
        assertThat(e.rank()).isEqualTo(rank);
        assertThat(e.name()).isEqualTo(name);
        assertThat(e.previousPost()).isEqualTo("中央即応連隊長");
    }

    @Test
    void ranks_take_the_letter_of_their_service_and_civilians_their_grade() {
        var order = parse("""
                海上自衛隊
                12月16日付
                第3護衛隊司令　1佐　片山　剛
                (舞鶴地方総監部幕僚長)
                航空自衛隊
                12月16日付
                第7航空団司令　空将補　北村　聡
                (航空救難団司令)
                防衛省
                12月16日付
                大臣官房参事官　事務官　久保　隆
                (防衛政策局防衛政策課長)
                地方協力局施設技術管理官　防衛技官　小松　誠司
                (東海防衛支局長)
                統合幕僚監部
                12月16日付
                統合幕僚監部運用部運用第1課長　1等海佐　酒井　亮介
                (護衛艦隊司令部幕僚長)
                """);
        assertThat(order.errors()).isEmpty();
        assertThat(order.entries()).extracting(OrderEntry::rank)
                .containsExactly("1等海佐", "空将補", "事務官", "防衛技官", "1等海佐");
        assertThat(order.entries()).extracting(OrderEntry::service)
                .containsExactly(Service.MSDF, Service.ASDF, Service.MOD, Service.MOD, Service.JOINT);
    }

    @Test
    void a_post_holding_a_rank_like_word_is_not_cut_there() {
        var order = parse("海上自衛隊\n（12月16日付）\n第1佐世保教育隊司令　1等海佐　柴田　悠\n（佐世保地方総監部幕僚長）");
        assertThat(order.errors()).isEmpty();
        assertThat(order.entries().getFirst().newPost()).isEqualTo("第1佐世保教育隊司令");
        assertThat(order.entries().getFirst().name()).isEqualTo("柴田 悠");
    }

    @Test
    void a_promotion_in_place_keeps_the_post_and_carries_the_new_rank() {
        var order = parse("陸上自衛隊\n（12月16日付）\n昇任　陸将　杉本　拓也\n（陸上総隊司令部運用部長）\n"
                + "昇任　東部方面総監部人事部長　1等陸佐　関口　博之\n（東部方面総監部人事部長）");
        assertThat(order.errors()).isEmpty();
        var first = order.entries().getFirst();
        assertThat(first.promoted()).isTrue();
        assertThat(first.rank()).isEqualTo("陸将");
        assertThat(first.newPost()).isEqualTo("陸上総隊司令部運用部長");
        assertThat(order.entries().get(1).newPost()).isEqualTo("東部方面総監部人事部長");
        assertThat(order.entries().get(1).promoted()).isTrue();
    }

    @Test
    void full_width_parentheses_and_concurrent_posts_in_the_previous_post_are_kept_whole() {
        var order = parse("陸上自衛隊\n（１２月１６日付）\n第14旅団副旅団長兼善通寺駐屯地司令　陸将補　千葉　真一\n"
                + "（第2師団司令部幕僚長　兼　旭川駐屯地司令）");
        assertThat(order.errors()).isEmpty();
        var e = order.entries().getFirst();
        assertThat(e.newPost()).isEqualTo("第14旅団副旅団長");
        assertThat(e.concurrentPosts()).containsExactly("善通寺駐屯地司令");
        assertThat(e.previousPost()).isEqualTo("第2師団司令部幕僚長 兼 旭川駐屯地司令");
    }

    @Test
    void the_demo_markdown_table_form_is_read_with_or_without_a_rank_column() {
        var order = parse("""
                (12月9日付)
                ## 陸上自衛隊

                | 新職 | 氏名 | 現職 |
                |---|---|---|
                | 第2師団司令部幕僚長 | 青木 健一 | 第14旅団副旅団長 |
                | 退職 | 陸将補 石川 浩二 | 第5施設団長 |

                ## 海上自衛隊

                | 新職 | 階級 | 氏名 | 現職 |
                |:--|:--|:--|:--|
                | 第3護衛隊司令 | 1佐 | 上野 直樹 | 第21航空群司令 |
                """);
        assertThat(order.errors()).isEmpty();
        assertThat(order.entries()).extracting(OrderEntry::name).containsExactly("青木 健一", "石川 浩二", "上野 直樹");
        assertThat(order.entries()).extracting(OrderEntry::rank).containsExactly("", "陸将補", "1等海佐");
        assertThat(order.entries().get(1).retired()).isTrue();
        assertThat(order.entries().get(2).previousPost()).isEqualTo("第21航空群司令");
        assertThat(order.entries().getFirst().line()).isEqualTo(6);
    }

    @Test
    void each_unreadable_line_gets_its_number_and_a_japanese_reason() {
        var order = parse("""
                第1師団長　陸将　山田　太郎
                （第2師団長）
                陸上自衛隊
                第1師団長　陸将　山田　太郎
                （第2師団長）
                （12月16日付）
                第1師団長　山田　太郎
                （第2師団長）
                第3師団長　陸将　佐藤　一郎
                第4師団長　陸将　鈴木　次郎
                （第5師団長）
                （第6師団長）
                （13月40日付）
                | 新職 | 氏名 | 現職 |
                |---|---|---|
                | 第7師団長 | 中村 |
                """);
        assertThat(order.errors()).containsOnlyKeys(1, 4, 7, 9, 12, 13, 16);
        assertThat(order.errors().get(1)).contains("所属");
        assertThat(order.errors().get(4)).contains("発令日");
        assertThat(order.errors().get(7)).contains("階級と氏名");
        assertThat(order.errors().get(9)).contains("旧職");
        assertThat(order.errors().get(12)).contains("新職");
        assertThat(order.errors().get(13)).contains("日付");
        assertThat(order.errors().get(16)).contains("列の数");
        assertThat(order.entries()).extracting(OrderEntry::name).containsExactly("鈴木 次郎");
        assertThat(order.ok()).isFalse();
    }

    @Test
    void an_empty_text_is_an_error_not_an_empty_order() {
        assertThat(parse("\n  \n").errors()).containsOnlyKeys(1);
        assertThat(parse("陸上自衛隊\n（12月16日付）\n").ok()).isFalse();
    }

    @Test
    void a_person_line_at_the_end_without_its_previous_post_is_an_error() {
        var order = parse("陸上自衛隊\n（12月16日付）\n第1師団長　陸将　山田　太郎");
        assertThat(order.errors()).containsOnlyKeys(3);
    }

    @Test
    void the_breakdown_counts_persons_not_lines_in_order_of_first_appearance() {
        var order = parse("""
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
                航空自衛隊
                （11月10日付）
                警戒航空団副司令　1等空佐　山﨑　剛
                （航空開発実験団副司令）
                """);
        assertThat(order.errors()).isEmpty();
        assertThat(order.breakdown()).containsExactly(
                java.util.Map.entry(Service.ASDF, 2), java.util.Map.entry(Service.GSDF, 1));
    }
}
