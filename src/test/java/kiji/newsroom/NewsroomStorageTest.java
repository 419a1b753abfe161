package kiji.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import kiji.article.ArticleDraft;
import kiji.article.ArticleService;
import kiji.article.ArticleStore;
import kiji.article.CategoryStore;
import kiji.article.MarkdownRenderer;
import kiji.article.PageRequest;
import kiji.article.Permalinks;
import kiji.article.Status;
import kiji.testing.MutableClock;
import kiji.testing.TestDatabases;
import kiji.testing.TestDatabases.Engine;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The newsroom's own SQL on both engines: listing, desk marks, audit, throttle, webhook queue. */
class NewsroomStorageTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void the_newsroom_queries_run_the_same_on_both_engines(Engine engine) {
        try (var db = TestDatabases.open(engine, dir)) {
            var clock = MutableClock.at("2024-10-21T01:00:00Z");
            var jdbi = db.jdbi();
            var service = new ArticleService(new ArticleStore(jdbi, db.dialect()), new CategoryStore(jdbi),
                    new MarkdownRenderer(), clock);
            service.createCategory("japan-defense", "日本の防衛", "mod");
            var webhooks = new Webhooks(jdbi, clock, new Permalinks(Permalinks.DEFAULT_PATTERN), "https://kiji.example");
            webhooks.add("https://hooks.example/kiji");
            service.addListener(webhooks::on);
            var user = new Users(jdbi, clock).add("sato", null, Role.EDITOR, "long enough password");

            var a = service.create(new ArticleDraft(Optional.empty(), "100%の達成_報告", "", "本文", "japan-defense",
                    List.of(), List.of("人事担当"), Status.DRAFT, Optional.empty()));
            var b = service.create(new ArticleDraft(Optional.empty(), "防衛相が会見", "", "本文", "japan-defense",
                    List.of(), List.of(), Status.PUBLISHED, Optional.of(clock.instant())));
            var desk = new ArticleDesk(jdbi);
            desk.setOwner(a.id(), user.id());
            desk.requestReview(a.id(), clock.instant());
            desk.requestReview(a.id(), clock.instant()); // upsert twice
            var listing = new ArticleListing(jdbi);
            var page = new PageRequest(1, 10);
            assertThat(listing.ids(filter("review", null, null), page).items()).containsExactly(a.id());
            assertThat(listing.ids(filter(null, "人事担当", null), page).items()).containsExactly(a.id());
            assertThat(listing.ids(filter(null, null, "100%"), page).items()).containsExactly(a.id());
            assertThat(listing.ids(filter(null, null, "0_"), page).items()).isEmpty();
            assertThat(listing.ids(filter("published", null, null), page).items()).containsExactly(b.id());
            desk.trash(b.id(), clock.instant());
            assertThat(listing.ids(filter(null, null, null), page).items()).containsExactly(a.id());
            assertThat(listing.ids(filter("trash", null, null), page).items()).containsExactly(b.id());
            assertThat(desk.facts(a.id()).ownerId()).contains(user.id());

            var audit = new AuditLog(jdbi, clock);
            audit.record(user, "article.update", "article:" + a.id(), "draft");
            audit.recordSystem("article.publish.scheduled", "article:" + b.id(), "");
            assertThat(audit.list(Optional.empty(), page).total()).isEqualTo(2);
            assertThat(audit.forTarget("article:" + b.id())).extracting(AuditLog.Entry::username).containsExactly("system");

            var throttle = new SigninThrottle(jdbi, clock);
            for (int i = 0; i < SigninThrottle.PER_ACCOUNT; i++) throttle.recordFailure("sato", "10.0.0.1");
            assertThat(throttle.blocked("SATO", "10.0.0.2")).isTrue();
            throttle.clearAccount("sato");
            assertThat(throttle.blocked("sato", "10.0.0.2")).isFalse();

            assertThat(webhooks.recentDeliveries(10)).extracting(Webhooks.Delivery::event)
                    .containsExactly("article.published");
        }
    }

    private static ArticleListing.Filter filter(String state, String author, String query) {
        return new ArticleListing.Filter(Optional.ofNullable(state), Optional.empty(), Optional.ofNullable(author),
                Optional.ofNullable(query));
    }
}
