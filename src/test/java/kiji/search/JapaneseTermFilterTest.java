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
}
