package kiji.search;

import org.apache.lucene.analysis.ja.Token;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttributeImpl;
import org.apache.lucene.analysis.morph.TokenType;

/**
 * Lucene's part-of-speech attribute, which also tells whether the token came from the user
 * dictionary. Lucene works out a user word's part of speech by splitting its dictionary line
 * on every call (~2 % of a rebuild's CPU); {@link JapaneseTermFilter} need not ask when no entry
 * of the user dictionary has a stop tag ({@link UserDictionaries#partsOfSpeech}).
 */
public final class TokenPartOfSpeech extends PartOfSpeechAttributeImpl {
    private boolean user;

    @Override
    public void setToken(Token token) {
        super.setToken(token);
        user = token != null && token.getType() == TokenType.USER;
    }

    /** True when the current token is a user-dictionary word. */
    boolean user() {
        return user;
    }

    @Override
    public void clear() {
        super.clear();
        user = false;
    }
}
