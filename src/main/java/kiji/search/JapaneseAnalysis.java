package kiji.search;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseBaseFormFilter;
import org.apache.lucene.analysis.ja.JapaneseKatakanaStemFilter;
import org.apache.lucene.analysis.ja.JapanesePartOfSpeechStopFilter;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.dict.UserDictionary;

/**
 * How Kiji reads Japanese: NFKC (width and compatibility forms), Kuromoji morphological analysis
 * in search mode (compounds also yield their parts: 防衛装備庁 → 防衛 / 装備 / 庁), base forms
 * (inflections meet: 行った → 行く), part-of-speech and stop-word removal (particles), katakana
 * long-vowel stemming (コンピューター = コンピュータ) and lowercasing — Lucene's Kuromoji and
 * its filters as Lucene ships them. The same chain runs at index and at query time, so a query is
 * cut the way the text was.
 *
 * <p>Unlike character bigrams, 「東京都」 becomes 東京 / 都, so a search for 「京都」 does not
 * find it.
 */
public final class JapaneseAnalysis extends Analyzer {
    private final UserDictionary userDictionary;

    /** @param userDictionary terms Kuromoji's own dictionary splits badly; see {@link UserDictionaries}. */
    public JapaneseAnalysis(UserDictionary userDictionary) {
        this.userDictionary = userDictionary;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new NfkcCharFilter(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        var tokenizer = new JapaneseTokenizer(userDictionary, true, true, JapaneseTokenizer.Mode.SEARCH);
        TokenStream stream = new JapaneseBaseFormFilter(tokenizer);
        stream = new JapanesePartOfSpeechStopFilter(stream, JapaneseAnalyzer.getDefaultStopTags());
        stream = new StopFilter(stream, JapaneseAnalyzer.getDefaultStopSet());
        stream = new JapaneseKatakanaStemFilter(stream);
        stream = new LowerCaseFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return new NfkcCharFilter(reader);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }
}
