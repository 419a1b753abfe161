package kiji.personnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import kiji.article.Permalinks;
import kiji.article.Status;
import kiji.article.ValidationException;
import kiji.newsroom.Actor;
import kiji.newsroom.ApiTokens;
import kiji.newsroom.ArticleJournal;
import kiji.newsroom.AuditLog;
import kiji.testing.MutableClock;
import kiji.testing.TestDatabases.Engine;
import kiji.testing.TestStores;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Orders, persons, posts and the identity corrections on SQLite and PostgreSQL. */
class PersonnelStorageTest {
    static final Instant NOW = Instant.parse("2025-12-09T01:00:00Z");

    @TempDir
    Path dir;

    final AtomicInteger changes = new AtomicInteger();

    record Parts(TestStores stores, OrderStore orders, PersonStore people, PersonCorrections corrections,
                 PersonnelService service) implements AutoCloseable {
        @Override
        public void close() {
            stores.close();
        }
    }

    private Parts open(Engine engine) {
        var s = TestStores.open(engine, dir, new MutableClock(NOW));
        var orders = new OrderStore(s.db.jdbi());
        var journal = new ArticleJournal(s.db.jdbi(), s.clock, new ApiTokens(s.db.jdbi(), s.clock));
        return new Parts(s, orders, new PersonStore(s.db.jdbi(), new Permalinks(Permalinks.DEFAULT_PATTERN)),
                new PersonCorrections(s.db.jdbi(), changes::incrementAndGet, journal),
                new PersonnelService(s.service, s.categories, orders, s.clock, changes::incrementAndGet, s.articles::find,
                        journal));
    }

    private static OrderRequest request(String text, Status status) {
        return new OrderRequest(text, "1佐職人事", status, Optional.of(NOW.minusSeconds(60)), false, Optional.empty(), "", "");
    }

