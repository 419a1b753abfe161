package kiji.search;

import java.io.IOException;
import java.io.Reader;
import java.text.Normalizer;
import java.util.BitSet;
import kiji.article.Itaiji;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * Unicode NFKC, then the variant kanji of {@link Itaiji} folded (髙 → 高, 﨑 → 崎, 邊 → 辺, as an
 * officer's name is one name whichever way a list spelt it), before tokenizing, with offsets mapped back to the original text so highlights
 * land on what the editor wrote. Folds {@code ＮＡＴＯ} to {@code NATO}, half-width {@code ｶﾞ} to
 * {@code ガ}, {@code ㈱} to {@code (株)}. Uses java.text.Normalizer, so no ICU dependency.
 */
final class NfkcCharFilter extends BaseCharFilter {
    private String output;
    private int position;

    NfkcCharFilter(Reader in) {
        super(in);
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (output == null) output = normalize(readAll());
        if (position >= output.length()) return -1;
        int n = Math.min(len, output.length() - position);
        output.getChars(position, position + n, cbuf, off);
        position += n;
        return n;
    }

    private String readAll() throws IOException {
        var sb = new StringBuilder();
        char[] buf = new char[4096];
        for (int n; (n = input.read(buf)) != -1; ) sb.append(buf, 0, n);
        return sb.toString();
    }

    private String normalize(String text) {
        if (Normalizer.isNormalized(text, Normalizer.Form.NFKC) && text.codePoints().noneMatch(Itaiji::isVariant)) {
            return text;
        }
        var out = new StringBuilder(text.length());
        int diff = 0;
        int in = 0;
        while (in < text.length()) {
            int end = segmentEnd(text, in);
            if (end == in + 1 && stable(text.charAt(in))) {
                out.append(text.charAt(in));
                in = end;
                continue;
            }
            var segment = text.substring(in, end);
            var norm = Itaiji.fold(Normalizer.normalize(segment, Normalizer.Form.NFKC));
            int outStart = out.length();
            out.append(norm);
            if (norm.length() > segment.length()) {
                // an expansion (㈱ → (株)): keep offsets inside it within the original character
                for (int k = 1; k < norm.length(); k++) {
                    int inPos = Math.min(in + k, end);
                    addOffCorrectMap(outStart + k, inPos - (outStart + k));
                }
            }
            int newDiff = end - out.length();
            if (newDiff != diff) {
                addOffCorrectMap(out.length(), newDiff);
                diff = newDiff;
            }
            in = end;
        }
        return out.toString();
    }

    /** A character plus the combining marks (and kana voicing marks) that follow it. */
    private static int segmentEnd(String text, int start) {
        int end = start + Character.charCount(text.codePointAt(start));
        while (end < text.length() && combines(text.charAt(end))) end++;
        return end;
    }

    private static boolean combines(char c) {
        if (c == '\uFF9E' || c == '\uFF9F' || c == '\u3099' || c == '\u309A') return true;
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** Characters NFKC and the variant table leave alone on their own, so the common case skips both. */
    private static final BitSet STABLE = stableCharacters();

    private static boolean stable(char c) {
        return STABLE.get(c);
    }

    private static BitSet stableCharacters() {
        var set = new BitSet(0x10000);
        for (char c = 0; c < 0xFFFF; c++) {
            if (Character.isSurrogate(c) || combines(c) || Itaiji.isVariant(c)) continue;
            if (Normalizer.isNormalized(String.valueOf(c), Normalizer.Form.NFKC)) set.set(c);
        }
        return set;
    }
}
