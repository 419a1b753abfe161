package kiji.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site's user dictionary beside the starter list. */
class UserDictionariesTest {
    @TempDir
    Path dir;

    static java.util.List<String> terms(JapaneseAnalysis analysis, String text) throws java.io.IOException {
        var out = new java.util.ArrayList<String>();
        try (var ts = analysis.tokenStream("body", text)) {
            var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        }
        return out;
    }

    @Test
    void a_site_word_that_the_starter_list_also_has_replaces_it() throws Exception {
        // the starter list cuts 統合幕僚監部 into 統合 / 幕僚 / 監部; this site keeps 幕僚監部 whole
        var file = dir.resolve("userdict.txt");
        Files.writeString(file, "統合幕僚監部,統合 幕僚監部,トウゴウ バクリョウカンブ,カスタム名詞\n");
        var analysis = new JapaneseAnalysis(UserDictionaries.load(file));
        assertThat(terms(analysis, "統合幕僚監部が発表した")).contains("統合", "幕僚監部")
                .doesNotContain("監部");
        var starter = new JapaneseAnalysis(UserDictionaries.starterOnly());
        assertThat(terms(starter, "統合幕僚監部が発表した")).contains("統合", "幕僚", "監部");
    }

    @Test
    void bad_lines_are_skipped_with_their_number_and_the_rest_is_used() throws Exception {
        var file = dir.resolve("userdict.txt");
        Files.writeString(file, "# 自社の用語\n陸上総隊,陸上 総隊,リクジョウ ソウタイ\n水陸機動団,水陸 機動団,スイリク キドウダン,カスタム名詞\n");
        try (var log = new LogCapture(UserDictionaries.class)) {
            var analysis = new JapaneseAnalysis(UserDictionaries.load(file));
            assertThat(terms(analysis, "水陸機動団の訓練")).contains("水陸", "機動団");
            assertThat(log.lines()).anyMatch(l -> l.contains("line 2") && l.contains("4 comma-separated fields"));
        }
    }
}