    static final String ORDER = """
            航空自衛隊
            （12月16日付）
            第7航空団司令　兼　百里基地司令　1等空佐　渡邊　修
            （航空救難団司令）
            航空総隊司令部防衛部長　1等空佐　山﨑　剛
            （警戒航空団副司令）
            """;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void an_order_round_trips_with_its_persons_posts_and_concurrent_posts(Engine engine) {
        try (var p = open(engine)) {
            var saved = p.service().create(request(ORDER, Status.PUBLISHED), Actor.system());
            var order = p.orders().find(saved.article().id()).orElseThrow();
            assertThat(order.kind()).isEqualTo("1佐職人事");
            assertThat(order.dates()).containsExactly(LocalDate.of(2025, 12, 16));
            assertThat(order.source()).isEqualTo(ORDER);
            var first = order.entries().getFirst();
            assertThat(first.entry().concurrentPosts()).containsExactly("百里基地司令");
            assertThat(first.concurrentPostIds()).hasSize(1);
            assertThat(p.people().post(first.concurrentPostIds().getFirst()).orElseThrow().name()).isEqualTo("百里基地司令");
            var holders = p.people().holders(first.concurrentPostIds().getFirst(), NOW);
            assertThat(holders).extracting(h -> h.person().name() + "/" + h.concurrent()).containsExactly("渡邊 修/true");
            assertThat(p.stores().articles.find(saved.article().id()).orElseThrow().category().slug()).isEqualTo("personnel");
            assertThat(changes.get()).isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void spellings_of_one_name_in_one_service_are_one_person_and_other_services_are_not(Engine engine) {
        try (var p = open(engine)) {
            var a = p.service().create(request(ORDER, Status.PUBLISHED), Actor.system()).order();
            var b = p.service().create(request("""
                    航空自衛隊
                    (12月20日付)
                    航空開発実験団副司令 1等空佐 渡辺修
                    (第7航空団司令)
                    陸上自衛隊
                    (12月20日付)
                    第5施設団長 1等陸佐 山崎 剛
                    (中央即応連隊長)
                    """, Status.PUBLISHED), Actor.system()).order();
            assertThat(b.entries().get(0).personId()).isEqualTo(a.entries().get(0).personId());
            assertThat(b.entries().get(1).personId()).isNotEqualTo(a.entries().get(1).personId());
            var career = p.people().career(a.entries().get(0).personId(), NOW);
            assertThat(career).extracting(CareerStep::post).containsExactly("第7航空団司令", "航空開発実験団副司令");
            assertThat(p.people().search("渡邉", 10, NOW)).extracting(Person::name).containsExactly("渡邊 修");
            assertThat(p.people().search("100%_", 10, NOW)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void merging_moves_entries_and_spellings_and_splitting_moves_entries_back_out(Engine engine) {
        try (var p = open(engine)) {
            var a = p.service().create(request(ORDER, Status.PUBLISHED), Actor.system()).order();
            var b = p.service().create(request("航空自衛隊\n(12月20日付)\n航空救難団司令 1等空佐 渡部修\n(第7航空団司令)\n",
                    Status.PUBLISHED), Actor.system()).order();
            long watanabe = a.entries().get(0).personId();
            long typo = b.entries().get(0).personId();
            assertThat(typo).isNotEqualTo(watanabe);

            assertThat(p.corrections().merge(typo, watanabe, Actor.system())).isTrue();
            assertThat(p.people().person(typo)).isEmpty();
            assertThat(p.people().career(watanabe, NOW)).hasSize(2);
            // a later order with the merged spelling finds the survivor
            var c = p.service().create(request("航空自衛隊\n(12月25日付)\n航空総隊司令部防衛部長 1等空佐 渡部 修\n(航空救難団司令)\n",
                    Status.PUBLISHED), Actor.system()).order();
            assertThat(c.entries().get(0).personId()).isEqualTo(watanabe);
            assertThat(p.corrections().merge(watanabe, 99999, Actor.system())).isFalse();
            var audit = new AuditLog(p.stores().db.jdbi(), p.stores().clock);
            assertThat(audit.forTarget("person:" + watanabe)).singleElement().satisfies(e -> {
                assertThat(e.action()).isEqualTo("person.merge");
                assertThat(e.username()).isEqualTo("system");
                assertThat(e.detail()).contains("人物 " + typo + "（渡部修）を " + watanabe);
            });

            var entry = p.people().career(watanabe, NOW).get(1).entryId();
            var split = p.corrections().split(watanabe, List.of(entry), Actor.system()).orElseThrow();
            assertThat(p.people().career(split.id(), NOW)).extracting(CareerStep::entryId).containsExactly(entry);
            assertThat(p.people().career(watanabe, NOW)).hasSize(2);
            assertThatThrownBy(() -> p.corrections().split(watanabe, List.of(entry), Actor.system())).isInstanceOf(ValidationException.class);
            var all = p.people().career(watanabe, NOW).stream().map(CareerStep::entryId).toList();
            assertThatThrownBy(() -> p.corrections().split(watanabe, all, Actor.system())).isInstanceOf(ValidationException.class);
            assertThat(audit.forTarget("person:" + watanabe)).extracting(AuditLog.Entry::action)
                    .as("refused splits leave no line").containsExactlyInAnyOrder("person.merge", "person.split");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void deleting_the_article_deletes_its_order_and_bad_text_saves_nothing(Engine engine) {
        try (var p = open(engine)) {
            assertThatThrownBy(() -> p.service().create(request("航空自衛隊\n退職 空将 山田\n", Status.PUBLISHED), Actor.system()))
                    .isInstanceOf(OrderTextException.class);
            assertThat(p.stores().count("article")).isZero();
            assertThat(p.stores().count("personnel_person")).isZero();
            var saved = p.service().create(request(ORDER, Status.PUBLISHED), Actor.system());
            assertThat(p.stores().service.delete(saved.article().id())).isTrue();
            assertThat(p.orders().find(saved.article().id())).isEmpty();
            assertThat(p.stores().count("personnel_entry")).isZero();
        }
    }
}
