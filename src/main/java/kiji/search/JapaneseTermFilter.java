package kiji.search;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.CharacterUtils;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ja.tokenattributes.BaseFormAttribute;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Lucene's five filters after Kuromoji, in one pass and in their order: base forms
 * ({@code JapaneseBaseFormFilter}), part-of-speech stop tags ({@code JapanesePartOfSpeechStopFilter}),
 * stop words ({@code StopFilter}), katakana long-vowel stemming ({@code JapaneseKatakanaStemFilter},
 * minimum length 4) and lowercasing ({@code LowerCaseFilter}). A rebuild runs them on every one of
 * its hundred million tokens; one filter instead of five saves the calls between them, and two
 * checks skip work that cannot change a Japanese term (see {@link #isKatakana} and
 * {@link #lowercase}). The tokens are Lucene's chain's, position increments included
 * ({@code HeapConnectionCostsTest} compares them with the stock chain).
 */
final class JapaneseTermFilter extends TokenFilter {
    private static final int MINIMUM_KATAKANA_LENGTH = 4;
    private static final char PROLONGED_SOUND_MARK = '\u30fc';

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final BaseFormAttribute baseForm = addAttribute(BaseFormAttribute.class);
    private final PartOfSpeechAttribute partOfSpeech = addAttribute(PartOfSpeechAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final Set<String> stopTags;
    private final CharArraySet stopWords;
    /** No user-dictionary word has a stop tag, so a user word's part of speech need not be asked. */
    private final boolean userWordsKept;
    /** Positions of dropped tokens, carried to the next kept one (or to the end), as FilteringTokenFilter does. */
    private int skippedPositions;

    /**
     * @param userPartsOfSpeech the user dictionary's parts of speech, when known: a user word is then
     *     kept or dropped by them without asking the tokenizer (see {@link TokenPartOfSpeech})
     */
    JapaneseTermFilter(TokenStream input, Set<String> stopTags, CharArraySet stopWords,
                       Optional<Set<String>> userPartsOfSpeech) {
        super(input);
        this.stopTags = stopTags;
        this.stopWords = stopWords;
        this.userWordsKept = partOfSpeech instanceof TokenPartOfSpeech
                && userPartsOfSpeech.filter(tags -> tags.stream().noneMatch(stopTags::contains)).isPresent();
    }

    @Override
    public boolean incrementToken() throws IOException {
        skippedPositions = 0;
        while (input.incrementToken()) {
            boolean free = !keyword.isKeyword();
            if (free) {
                var base = baseForm.getBaseForm();
                if (base != null) term.setEmpty().append(base);
            }
            if (kept()) {
                if (skippedPositions != 0) increment.setPositionIncrement(increment.getPositionIncrement() + skippedPositions);
                int length = term.length();
                if (free && length >= MINIMUM_KATAKANA_LENGTH && term.buffer()[length - 1] == PROLONGED_SOUND_MARK
                        && isKatakana(term.buffer(), length)) {
                    term.setLength(length - 1);
                }
                lowercase(term.buffer(), term.length());
                return true;
            }
            skippedPositions += increment.getPositionIncrement();
        }
        return false;
    }

    private boolean kept() {
        if (!(userWordsKept && ((TokenPartOfSpeech) partOfSpeech).user())) {
            var pos = partOfSpeech.getPartOfSpeech();
            if (pos != null && stopTags.contains(pos)) return false;
        }
        return !stopWords.contains(term.buffer(), 0, term.length());
    }

    /** Lucene asks {@code Character.UnicodeBlock.of(c) == KATAKANA} per char: that block is U+30A0–U+30FF. */
    static boolean isKatakana(char[] text, int length) {
        for (int i = 0; i < length; i++) {
            if (text[i] < '\u30a0' || text[i] > '\u30ff') return false;
        }
        return true;
    }

    /**
     * {@code LowerCaseFilter}'s lowercasing, skipping the chars that have no lower case: ASCII is
     * done inline, and U+3040–U+9FFF (kana, CJK symbols and ideographs; {@code
     * JapaneseTermFilterTest} checks each) are left as they are.
     */
    static void lowercase(char[] text, int length) {
        for (int i = 0; i < length; i++) {
            char c = text[i];
            if (c < 0x80) {
                if (c >= 'A' && c <= 'Z') text[i] = (char) (c + ('a' - 'A'));
            } else if (c < 0x3040 || c > 0x9fff) {
                CharacterUtils.toLowerCase(text, i, length); // the rest, code point by code point
                return;
            }
        }
    }

    @Override
    public void end() throws IOException {
        super.end();
        increment.setPositionIncrement(increment.getPositionIncrement() + skippedPositions);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        skippedPositions = 0;
    }
}
