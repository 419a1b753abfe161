package kiji.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The query syntax a reader can use without knowing Lucene: words (all must match),
 * {@code "exact phrase"}, {@code -exclude} and {@code OR} between two terms. Everything else
 * ({@code AND}, brackets, {@code field:}, {@code *}, stray quotes) is plain text, so no input is
 * an error. Full-width quotes, minus and spaces work like their ASCII forms.
 *
 * @param required each entry is a group of alternatives (a group of one for a plain word)
 * @param excluded terms an article must not contain
 */
public record ReaderQuery(List<List<Term>> required, List<Term> excluded) {
    /** More terms than this are dropped: no reader needs them, and the engine's clause limit is finite. */
    static final int MAX_TERMS = 32;

    public record Term(String text, boolean phrase) {}

    public ReaderQuery {
        required = required.stream().map(List::copyOf).toList();
        excluded = List.copyOf(excluded);
    }

    public boolean isEmpty() {
        return required.isEmpty();
    }

    public static ReaderQuery parse(String input) {
        var s = Normalizer.normalize(input == null ? "" : input, Normalizer.Form.NFKC)
                .replace('“', '"').replace('”', '"').replace('「', '"').replace('」', '"');
        var required = new ArrayList<List<Term>>();
        var excluded = new ArrayList<Term>();
        boolean orPending = false;
        int terms = 0;
        int i = 0;
        while (i < s.length() && terms < MAX_TERMS) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean negated = false;
            if (c == '-' && i + 1 < s.length() && !Character.isWhitespace(s.charAt(i + 1))) {
                negated = true;
                i++;
            }
            Term term;
            if (s.charAt(i) == '"' && s.indexOf('"', i + 1) > i) {
                int close = s.indexOf('"', i + 1);
                term = new Term(s.substring(i + 1, close).strip(), true);
                i = close + 1;
            } else {
                int end = i;
                while (end < s.length() && !Character.isWhitespace(s.charAt(end))) end++;
                term = new Term(s.substring(i, end), false);
                i = end;
            }
            if (term.text().isEmpty()) continue;
            if (!negated && !term.phrase() && term.text().equals("OR")) {
                orPending = !required.isEmpty();
                continue;
            }
            terms++;
            if (negated) {
                excluded.add(term);
            } else if (orPending) {
                required.getLast().add(term);
            } else {
                required.add(new ArrayList<>(List.of(term)));
            }
            orPending = false;
        }
        return new ReaderQuery(required, excluded);
    }
}
