package kiji.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

class JapaneseAnalysisTest {
    static final JapaneseAnalysis analysis = new JapaneseAnalysis(UserDictionaries.starterOnly());

    static List<String> tokens(String text) {
        var out = new ArrayList<String>();
        try (var ts = analysis.tokenStream("body", text)) {
            var term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Test
    void compound_yields_its_parts() {
        assertThat(tokens("防衛装備庁は発表した")).containsSubsequence("防衛", "装備", "庁");
        assertThat(tokens("装備庁")).containsExactly("装備", "庁");
    }

    @Test
    void tokyo_to_is_not_kyoto() {
        assertThat(tokens("東京都の施設")).doesNotContain("京都");
        assertThat(tokens("京都")).containsExactly("京都");
    }

    @Test
    void full_width_and_upper_case_latin_fold_to_lower_case_ascii() {
        assertThat(tokens("ＮＡＴＯ")).containsExactly("nato");
        assertThat(tokens("ｎａｔｏ")).containsExactly("nato");
        assertThat(tokens("NATO")).containsExactly("nato");
    }

    @Test
    void half_width_katakana_becomes_full_width() {
        assertThat(tokens("ﾚｰﾙｶﾞﾝ")).isEqualTo(tokens("レールガン"));
    }

    @Test
    void inflections_meet_at_the_base_form_and_particles_go() {
        assertThat(tokens("視察した")).isEqualTo(tokens("視察する"));
        assertThat(tokens("空自の")).containsExactly("空自");
    }

    @Test
    void starter_dictionary_keeps_ship_classes_and_posts_searchable() {
        assertThat(tokens("もがみ型護衛艦")).containsSubsequence("もがみ", "型");
        assertThat(tokens("もがみ")).containsExactly("もがみ");
        assertThat(tokens("統合幕僚学校長に着任")).containsSubsequence("統合", "幕僚", "学校", "長");
    }

    @Test
    void offsets_point_into_the_original_text_after_normalization() throws IOException {
        var text = "ﾚｰﾙｶﾞﾝとＮＡＴＯ";
        try (var ts = analysis.tokenStream("body", text)) {
            var term = ts.addAttribute(CharTermAttribute.class);
            var offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            var seen = new ArrayList<String>();
            while (ts.incrementToken()) {
                seen.add(term + "=" + text.substring(offset.startOffset(), offset.endOffset()));
            }
            ts.end();
            assertThat(seen).containsExactly("レールガン=ﾚｰﾙｶﾞﾝ", "nato=ＮＡＴＯ");
        }
    }

    @Test
    void particles_and_stop_words_are_still_removed() {
        assertThat(tokens("これは防衛のための訓練です")).containsExactly("防衛", "訓練");
    }

    @Test
    void variant_kanji_of_names_fold_to_the_common_form_as_personnel_names_do() {
        assertThat(tokens("髙橋太郎")).isEqualTo(tokens("高橋太郎")).isNotEmpty();
        assertThat(tokens("山﨑剛")).isEqualTo(tokens("山崎剛"));
        assertThat(tokens("渡邊修")).isEqualTo(tokens("渡辺修")).isEqualTo(tokens("渡邉修"));
        assertThat(tokens("𠮷田花子")).isEqualTo(tokens("吉田花子"));
    }

    @Test
    void a_name_with_or_without_a_space_between_family_and_given_name_yields_the_same_words() {
        assertThat(tokens("高橋　太郎")).isEqualTo(tokens("高橋太郎"));
        assertThat(tokens("髙橋 太郎")).isEqualTo(tokens("高橋太郎"));
    }

    @Test
    void offsets_stay_on_the_original_spelling_when_a_variant_is_folded() throws IOException {
        var text = "陸将補𠮷田と髙橋";
        try (var ts = analysis.tokenStream("body", text)) {
            var term = ts.addAttribute(CharTermAttribute.class);
            var offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            var seen = new ArrayList<String>();
            while (ts.incrementToken()) {
                seen.add(term + "=" + text.substring(offset.startOffset(), offset.endOffset()));
            }
            ts.end();
            assertThat(seen).contains("吉田=𠮷田", "高橋=髙橋");
        }
    }
}
