package kiji.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import kiji.article.Article;
import kiji.article.Category;
import kiji.article.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index without a server: rebuild races, drafts, snippet escaping. */
class LuceneSearchIndexTest {
    static final Instant AT = Instant.parse("2024-10-20T03:00:00Z");
    static final Category DEFENSE = new Category(1, "japan-defense", "日本の防衛", "mod");
    static final JapaneseAnalysis analysis = JapaneseAnalysisTest.analysis;

    @TempDir
    Path dir;

    /** A database stand-in: the tests change it while a rebuild reads it. */
    final Map<Long, Article> db = new ConcurrentHashMap<>();

    static Article article(long id, String title, String bodyHtml, Status status) {
        return new Article(id, title, "", bodyHtml, bodyHtml, DEFENSE, List.of(), List.of(), status, Optional.of(AT), AT, AT);
    }

    ArticleSource source(Consumer<Long> whileReading) {
        return new ArticleSource() {
            public long count() {
                return db.values().stream().filter(LuceneSearchIndex::indexable).count();
            }

            public void forEach(Consumer<Article> each) {
                for (var id : db.keySet().stream().sorted().toList()) {
                    var a = db.get(id); // read ...
                    if (a == null) continue;
                    whileReading.accept(id); // ... someone edits ...
                    if (LuceneSearchIndex.indexable(a)) each.accept(a); // ... and the read copy is written
                }
            }
        };
    }

    List<String> titles(SearchIndex index, String q) {
        return index.search(SearchRequest.of(q), AT.plusSeconds(60)).items().stream().map(SearchResults.Hit::title).toList();
    }

    @Test
    void edits_made_while_a_rebuild_reads_the_database_end_up_in_the_new_index() {
        for (long id = 1; id <= 5; id++) db.put(id, article(id, "演習 " + id, "<p>演習の記録</p>", Status.PUBLISHED));
        try (var index = LuceneSearchIndex.open(dir, analysis, source(id -> {}), id -> Optional.ofNullable(db.get(id)))) {
            assertThat(index.size()).isEqualTo(5);
            // each edit lands after the rebuild read that article and before it wrote it: the stale
            // copy would win without the final re-sync
            index.rebuild(source(id -> {
                if (id == 3) {
                    var edited = article(3, "演習 3 改訂", "<p>演習の記録(改訂)</p>", Status.PUBLISHED);
                    db.put(3L, edited);
                    index.put(edited);
                    var added = article(6, "演習 6", "<p>演習の記録</p>", Status.PUBLISHED);
                    db.put(6L, added);
                    index.put(added);
                }
                if (id == 5) {
                    db.remove(5L);
                    index.remove(5);
                }
            }));
            assertThat(titles(index, "演習")).containsExactlyInAnyOrder("演習 1", "演習 2", "演習 3 改訂", "演習 4", "演習 6");
            assertThat(index.size()).isEqualTo(5);
        }
    }

    @Test
    void a_rebuild_that_fails_leaves_the_old_index_answering() {
        db.put(1L, article(1, "観閲式", "<p>観閲式</p>", Status.PUBLISHED));
        try (var index = LuceneSearchIndex.open(dir, analysis, source(id -> {}), id -> Optional.ofNullable(db.get(id)))) {
            var live = index.liveFolder();
            try {
                index.rebuild(source(id -> {
                    throw new IllegalStateException("database went away");
                }));
            } catch (IllegalStateException expected) {
                // the operator sees the failure; readers do not
            }
            assertThat(index.liveFolder()).isEqualTo(live);
            assertThat(titles(index, "観閲式")).containsExactly("観閲式");
        }
    }

    @Test
    void drafts_are_never_indexed_and_a_draft_update_removes_the_article() {
        try (var index = LuceneSearchIndex.open(dir, analysis, source(id -> {}), id -> Optional.empty())) {
            index.put(article(1, "機密の下書き", "<p>下書き</p>", Status.DRAFT));
            index.put(article(2, "公開記事", "<p>公開</p>", Status.PUBLISHED));
            assertThat(index.size()).isEqualTo(1);
            index.put(article(2, "公開記事", "<p>公開</p>", Status.DRAFT));
            assertThat(index.size()).isZero();
        }
    }

    @Test
    void snippet_escapes_the_article_text_and_marks_only_the_matches() {
        try (var index = LuceneSearchIndex.open(dir, analysis, source(id -> {}), id -> Optional.empty())) {
            index.put(article(1, "<script>alert(1)</script> 護衛艦",
                    "<p>護衛艦 &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 訓練</p>", Status.PUBLISHED));
            var hit = index.search(SearchRequest.of("護衛艦"), AT.plusSeconds(1)).items().getFirst();
            assertThat(hit.title()).isEqualTo("<script>alert(1)</script> 護衛艦");
            assertThat(hit.snippetHtml())
                    .isEqualTo("<mark>護衛艦</mark> &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 訓練");
        }
    }
}
