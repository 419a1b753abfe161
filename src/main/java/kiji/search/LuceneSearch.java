package kiji.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Locale;
import kiji.article.TokyoTime;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/** One search against one point-in-time searcher: query, filters, order, page and snippets. */
final class LuceneSearch {
    private static final int SNIPPET_GOAL = 90;
    private static final SortField NEWEST = new SortField(ArticleDocuments.PUBLISHED, SortField.Type.LONG, true);
    private static final SortField HIGHEST_ID = new SortField(ArticleDocuments.ID_ORDER, SortField.Type.LONG, true);
    private static final Sort BY_DATE = new Sort(NEWEST, HIGHEST_ID);
    private static final Sort BY_RELEVANCE = new Sort(SortField.FIELD_SCORE, NEWEST, HIGHEST_ID);

    private final Analyzer analyzer;
    private final LuceneQueries queries;

    LuceneSearch(Analyzer analyzer) {
        this.analyzer = analyzer;
        this.queries = new LuceneQueries(analyzer);
    }

    SearchResults run(IndexSearcher searcher, SearchRequest r, Instant now) throws IOException {
        var text = queries.of(ReaderQuery.parse(r.text()));
        if (text.isEmpty()) return SearchResults.empty(r);
        var query = filtered(text.get(), r, now);
        var sort = r.order() == SearchRequest.Order.DATE ? BY_DATE : BY_RELEVANCE;
        // exact totals: readers see "N 件", and the corpus is small enough to count every hit
        var top = searcher.search(query, new TopFieldCollectorManager(sort, r.offset() + r.size(), null, Integer.MAX_VALUE));
        var page = new ArrayList<ScoreDoc>();
        for (int i = r.offset(); i < top.scoreDocs.length; i++) page.add(top.scoreDocs[i]);
        var ids = page.stream().mapToInt(d -> d.doc).toArray();
        var snippets = snippets(searcher, text.get(), ids);
        var hits = new ArrayList<SearchResults.Hit>(ids.length);
        var stored = searcher.storedFields();
        for (int i = 0; i < ids.length; i++) {
            var doc = stored.document(ids[i]);
            hits.add(ArticleDocuments.hit(doc, snippets[i]));
        }
        return new SearchResults(top.totalHits.value(), hits, r.page(), r.size());
    }

    private static Query filtered(Query text, SearchRequest r, Instant now) {
        long upper = now.toEpochMilli();
        if (r.to().isPresent()) {
            upper = Math.min(upper, r.to().get().plusDays(1).atStartOfDay(TokyoTime.ZONE).toInstant().toEpochMilli() - 1);
        }
        long lower = r.from().map(d -> d.atStartOfDay(TokyoTime.ZONE).toInstant().toEpochMilli()).orElse(Long.MIN_VALUE);
        var b = new BooleanQuery.Builder()
                .add(text, BooleanClause.Occur.MUST)
                // only what readers may see: published or scheduled, and its time has come
                .add(LongPoint.newRangeQuery(ArticleDocuments.PUBLISHED, lower, upper), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(ArticleDocuments.STATUS, "draft")), BooleanClause.Occur.MUST_NOT);
        r.category().ifPresent(c -> b.add(new TermQuery(new Term(ArticleDocuments.CATEGORY, c)), BooleanClause.Occur.FILTER));
        return b.build();
    }

    /** Body passages around the matches; the lead when the body has none; else the body's start. */
    private String[] snippets(IndexSearcher searcher, Query text, int[] ids) throws IOException {
        var out = new String[ids.length];
        if (ids.length == 0) return out;
        var highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new MarkedSnippet())
                .withMaxLength(20_000)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.JAPANESE), SNIPPET_GOAL, 0.3f))
                .withMaxNoHighlightPassages(0)
                .build();
        var fields = new String[] {ArticleDocuments.BODY, ArticleDocuments.LEAD};
        var found = highlighter.highlightFields(fields, text, ids, new int[] {2, 1});
        var stored = searcher.storedFields();
        for (int i = 0; i < ids.length; i++) {
            var body = found.get(ArticleDocuments.BODY)[i];
            var lead = found.get(ArticleDocuments.LEAD)[i];
            if (body != null && !body.isEmpty()) out[i] = body;
            else if (lead != null && !lead.isEmpty()) out[i] = lead;
            else out[i] = opening(stored.document(ids[i]));
        }
        return out;
    }

    private static String opening(org.apache.lucene.document.Document d) {
        var lead = d.get(ArticleDocuments.LEAD);
        var source = lead != null && !lead.isBlank() ? lead : d.get(ArticleDocuments.BODY);
        if (source == null) return "";
        int cut = source.offsetByCodePoints(0, Math.min(SNIPPET_GOAL, source.codePointCount(0, source.length())));
        return MarkedSnippet.escape(source.substring(0, cut)) + (cut < source.length() ? MarkedSnippet.ELLIPSIS : "");
    }
}
