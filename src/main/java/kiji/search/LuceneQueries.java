package kiji.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns a {@link ReaderQuery} into a Lucene query over the text fields. Each term is analysed
 * the way the text was and must match as a phrase (a Japanese word is often several tokens:
 * 装備庁 → 装備 / 庁), in any field, the title counting most.
 */
final class LuceneQueries {
    static final Map<String, Float> FIELDS = Map.of(
            ArticleDocuments.TITLE, 4f,
            ArticleDocuments.TAGS, 2f,
            ArticleDocuments.AUTHORS, 2f,
            ArticleDocuments.LEAD, 1.5f,
            ArticleDocuments.CATEGORY_NAME, 1f,
            ArticleDocuments.BODY, 1f);

    private final QueryBuilder builder;

    LuceneQueries(Analyzer analyzer) {
        this.builder = new QueryBuilder(analyzer);
    }

    /** Empty when nothing the reader typed can match (no words, or only particles and signs). */
    Optional<Query> of(ReaderQuery q) {
        var top = new BooleanQuery.Builder();
        boolean any = false;
        for (var group : q.required()) {
            var alternatives = new ArrayList<Query>();
            for (var term : group) term(term).ifPresent(alternatives::add);
            if (alternatives.isEmpty()) continue;
            any = true;
            if (alternatives.size() == 1) {
                top.add(alternatives.getFirst(), BooleanClause.Occur.MUST);
            } else {
                var or = new BooleanQuery.Builder();
                alternatives.forEach(a -> or.add(a, BooleanClause.Occur.SHOULD));
                top.add(or.build(), BooleanClause.Occur.MUST);
            }
        }
        if (!any) return Optional.empty();
        for (var term : q.excluded()) term(term).ifPresent(t -> top.add(t, BooleanClause.Occur.MUST_NOT));
        return Optional.of(top.build());
    }

    /**
     * What the snippet of one field marks: every wanted term in that field alone. The highlighter
     * computes matches for each clause of the query it is given, so the search query (six fields,
     * filters) would cost it five fields of work for nothing.
     */
    Optional<Query> highlight(ReaderQuery q, String field) {
        var any = new BooleanQuery.Builder();
        boolean found = false;
        for (var group : q.required()) {
            for (var term : group) {
                var phrase = builder.createPhraseQuery(field, term.text());
                if (phrase != null) {
                    any.add(phrase, BooleanClause.Occur.SHOULD);
                    found = true;
                }
            }
        }
        return found ? Optional.of(any.build()) : Optional.empty();
    }

    private Optional<Query> term(ReaderQuery.Term term) {
        List<Query> perField = new ArrayList<>();
        for (var f : FIELDS.entrySet()) {
            var q = builder.createPhraseQuery(f.getKey(), term.text());
            if (q != null) perField.add(f.getValue() == 1f ? q : new BoostQuery(q, f.getValue()));
        }
        return perField.isEmpty() ? Optional.empty() : Optional.of(new DisjunctionMaxQuery(perField, 0.1f));
    }
}
