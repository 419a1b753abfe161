package kiji.search;

import java.time.Instant;
import kiji.article.Article;
import kiji.article.Category;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;

/** How an article becomes a Lucene document, and back into a hit. */
final class ArticleDocuments {
    static final String ID = "id";
    /** The id as a number, to break ties in date order the same way on every page. */
    static final String ID_ORDER = "id_order";
    static final String TITLE = "title";
    static final String LEAD = "lead";
    static final String BODY = "body";
    static final String TAGS = "tags";
    static final String CATEGORY = "category";
    static final String CATEGORY_NAME = "category_name";
    static final String CATEGORY_ID = "category_id";
    static final String SECTION = "section";
    static final String AUTHORS = "authors";
    static final String PUBLISHED = "published";
    static final String STATUS = "status";
    /** The stored fields a hit shows: not the body, which only the snippet reads. */
    static final java.util.Set<String> HIT_FIELDS = java.util.Set.of(ID, TITLE, CATEGORY, CATEGORY_NAME, CATEGORY_ID,
            SECTION, PUBLISHED);

    /** Offsets in the postings let the highlighter mark matches without re-analysing the text. */
    private static final FieldType HIGHLIGHTED = highlighted();

    private ArticleDocuments() {}

    static Term idTerm(long id) {
        return new Term(ID, Long.toString(id));
    }

    static Document of(Article a) {
        var doc = new Document();
        doc.add(new StringField(ID, Long.toString(a.id()), Field.Store.YES));
        doc.add(new NumericDocValuesField(ID_ORDER, a.id()));
        doc.add(new TextField(TITLE, a.title(), Field.Store.YES));
        doc.add(new Field(LEAD, a.lead() == null ? "" : a.lead(), HIGHLIGHTED));
        doc.add(new Field(BODY, HtmlText.of(a.bodyHtml()), HIGHLIGHTED));
        for (var tag : a.tags()) doc.add(new TextField(TAGS, tag, Field.Store.NO));
        for (var author : a.authors()) doc.add(new TextField(AUTHORS, author, Field.Store.NO));
        var c = a.category();
        doc.add(new StringField(CATEGORY, c.slug(), Field.Store.YES));
        doc.add(new TextField(CATEGORY_NAME, c.name(), Field.Store.YES));
        doc.add(new StoredField(CATEGORY_ID, c.id()));
        doc.add(new StoredField(SECTION, c.section()));
        long at = a.publishedAt().orElse(a.updatedAt()).toEpochMilli();
        doc.add(new LongPoint(PUBLISHED, at));
        doc.add(new NumericDocValuesField(PUBLISHED, at));
        doc.add(new StoredField(PUBLISHED, at));
        doc.add(new StringField(STATUS, a.status().key(), Field.Store.NO));
        return doc;
    }

    static SearchResults.Hit hit(Document d, String titleHtml, String snippetHtml) {
        var category = new Category(d.getField(CATEGORY_ID).numericValue().longValue(), d.get(CATEGORY),
                d.get(CATEGORY_NAME), d.get(SECTION));
        return new SearchResults.Hit(Long.parseLong(d.get(ID)), d.get(TITLE), titleHtml,
                Instant.ofEpochMilli(d.getField(PUBLISHED).numericValue().longValue()), category, snippetHtml);
    }

    private static FieldType highlighted() {
        var t = new FieldType(TextField.TYPE_STORED);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.freeze();
        return t;
    }
}
