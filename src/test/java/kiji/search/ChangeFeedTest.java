package kiji.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import kiji.article.Article;
import kiji.article.Status;
import kiji.storage.Database;
import kiji.testing.MutableClock;
import kiji.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feed's bookkeeping: late-committed rows are not skipped, the mark survives a restart. */
class ChangeFeedTest {
    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.at("2024-10-21T03:00:00Z");
    final AtomicLong ticker = new AtomicLong();
    final Map<Long, Article> db = new ConcurrentHashMap<>();

    ArticleSource source() {
        return new ArticleSource() {
            public long count() {
                return db.size();
            }

            public void forEach(Consumer<Article> each) {
                db.values().forEach(each);
            }
        };
    }

    List<String> titles(SearchIndex index, String q) {
        return index.search(SearchRequest.of(q), clock.instant().plusSeconds(60)).items().stream()
                .map(SearchResults.Hit::title).sorted().toList();
    }

    void insert(Database database, long seq, long articleId) {
        database.jdbi().useHandle(h -> h.execute(
                "INSERT INTO search_change (seq, article_id, changed_at) VALUES (?, ?, ?)", seq, articleId, clock.millis()));
    }

    /** A feed on {@code database} into {@code index}, on the test's ticker, resumed from its stored mark. */
    ChangeFeed resumedFeed(Database database, SearchIndex index) {
        var feed = new ChangeFeed(new ChangeLog(database.jdbi()), index, id -> Optional.ofNullable(db.get(id)),
                dir.resolve("index/CHANGES"), clock, ticker::get);
        feed.resume(source());
        return feed;
    }

    @Test
    void a_change_committed_late_with_a_lower_number_is_still_applied() {
        try (var database = TestDatabases.open(TestDatabases.Engine.SQLITE, dir);
             var index = LuceneSearchIndex.open(dir.resolve("index"), LuceneSearchIndexTest.analysis, source(),
                     id -> Optional.ofNullable(db.get(id)))) {
            var feed = resumedFeed(database, index);
            db.put(1L, LuceneSearchIndexTest.article(1, "演習 1", "<p>演習</p>", Status.PUBLISHED));
            db.put(3L, LuceneSearchIndexTest.article(3, "演習 3", "<p>演習</p>", Status.PUBLISHED));
            insert(database, 1, 1);
            insert(database, 3, 3); // number 2 was handed out to a transaction that has not committed yet
            feed.poll();
            assertThat(titles(index, "演習")).containsExactly("演習 1", "演習 3");

            db.put(2L, LuceneSearchIndexTest.article(2, "演習 2", "<p>演習</p>", Status.PUBLISHED));
            insert(database, 2, 2);
            ticker.addAndGet(Duration.ofSeconds(1).toNanos());
            feed.poll();
            assertThat(titles(index, "演習")).containsExactly("演習 1", "演習 2", "演習 3");
            assertThat(feed.mark()).isZero();

            ticker.addAndGet(ChangeFeed.SETTLE.toNanos());
            feed.poll();
            assertThat(feed.mark()).isEqualTo(3);

            db.remove(2L);
            insert(database, 4, 2);
            feed.poll();
            assertThat(titles(index, "演習")).containsExactly("演習 1", "演習 3");
        }
    }

    @Test
    void a_restarted_node_resumes_from_its_saved_mark_and_rebuilds_when_the_feed_was_pruned() {
        try (var database = TestDatabases.open(TestDatabases.Engine.SQLITE, dir)) {
            var log = new ChangeLog(database.jdbi());
            try (var index = LuceneSearchIndex.open(dir.resolve("index"), LuceneSearchIndexTest.analysis, source(),
                    id -> Optional.ofNullable(db.get(id)))) {
                new ChangeFeed(log, index, id -> Optional.ofNullable(db.get(id)), dir.resolve("index/CHANGES"), clock,
                        ticker::get).resume(source());
            }
            // while the node is down: two changes, then a week passes and the feed is pruned
            db.put(1L, LuceneSearchIndexTest.article(1, "演習 1", "<p>演習</p>", Status.PUBLISHED));
            database.jdbi().useHandle(h -> ChangeLog.record(h, ChangeSubject.ARTICLE, 1, clock.instant()));
            clock.set(clock.instant().plus(ChangeFeed.KEEP).plusSeconds(60));
            db.put(2L, LuceneSearchIndexTest.article(2, "演習 2", "<p>演習</p>", Status.PUBLISHED));
            database.jdbi().useHandle(h -> ChangeLog.record(h, ChangeSubject.ARTICLE, 2, clock.instant()));
            assertThat(log.prune(clock.instant().minus(ChangeFeed.KEEP))).isEqualTo(1);
            // the start-up count check sees nothing amiss (0 = 0), so only the feed can bring the index in step
            try (var index = LuceneSearchIndex.open(dir.resolve("index"), LuceneSearchIndexTest.analysis,
                    new ArticleSource() {
                        public long count() {
                            return 0; // the start-up check sees nothing amiss
                        }

                        public void forEach(Consumer<Article> each) {
                            db.values().forEach(each);
                        }
                    }, id -> Optional.ofNullable(db.get(id)))) {
                var feed = new ChangeFeed(log, index, id -> Optional.ofNullable(db.get(id)),
                        dir.resolve("index/CHANGES"), clock, ticker::get);
                feed.resume(source());
                assertThat(titles(index, "演習")).containsExactly("演習 1", "演習 2");
            }
        }
    }

