package kiji.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonNameTest {
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "髙橋 太郎, 高橋太郎",
            "山﨑　剛, 山崎剛",
            "渡邊 修, 渡辺修",
            "渡邉修, 渡辺 修",
            "ｻﾄｳ 一郎, サトウ一郎",
            "齋藤　聡, 斎藤聡"})
    void variant_kanji_and_spacing_are_one_name(String a, String b) {
        assertThat(PersonName.key(a)).isEqualTo(PersonName.key(b));
    }

    @Test
    void different_names_stay_different() {
        assertThat(PersonName.key("高橋太郎")).isNotEqualTo(PersonName.key("高橋次郎"));
        assertThat(PersonName.key("斉藤聡")).isNotEqualTo(PersonName.key("斎藤聡"));
    }

    @Test
    void the_displayed_name_keeps_the_lists_spelling_with_one_space() {
        assertThat(PersonName.display(" 髙橋　　太郎 ")).isEqualTo("髙橋 太郎");
    }
}
