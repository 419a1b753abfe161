package kiji.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import kiji.article.Article;
import kiji.article.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index while it opens in the background: searches wait or answer "starting", changes queue. */
class StartingSearchIndexTest {
    static final Instant AT = LuceneSearchIndexTest.AT;

    @TempDir
    Path dir;

    final Map<Long, Article> db = new ConcurrentHashMap<>();
    final CountDownLatch gate = new CountDownLatch(1);

    final ArticleSource source = new ArticleSource() {
        public long count() {
            return db.values().stream().filter(LuceneSearchIndex::indexable).count();
        }

        public void forEach(Consumer<Article> each) {
            db.keySet().stream().sorted().map(db::get).filter(LuceneSearchIndex::indexable).forEach(each);
        }
    };

    /** Opens with an analyzer that is only handed over once the gate opens: the index is "starting" until then. */
    StartingSearchIndex openGated(Duration patience) {
        return StartingSearchIndex.open(dir.resolve("index"), () -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return JapaneseAnalysisTest.analysis;
        }, source, id -> Optional.ofNullable(db.get(id)), patience);
    }

    static List<String> titles(SearchIndex index, String q) {
        return index.search(SearchRequest.of(q), AT.plusSeconds(60)).items().stream().map(SearchResults.Hit::title).toList();
    }

    static Article article(long id, String title) {
        return LuceneSearchIndexTest.article(id, title, "<p>" + title + "</p>", Status.PUBLISHED);
    }

    @Test
    void a_search_while_the_index_opens_waits_its_patience_then_says_search_is_starting() {
        try (var index = openGated(Duration.ofMillis(200))) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> titles(index, "護衛艦"))
                    .isInstanceOfSatisfying(SearchUnavailableException.class, e -> assertThat(e.starting()).isTrue());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
            gate.countDown();
            assertThat(index.awaitOpen(Duration.ofMinutes(1))).isTrue();
            assertThat(titles(index, "護衛艦")).isEmpty();
        }
    }

    @Test
    void a_search_that_starts_while_the_index_opens_is_answered_once_it_is_open_within_the_patience() throws Exception {
        db.put(1L, article(1, "護衛艦の入港"));
        try (var index = openGated(Duration.ofMinutes(1))) {
            var answer = new java.util.concurrent.CompletableFuture<List<String>>();
            Thread.ofPlatform().start(() -> answer.complete(titles(index, "入港")));
            Thread.sleep(100);
            assertThat(answer).isNotDone();
            gate.countDown();
            assertThat(answer.get()).containsExactly("護衛艦の入港");
        }
    }

    @Test
    void changes_made_while_the_index_opens_are_applied_in_order_before_it_answers() {
        db.put(1L, article(1, "掃海艦の公開"));
        db.put(2L, article(2, "輸送機の展示"));
        try (var index = openGated(Duration.ofMinutes(1))) {
            // the database changes, and the index hears of each change, before the open reads anything
            var edited = article(1, "掃海艦の一般公開");
            db.put(1L, edited);
            index.put(edited);
            var added = article(3, "哨戒機の飛行");
            db.put(3L, added);
            index.put(added);
            db.remove(2L);
            index.remove(2);
            index.put(article(4, "一度だけの記事"));
            index.remove(4);
            gate.countDown();
            assertThat(index.size()).isEqualTo(2);
            assertThat(titles(index, "掃海艦")).containsExactly("掃海艦の一般公開");
            assertThat(titles(index, "哨戒機")).containsExactly("哨戒機の飛行");
            assertThat(titles(index, "輸送機")).isEmpty();
            assertThat(titles(index, "記事")).isEmpty();
        }
    }

    @Test
    void the_folder_is_locked_at_once_so_a_second_open_fails_before_serving() {
        try (var index = openGated(Duration.ofMinutes(1))) {
            assertThatThrownBy(() -> StartingSearchIndex.open(dir.resolve("index"), () -> JapaneseAnalysisTest.analysis,
                    source, id -> Optional.empty(), Duration.ZERO)).isInstanceOf(IndexBusyException.class);
            gate.countDown();
        }
    }

    @Test
    void closing_while_the_index_opens_waits_for_it_and_releases_the_folder() throws Exception {
        var index = openGated(Duration.ofMinutes(1));
        var closed = Thread.ofPlatform().start(index::close);
        Thread.sleep(100);
        assertThat(closed.isAlive()).isTrue();
        gate.countDown();
        closed.join(60_000);
        assertThat(closed.isAlive()).isFalse();
        try (var again = StartingSearchIndex.open(dir.resolve("index"), () -> JapaneseAnalysisTest.analysis, source,
                id -> Optional.empty(), Duration.ofMinutes(1))) {
            assertThat(again.size()).isZero();
        }
    }

    @Test
    void an_index_that_cannot_be_opened_answers_unavailable_not_starting_and_releases_the_folder() throws Exception {
        try (var log = new LogCapture(StartingSearchIndex.class);
             var index = StartingSearchIndex.open(dir.resolve("index"), () -> {
                 throw new IllegalStateException("dictionary missing");
             }, source, id -> Optional.empty(), Duration.ofMinutes(1))) {
            assertThat(index.awaitOpen(Duration.ofMinutes(1))).isFalse();
            index.put(article(1, "護衛艦の入港")); // taken without failing the editor's save
            assertThatThrownBy(() -> titles(index, "入港"))
                    .isInstanceOfSatisfying(SearchUnavailableException.class, e -> assertThat(e.starting()).isFalse());
            assertThat(log.lines()).anyMatch(l -> l.startsWith("ERROR") && l.contains("dictionary missing"));
        }
        assertThat(Files.exists(dir.resolve("index"))).isTrue();
        try (var again = StartingSearchIndex.open(dir.resolve("index"), () -> JapaneseAnalysisTest.analysis, source,
                id -> Optional.empty(), Duration.ofMinutes(1))) {
            assertThat(again.awaitOpen(Duration.ofMinutes(1))).isTrue();
        }
    }

    /** Locked now, opened by {@code openInBackground(beforeReady, delay)}; counts the analyzers made. */
    StartingSearchIndex lockDelayed(java.util.concurrent.atomic.AtomicInteger opens) {
        return StartingSearchIndex.lock(dir.resolve("index"), () -> {
            opens.incrementAndGet();
            return JapaneseAnalysisTest.analysis;
        }, source, id -> Optional.ofNullable(db.get(id)), Duration.ofMinutes(1));
    }

    @Test
    void a_delayed_open_waits_its_delay_then_opens_by_itself() throws Exception {
        db.put(1L, article(1, "護衛艦の入港"));
        var opens = new java.util.concurrent.atomic.AtomicInteger();
        var ready = new CountDownLatch(1);
        try (var index = lockDelayed(opens)) {
            long started = System.nanoTime();
            index.openInBackground(opened -> ready.countDown(), Duration.ofMillis(300));
            Thread.sleep(100);
            assertThat(opens).hasValue(0); // still waiting: the first pages have the CPU
            index.put(article(2, "護衛艦の出港")); // queued meanwhile
            assertThat(ready.await(1, java.util.concurrent.TimeUnit.MINUTES)).isTrue(); // nothing asked for it
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(titles(index, "護衛艦")).containsExactlyInAnyOrder("護衛艦の入港", "護衛艦の出港");
        }
    }

    @Test
    void a_search_during_the_delay_starts_the_open_at_once() {
        db.put(1L, article(1, "護衛艦の入港"));
        var opens = new java.util.concurrent.atomic.AtomicInteger();
        try (var index = lockDelayed(opens)) {
            index.openInBackground(opened -> { }, Duration.ofHours(1));
            long started = System.nanoTime();
            assertThat(titles(index, "入港")).containsExactly("護衛艦の入港"); // the patience is a minute, the delay an hour
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMinutes(1));
            assertThat(opens).hasValue(1);
        }
    }

    @Test
    void closing_during_the_delay_opens_nothing_and_releases_the_folder() throws Exception {
        var opens = new java.util.concurrent.atomic.AtomicInteger();
        var index = lockDelayed(opens);
        index.openInBackground(opened -> { }, Duration.ofHours(1));
        var closed = Thread.ofPlatform().start(index::close);
        closed.join(60_000);
        assertThat(closed.isAlive()).isFalse();
        assertThat(opens).hasValue(0);
        try (var again = StartingSearchIndex.open(dir.resolve("index"), () -> JapaneseAnalysisTest.analysis, source,
                id -> Optional.empty(), Duration.ofMinutes(1))) {
            assertThat(again.awaitOpen(Duration.ofMinutes(1))).isTrue();
        }
    }
}
