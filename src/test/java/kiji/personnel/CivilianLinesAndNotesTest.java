package kiji.personnel;

import static kiji.personnel.OrderParserTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ministry's civilians listed without a grade, and the lists' ※ notes. Names are invented. */
class CivilianLinesAndNotesTest {
    @Test
    void civilian_lines_without_a_rank_are_read_with_the_name_at_the_end() {
        var order = parse("""
                防衛省
                （12月16日付）
                大臣官房審議官　山田　花子
                （防衛政策局防衛政策課長）
                地方協力局次長　青木一美
                （北関東防衛局長）
                防衛装備庁長官官房審議官　兼　装備政策部長　原田　真理
                （防衛装備庁プロジェクト管理部長）
                退職　村井　功
                （東北防衛局長）
                防衛政策局 次長 森本浩二
                （大臣官房審議官）
                大臣官房参事官　事務官　久保　隆
                （防衛政策局防衛政策課長）
                """);
        assertThat(order.errors()).isEmpty();
        assertThat(order.entries()).extracting(OrderEntry::newPost).containsExactly("大臣官房審議官", "地方協力局次長",
                "防衛装備庁長官官房審議官", "退職", "防衛政策局 次長", "大臣官房参事官");
        assertThat(order.entries()).extracting(OrderEntry::name)
                .containsExactly("山田 花子", "青木一美", "原田 真理", "村井 功", "森本浩二", "久保 隆");
        assertThat(order.entries()).extracting(OrderEntry::rank).containsExactly("", "", "", "", "", "事務官");
        assertThat(order.entries().get(2).concurrentPosts()).containsExactly("装備政策部長");
        assertThat(order.entries().get(3).retired()).isTrue();
        assertThat(OrderTitle.of("その他", order, false)).isEqualTo("人事発令 12月16日付け、その他(事務官6名)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "陸上自衛隊;第1師団長　山田　太郎;階級と氏名",
            "航空自衛隊;航空総隊司令部幕僚長　北村聡;階級と氏名",
            "防衛省;大臣官房審議官;階級と氏名",
            "防衛省;大臣官房審議官　兼　山田花子;階級と氏名"})
    void a_line_without_a_rank_stays_an_error_where_a_rank_is_always_printed_or_no_name_is_left(
            String service, String line, String reason) {
        var order = parse(service + "\n（12月16日付）\n" + line + "\n（第2師団長）\n");
        assertThat(order.errors()).containsOnlyKeys(3);
        assertThat(order.errors().get(3)).contains(reason);
    }

    @Test
    void note_lines_are_kept_under_the_service_they_follow_and_a_marked_person_is_still_read() {
        var order = parse("""
                ※本日付けで発令
                陸上自衛隊
                （12月16日付）
                ※は併任解除
                第1師団副師団長　兼　練馬駐屯地司令　陸将補　佐藤　一郎
                （陸上自衛隊教育訓練研究本部主任研究開発官）
                ※退職　陸将補　鈴木　次郎
                （第6師団副師団長）
                ※定年退職
                海上自衛隊
                （12月16日付）
                護衛艦隊司令部幕僚長　海将補　中村　三郎
                （海上幕僚監部防衛部装備体系課長）
                ※印は併任
                """);
        assertThat(order.errors()).isEmpty();
        assertThat(order.entries()).extracting(OrderEntry::name).containsExactly("佐藤 一郎", "鈴木 次郎", "中村 三郎");
        assertThat(order.entries().get(1).retired()).isTrue();
        assertThat(order.entries().get(1).newPost()).isEqualTo("退職");
        assertThat(order.notes()).containsExactly(
                new ParsedOrder.Note(1, Optional.empty(), "※本日付けで発令"),
                new ParsedOrder.Note(4, Optional.of(Service.GSDF), "※は併任解除"),
                new ParsedOrder.Note(9, Optional.of(Service.GSDF), "※定年退職"),
                new ParsedOrder.Note(14, Optional.of(Service.MSDF), "※印は併任"));

        var ids = new Identities(Map.of("gsdf/佐藤一郎", 1L, "gsdf/鈴木次郎", 2L, "msdf/中村三郎", 3L), Map.of());
        var body = OrderBody.markdown("将補人事", order, ids, "(編集部注)");
        assertThat(body).containsSubsequence("## 陸上自衛隊", "鈴木 次郎", "※は併任解除\n\n※定年退職\n\n",
                "## 海上自衛隊", "中村 三郎", "※印は併任\n\n", "※本日付けで発令\n\n", "(編集部注)");
    }

    @Test
    void a_person_line_left_without_its_previous_post_is_still_an_error_next_to_a_note() {
        var order = parse("陸上自衛隊\n（12月16日付）\n第1師団長　陸将　山田　太郎\n※定年退職\n");
        assertThat(order.errors()).containsOnlyKeys(3);
        assertThat(order.notes()).extracting(ParsedOrder.Note::text).isEqualTo(List.of("※定年退職"));
    }
}
