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
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/** One search against one point-in-time searcher: query, filters, order, page and snippets. */
final class LuceneSearch {
    /** Totals are exact up to this many hits (or the end of the page asked for, if deeper). */
    static final int COUNT_EXACTLY_UP_TO = 1_000;
    private static final int SNIPPET_GOAL = 90;
    private static final java.util.Set<String> OPENING_FIELDS = java.util.Set.of(ArticleDocuments.LEAD, ArticleDocuments.BODY);
    private static final SortField NEWEST = new SortField(ArticleDocuments.PUBLISHED, SortField.Type.LONG, true);
    private static final SortField HIGHEST_ID = new SortField(ArticleDocuments.ID_ORDER, SortField.Type.LONG, true);
    static final Sort BY_DATE = new Sort(NEWEST, HIGHEST_ID);
    private static final Sort BY_RELEVANCE = new Sort(SortField.FIELD_SCORE, NEWEST, HIGHEST_ID);

    private final Analyzer analyzer;
    private final LuceneQueries queries;

    LuceneSearch(Analyzer analyzer) {
        this.analyzer = analyzer;
        this.queries = new LuceneQueries(analyzer);
    }

    SearchResults run(IndexSearcher searcher, SearchRequest r, Instant now) throws IOException {
        var reader = ReaderQuery.parse(r.text());
        var text = queries.of(reader);
        if (text.isEmpty()) return SearchResults.empty(r);
        var query = filtered(text.get(), r, now);
        var sort = r.order() == SearchRequest.Order.DATE ? BY_DATE : BY_RELEVANCE;
        int wanted = r.offset() + r.size();
        // Counting every hit of a very common word (防衛, 訓練) means scoring every hit; past the
        // threshold Lucene may skip blocks that cannot reach the page, and the total is a floor
        int countUpTo = Math.max(COUNT_EXACTLY_UP_TO, wanted);
        var top = searcher.search(query, new TopFieldCollectorManager(sort, wanted, null, countUpTo));
        boolean lowerBound = top.totalHits.relation() == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO;
        var page = new ArrayList<ScoreDoc>();
        for (int i = r.offset(); i < top.scoreDocs.length; i++) page.add(top.scoreDocs[i]);
        var ids = page.stream().mapToInt(d -> d.doc).toArray();
        var snippets = snippets(searcher, reader, ids);
        var titles = titles(searcher, reader, ids);
        var hits = new ArrayList<SearchResults.Hit>(ids.length);
        var stored = searcher.storedFields();
        for (int i = 0; i < ids.length; i++) {
            var doc = stored.document(ids[i], ArticleDocuments.HIT_FIELDS);
            var title = doc.get(ArticleDocuments.TITLE);
            var titleHtml = titles[i] != null && !titles[i].isEmpty() ? titles[i] : MarkedSnippet.escape(title == null ? "" : title);
            hits.add(ArticleDocuments.hit(doc, titleHtml, snippets[i]));
        }
        return new SearchResults(lowerBound ? countUpTo : top.totalHits.value(), lowerBound, hits, r.page(), r.size());
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

    /**
     * Body passages around the matches; the lead when the body has none; else the opening. Each
     * field is highlighted with its own query, and the lead only for hits whose body did not match.
     */
    private String[] snippets(IndexSearcher searcher, ReaderQuery reader, int[] ids) throws IOException {
        var out = new String[ids.length];
        if (ids.length == 0) return out;
        var highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new MarkedSnippet())
                .withMaxLength(20_000)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.JAPANESE), SNIPPET_GOAL, 0.3f))
                .withMaxNoHighlightPassages(0)
                .build();
        var body = queries.highlight(reader, ArticleDocuments.BODY);
        if (body.isPresent()) {
            var found = highlight(highlighter, ArticleDocuments.BODY, body.get(), ids, 2);
            for (int i = 0; i < ids.length; i++) if (found[i] != null && !found[i].isEmpty()) out[i] = found[i];
        }
        var rest = java.util.stream.IntStream.range(0, ids.length).filter(i -> out[i] == null).toArray();
        if (rest.length == 0) return out;
        var lead = queries.highlight(reader, ArticleDocuments.LEAD);
        if (lead.isPresent()) {
            var found = highlight(highlighter, ArticleDocuments.LEAD, lead.get(),
                    java.util.Arrays.stream(rest).map(i -> ids[i]).toArray(), 1);
            for (int j = 0; j < rest.length; j++) if (found[j] != null && !found[j].isEmpty()) out[rest[j]] = found[j];
        }
        var stored = searcher.storedFields();
        for (int i : rest) if (out[i] == null) out[i] = opening(stored.document(ids[i], OPENING_FIELDS));
        return out;
    }

    /**
     * Each title whole, its matches marked; a title without a match comes back escaped and unmarked.
     * Titles are short, so the highlighter analyses them again rather than the index storing offsets.
     */
    private String[] titles(IndexSearcher searcher, ReaderQuery reader, int[] ids) throws IOException {
        var query = queries.highlight(reader, ArticleDocuments.TITLE);
        if (ids.length == 0 || query.isEmpty()) return new String[ids.length];
        var highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new MarkedSnippet())
                .withBreakIterator(WholeBreakIterator::new)
                .withMaxNoHighlightPassages(1)
                .build();
        return highlight(highlighter, ArticleDocuments.TITLE, query.get(), ids, 1);
    }

    private static String[] highlight(UnifiedHighlighter h, String field, Query q, int[] ids, int passages)
            throws IOException {
        return h.highlightFields(new String[] {field}, q, ids, new int[] {passages}).get(field);
    }

    private static String opening(org.apache.lucene.document.Document d) {
        var lead = d.get(ArticleDocuments.LEAD);
        var source = lead != null && !lead.isBlank() ? lead : d.get(ArticleDocuments.BODY);
        if (source == null) return "";
        int cut = source.offsetByCodePoints(0, Math.min(SNIPPET_GOAL, source.codePointCount(0, source.length())));
        return MarkedSnippet.escape(source.substring(0, cut)) + (cut < source.length() ? MarkedSnippet.ELLIPSIS : "");
    }
}