    @Test
    void a_started_feed_catches_up_on_its_own_thread_and_tries_again_when_the_catch_up_failed() throws Exception {
        try (var database = TestDatabases.open(TestDatabases.Engine.SQLITE, dir);
             var index = LuceneSearchIndex.open(dir.resolve("index"), LuceneSearchIndexTest.analysis, source(),
                     id -> Optional.ofNullable(db.get(id)))) {
            var log = new ChangeLog(database.jdbi());
            new ChangeFeed(log, index, id -> Optional.ofNullable(db.get(id)), dir.resolve("index/CHANGES"), clock,
                    ticker::get).resume(source()); // a mark saved by an earlier run
            db.put(1L, LuceneSearchIndexTest.article(1, "演習 1", "<p>演習</p>", Status.PUBLISHED));
            database.jdbi().useHandle(h -> ChangeLog.record(h, ChangeSubject.ARTICLE, 1, clock.instant())); // made by another node while this one was down
            var failures = new java.util.concurrent.atomic.AtomicInteger(1);
            SearchIndex flaky = new SearchIndex() { // the first write fails, as if the disk were briefly full
                public void put(Article a) {
                    if (failures.getAndDecrement() > 0) throw new IllegalStateException("disk full");
                    index.put(a);
                }
                public void remove(long id) { index.remove(id); }
                public SearchResults search(SearchRequest r, java.time.Instant now) { return index.search(r, now); }
                public void rebuild(ArticleSource s) { index.rebuild(s); }
                public long size() { return index.size(); }
                public void close() { }
            };
            var feed = ChangeFeed.create(database.jdbi(), flaky, id -> Optional.ofNullable(db.get(id)), dir.resolve("index"),
                    clock);
            assertThat(titles(index, "演習")).as("nothing happens before start").isEmpty();
            try (feed) {
                feed.start(source(), Duration.ofMillis(20));
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (titles(index, "演習").isEmpty() && System.nanoTime() < deadline) Thread.sleep(10);
                assertThat(titles(index, "演習")).containsExactly("演習 1");
                assertThat(failures.get()).isNegative(); // the failed catch-up was tried again
            }
        }
    }

    @Test
    void a_page_changed_through_another_node_tells_the_page_listeners_only_and_leaves_the_index_alone() {
        try (var database = TestDatabases.open(TestDatabases.Engine.SQLITE, dir);
             var index = LuceneSearchIndex.open(dir.resolve("index"), LuceneSearchIndexTest.analysis, source(),
                     id -> Optional.ofNullable(db.get(id)))) {
            var feed = resumedFeed(database, index);
            var pagesTold = new java.util.concurrent.CopyOnWriteArrayList<Long>();
            var articlesTold = new java.util.concurrent.CopyOnWriteArrayList<Long>();
            feed.onPageChange(pagesTold::add);
            feed.onChange(articlesTold::add);
            db.put(7L, LuceneSearchIndexTest.article(7, "演習 7", "<p>演習</p>", Status.PUBLISHED));

            // page 7 changed elsewhere (an article with the same id stays out of the index), then here
            database.jdbi().useHandle(h -> ChangeLog.record(h, ChangeSubject.PAGE, 7, clock.instant()));
            database.jdbi().useHandle(h -> feed.recordPage(h, 8));
            feed.poll();
            assertThat(pagesTold).as("this node's own change reached its caches already").containsExactly(7L);
            assertThat(articlesTold).isEmpty();
            assertThat(titles(index, "演習")).isEmpty();

            database.jdbi().useHandle(h -> ChangeLog.record(h, ChangeSubject.ARTICLE, 7, clock.instant()));
            feed.poll();
            assertThat(pagesTold).containsExactly(7L);
            assertThat(articlesTold).containsExactly(7L);
            assertThat(titles(index, "演習")).containsExactly("演習 7");
        }
    }

    @Test
    void a_wake_polls_at_once_between_rounds_and_a_write_sends_its_notice_in_its_transaction() throws Exception {
        try (var database = TestDatabases.open(TestDatabases.Engine.SQLITE, dir);
             var index = LuceneSearchIndex.open(dir.resolve("index"), LuceneSearchIndexTest.analysis, source(),
                     id -> Optional.ofNullable(db.get(id)));
             var feed = ChangeFeed.create(database.jdbi(), index, id -> Optional.ofNullable(db.get(id)),
                     dir.resolve("index"), clock)) {
            var told = new java.util.concurrent.CopyOnWriteArrayList<Long>();
            feed.onPageChange(told::add);
            var noticed = new java.util.concurrent.CopyOnWriteArrayList<Boolean>();
            feed.noticeWith(h -> noticed.add(h.isInTransaction()));
            feed.wake(); // not started: nothing, and no failure
            feed.catchUp(index, source());
            feed.start(source(), Duration.ofHours(1)); // its first round is an hour away

            database.jdbi().useHandle(h -> ChangeLog.record(h, ChangeSubject.PAGE, 5, clock.instant())); // another node
            Thread.sleep(200);
            assertThat(told).isEmpty();
            feed.wake();
            long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (told.isEmpty() && System.nanoTime() < deadline) Thread.sleep(10);
            assertThat(told).containsExactly(5L);

            database.jdbi().useTransaction(h -> feed.recordPage(h, 6));
            assertThat(noticed).containsExactly(true);
        }
    }
}
