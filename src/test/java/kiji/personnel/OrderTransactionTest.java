package kiji.personnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kiji.article.ArticleEvent;
import kiji.article.Status;
import kiji.newsroom.Actor;
import kiji.newsroom.ApiTokens;
import kiji.newsroom.ArticleJournal;
import kiji.testing.MutableClock;
import kiji.testing.TestDatabases.Engine;
import kiji.testing.TestStores;
import org.jdbi.v3.core.statement.StatementException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An order is saved all or nothing: article, order, entries, persons, posts, revision and audit line
 * commit together, and a failure midway (here a constraint the test adds, so the entries' insert is
 * refused after the article, persons and posts were written) leaves the database as it was and tells
 * no listener (the search index, the caches) of an article that never was.
 */
class OrderTransactionTest {
    static final Instant NOW = Instant.parse("2025-12-09T01:00:00Z");
    static final List<String> TABLES = List.of("article", "personnel_order", "personnel_entry", "personnel_person",
            "personnel_alias", "personnel_post", "personnel_concurrent_post", "article_revision", "audit_log", "category");
    static final String FIRST = """
            航空自衛隊
            （12月16日付）
            第7航空団司令　1等空佐　森田　一樹
            （航空救難団司令）
            """;
    /** Two rows of one service: the second breaks the test's one-row-per-service constraint. */
    static final String TWO_OF_ONE_SERVICE = """
            陸上自衛隊
            （12月20日付）
            第5施設団長　兼　帯広駐屯地司令　1等陸佐　川村　健二
            （中央即応連隊長）
            第2普通科連隊長　1等陸佐　石原　誠
            （陸上幕僚監部運用支援課長）
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void a_create_that_fails_midway_leaves_nothing_and_tells_no_listener(Engine engine) {
        try (var s = TestStores.open(engine, dir, new MutableClock(NOW))) {
            var events = new ArrayList<ArticleEvent>();
            s.service.addListener(events::add);
            var service = service(s);
            var first = service.create(request(FIRST), Actor.system());
            assertThat(events).extracting(ArticleEvent::id).containsExactly(first.article().id());
            assertThat(s.count("article_revision")).isEqualTo(1);
            assertThat(s.count("audit_log")).isEqualTo(1);
            var before = counts(s);

            forceOneEntryPerService(s);
            assertThatThrownBy(() -> service.create(request(TWO_OF_ONE_SERVICE), Actor.system()))
                    .isInstanceOf(StatementException.class);

            assertThat(counts(s)).isEqualTo(before);
            assertThat(events).hasSize(1);
            assertThat(s.articles.find(first.article().id() + 1)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void an_update_that_fails_midway_keeps_the_order_as_it_was(Engine engine) {
        try (var s = TestStores.open(engine, dir, new MutableClock(NOW))) {
            var service = service(s);
            var first = service.create(request(FIRST), Actor.system());
            long id = first.article().id();
            var events = new ArrayList<ArticleEvent>();
            s.service.addListener(events::add);
            var before = counts(s);

            forceOneEntryPerService(s);
            var twoAsdf = FIRST + "航空総隊司令部防衛部長　1等空佐　大野　聡\n（警戒航空団副司令）\n";
            assertThatThrownBy(() -> service.update(id, request(twoAsdf), Actor.system()))
                    .isInstanceOf(StatementException.class);

            assertThat(counts(s)).isEqualTo(before);
            assertThat(events).isEmpty();
            var kept = service.find(id).orElseThrow();
            assertThat(kept.article().title()).isEqualTo(first.article().title());
            assertThat(kept.article().body()).isEqualTo(first.article().body());
            assertThat(kept.order().entries()).extracting(e -> e.entry().name()).containsExactly("森田 一樹");
        }
    }

    private static PersonnelService service(TestStores s) {
        var jdbi = s.db.jdbi();
        return new PersonnelService(s.service, s.categories, new OrderStore(jdbi), s.clock, () -> {}, s.articles::find,
                new ArticleJournal(jdbi, s.clock, new ApiTokens(jdbi, s.clock)));
    }

    /** A constraint no real order meets, so that the entries' insert fails after everything before it was written. */
    private static void forceOneEntryPerService(TestStores s) {
        s.db.jdbi().useHandle(h -> h.execute("CREATE UNIQUE INDEX test_one_entry_per_service ON personnel_entry (service)"));
    }

    private static Map<String, Long> counts(TestStores s) {
        var out = new TreeMap<String, Long>();
        for (var table : TABLES) out.put(table, s.count(table));
        return out;
    }

    private static OrderRequest request(String text) {
        return new OrderRequest(text, "1佐職人事", Status.PUBLISHED, Optional.of(NOW.minusSeconds(60)), false,
                Optional.empty(), "", "");
    }
}
