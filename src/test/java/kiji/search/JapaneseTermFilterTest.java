package kiji.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.lucene.analysis.CharacterUtils;
import org.junit.jupiter.api.Test;

/** The two shortcuts of JapaneseTermFilter give what Lucene's filters give, char for char. */
class JapaneseTermFilterTest {
    @Test
    void katakana_is_the_unicode_block_lucene_asks_for_on_every_char() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char[] one = {(char) c};
            assertThat(JapaneseTermFilter.isKatakana(one, 1)).as("U+%04X", c)
                    .isEqualTo(Character.UnicodeBlock.of((char) c) == Character.UnicodeBlock.KATAKANA);
        }
    }

    @Test
    void no_char_of_the_skipped_range_has_a_lower_case() {
        for (char c = '\u3040'; c <= '\u9fff'; c++) assertThat(Character.toLowerCase((int) c)).as("U+%04X", (int) c).isEqualTo(c);
    }

    @Test
    void lowercasing_equals_lucenes_on_mixed_scripts_and_surrogate_pairs() {
        var pool = "ABCxyzＡＢＣｘｙｚΑΒΓαβγДЖЯдЖяÀÉÎõİıẞ防衛装備庁かなカナｶﾅー123、。・"
                + new String(Character.toChars(0x10400)) + new String(Character.toChars(0x1D400)) + "\ud800";
        var random = new Random(20261126);
        for (int i = 0; i < 20_000; i++) {
            var sb = new StringBuilder();
            for (int k = random.nextInt(12); k >= 0; k--) sb.append(pool.charAt(random.nextInt(pool.length())));
            char[] ours = sb.toString().toCharArray();
            char[] lucenes = ours.clone();
            JapaneseTermFilter.lowercase(ours, ours.length);
            CharacterUtils.toLowerCase(lucenes, 0, lucenes.length);
            assertThat(new String(ours)).as(sb.toString()).isEqualTo(new String(lucenes));
        }
    }

    @Test
    void user_words_are_kept_or_dropped_by_their_part_of_speech_as_lucene_does(@org.junit.jupiter.api.io.TempDir
                                                                               java.nio.file.Path dir) throws Exception {
        var file = dir.resolve("userdict.txt");
        // a particle tag is one of Lucene's stop tags: with it in the dictionary, user words are asked again
        java.nio.file.Files.writeString(file, "試験語句,試験 語句,シケン ゴク,助詞-格助詞-一般\n統合幕僚監部,統合 幕僚 監部,トウゴウ バクリョウ カンブ,カスタム名詞\n");
        var dictionary = UserDictionaries.load(file);
        assertThat(UserDictionaries.partsOfSpeech(dictionary)).get().asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.COLLECTION).contains("助詞-格助詞-一般", "カスタム名詞");
        var text = "統合幕僚監部は試験語句を防衛装備庁に送った。";
        var tuned = HeapConnectionCostsTest.tokens(new JapaneseAnalysis(dictionary), text);
        assertThat(tuned).isEqualTo(HeapConnectionCostsTest.tokens(new JapaneseAnalysis(dictionary, false), text));
        assertThat(String.join(" ", tuned)).contains("統合").doesNotContain("試験").doesNotContain("語句");
        // the starter list alone has no stop tag: its words are kept without asking, and still match Lucene
        var starter = UserDictionaries.starterOnly();
        assertThat(UserDictionaries.partsOfSpeech(starter)).get().asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.COLLECTION).doesNotContainAnyElementsOf(
                org.apache.lucene.analysis.ja.JapaneseAnalyzer.getDefaultStopTags());
        assertThat(HeapConnectionCostsTest.tokens(new JapaneseAnalysis(starter), text))
                .isEqualTo(HeapConnectionCostsTest.tokens(new JapaneseAnalysis(starter, false), text));
    }
}
