package kiji.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.junit.jupiter.api.Test;

/**
 * The heap copy of Kuromoji's connection costs is in use, and Kiji's tuned analysis (it, the
 * dictionary-arc cache, the one-pass filter) gives stock Kuromoji's tokens.
 */
class HeapConnectionCostsTest {
    @Test
    void heap_table_holds_every_cost_of_lucenes_table() {
        var heap = HeapConnectionCosts.shared().orElseThrow();
        var lucene = HeapConnectionCosts.lucene();
        assertThat(heap.forwardSize()).isGreaterThan(1000);
        assertThat(heap.backwardSize()).isGreaterThan(1000);
        long differing = 0;
        for (int b = 0; b < heap.backwardSize(); b++) {
            for (int f = 0; f < heap.forwardSize(); f++) if (heap.get(f, b) != lucene.get(f, b)) differing++;
        }
        assertThat(differing).isZero();
    }

    @Test
    void the_tokenizer_takes_the_heap_table() {
        var tokenizer = new JapaneseTokenizer(UserDictionaries.starterOnly(), true, true, JapaneseTokenizer.Mode.SEARCH);
        assertThat(HeapConnectionCosts.install(tokenizer)).isTrue();
    }

    @Test
    void terms_positions_and_offsets_are_those_of_stock_kuromoji_and_its_filters_on_varied_text() throws IOException {
        var dictionary = UserDictionaries.starterOnly();
        var heap = new JapaneseAnalysis(dictionary);
        var stock = new JapaneseAnalysis(dictionary, false);
        var texts = texts();
        long tokens = 0;
        for (var text : texts) {
            var expected = tokens(stock, text);
            assertThat(tokens(heap, text)).as(text).isEqualTo(expected);
            tokens += expected.size();
        }
        assertThat(tokens).isGreaterThan(200_000);
    }

    /**
     * Sentences from the benchmark's word list (written for Kiji: names, units, equipment,
     * places), and random runs of every script a Japanese news text mixes, in full and half
     * width, with punctuation, digits and Latin letters.
     */
    static List<String> texts() throws IOException {
        var words = new ArrayList<String>();
        for (var line : Files.readAllLines(Path.of("bench/search/words-ja.txt"))) {
            if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("[")) words.add(line.strip());
        }
        var pool = "あいうえおかがきぎくけこさしすせそただちつてとなにぬねのはばぱひびぴふへほまみむめもやゆよらりるれろわをんっゃゅょー"
                + "アイウエオカガキクケコサシスセソタダチツテトナニヌネノハバパヒフヘホマミムメモヤユヨラリルレロワヲンッャュョー"
                + "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｰﾞﾟ"
                + "防衛装備庁省自衛隊艦護衛空陸海幕僚長官学校東京都京大阪府日本米国際訓練実施発表予算要求"
                + "ABCxyzＡＢＣｘｙｚ0123456789０１２３４５６７８９、。・「」（）()！？!? 　\n㈱①№";
        var random = new Random(20261126);
        var texts = new ArrayList<String>();
        for (int i = 0; i < 2_500; i++) {
            var sb = new StringBuilder();
            int length = 50 + random.nextInt(700);
            while (sb.length() < length) {
                if (random.nextInt(3) > 0) {
                    sb.append(words.get(random.nextInt(words.size())));
                } else {
                    for (int k = 1 + random.nextInt(12); k > 0; k--) sb.append(pool.charAt(random.nextInt(pool.length())));
                }
            }
            texts.add(sb.toString());
        }
        return texts;
    }

    static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        var out = new ArrayList<String>();
        try (var ts = analyzer.tokenStream("body", text)) {
            var term = ts.addAttribute(CharTermAttribute.class);
            var offset = ts.addAttribute(OffsetAttribute.class);
            var increment = ts.addAttribute(PositionIncrementAttribute.class);
            var length = ts.addAttribute(PositionLengthAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + " +" + increment.getPositionIncrement() + " ×" + length.getPositionLength() + " "
                        + offset.startOffset() + "-" + offset.endOffset());
            }
            ts.end();
            out.add("end " + offset.endOffset() + " +" + increment.getPositionIncrement());
        }
        return out;
    }
}
