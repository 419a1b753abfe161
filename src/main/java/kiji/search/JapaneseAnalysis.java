package kiji.search;

import java.io.Reader;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseBaseFormFilter;
import org.apache.lucene.analysis.ja.JapaneseKatakanaStemFilter;
import org.apache.lucene.analysis.ja.JapanesePartOfSpeechStopFilter;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.dict.UserDictionary;
import org.apache.lucene.util.AttributeFactory;

/**
 * How Kiji reads Japanese: NFKC (width and compatibility forms), Kuromoji morphological analysis
 * in search mode (compounds also yield their parts: 防衛装備庁 → 防衛 / 装備 / 庁), base forms
 * (inflections meet: 行った → 行く), part-of-speech and stop-word removal (particles), katakana
 * long-vowel stemming (コンピューター = コンピュータ) and lowercasing. The same chain runs at index
 * and at query time, so a query is cut the way the text was.
 *
 * <p>Unlike character bigrams, 「東京都」 becomes 東京 / 都, so a search for 「京都」 does not
 * find it.
 */
public final class JapaneseAnalysis extends Analyzer {
    /**
     * Lucene's default stop tags, in a hash set: the immutable set it returns probes with
     * {@code equals}, about 1 % of a rebuild's CPU (JFR). The same tags, so the same tokens.
     */
    private static final Set<String> STOP_TAGS = Collections.unmodifiableSet(new HashSet<>(JapaneseAnalyzer.getDefaultStopTags()));
    private static final CharArraySet STOP_WORDS = caseSensitiveIfUncased(JapaneseAnalyzer.getDefaultStopSet());
    /** Lucene's token attributes, with a part-of-speech attribute that knows user-dictionary words. */
    private static final AttributeFactory TOKEN_ATTRIBUTES = AttributeFactory.getStaticImplementation(
            TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, TokenPartOfSpeech.class);

    private final UserDictionary userDictionary;
    private final boolean tuned;
    /** Made with the first tokenizer; empty when Lucene's internals refuse it (or not tuned). */
    private Optional<CachedDictionaryArcs.Installer> dictionaryArcs;

    /** @param userDictionary terms Kuromoji's own dictionary splits badly; see {@link UserDictionaries}. */
    public JapaneseAnalysis(UserDictionary userDictionary) {
        this(userDictionary, true);
    }

    /**
     * @param tuned false: Kuromoji and its filters exactly as Lucene ships them, to prove that Kiji's
     *     speed-ups ({@link HeapConnectionCosts}, {@link CachedDictionaryArcs}, {@link JapaneseTermFilter})
     *     change no token
     */
    JapaneseAnalysis(UserDictionary userDictionary, boolean tuned) {
        this.userDictionary = userDictionary;
        this.tuned = tuned;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new NfkcCharFilter(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        if (tuned) {
            var tokenizer = new JapaneseTokenizer(TOKEN_ATTRIBUTES, userDictionary, true, true, JapaneseTokenizer.Mode.SEARCH);
            HeapConnectionCosts.install(tokenizer);
            dictionaryArcs(tokenizer).ifPresent(arcs -> arcs.install(tokenizer));
            return new TokenStreamComponents(tokenizer, new JapaneseTermFilter(tokenizer, STOP_TAGS, STOP_WORDS,
                    UserDictionaries.partsOfSpeech(userDictionary)));
        }
        var tokenizer = new JapaneseTokenizer(userDictionary, true, true, JapaneseTokenizer.Mode.SEARCH);
        // Lucene's own chain, word for word what JapaneseTermFilter does in one pass
        TokenStream stream = new JapaneseBaseFormFilter(tokenizer);
        stream = new JapanesePartOfSpeechStopFilter(stream, JapaneseAnalyzer.getDefaultStopTags());
        stream = new StopFilter(stream, JapaneseAnalyzer.getDefaultStopSet());
        stream = new JapaneseKatakanaStemFilter(stream);
        stream = new LowerCaseFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /** Tokenizers are made per thread, so the first ones may be made at once. */
    private synchronized Optional<CachedDictionaryArcs.Installer> dictionaryArcs(JapaneseTokenizer first) {
        if (dictionaryArcs == null) dictionaryArcs = CachedDictionaryArcs.Installer.forTokenizersLike(first);
        return dictionaryArcs;
    }

    /**
     * Lucene's Japanese stop words are compared ignoring case, which lowercases every token's
     * characters for the lookup (about 1 % of a rebuild). None of them has a cased letter, so a
     * case-sensitive set removes exactly the same tokens; should that ever change, the original
     * set is kept.
     */
    static CharArraySet caseSensitiveIfUncased(CharArraySet words) {
        for (Object w : words) {
            var word = new String((char[]) w);
            if (!word.equals(word.toLowerCase(Locale.ROOT)) || !word.equals(word.toUpperCase(Locale.ROOT))) return words;
        }
        return CharArraySet.unmodifiableSet(new CharArraySet(words, false));
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
