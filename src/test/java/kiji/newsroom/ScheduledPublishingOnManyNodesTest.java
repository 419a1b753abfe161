package kiji.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kiji.app.Config;
import kiji.article.ArticleDraft;
import kiji.article.Status;
import kiji.storage.Database;
import kiji.storage.DatabaseSettings;
import kiji.testing.MutableClock;
import kiji.testing.TestDatabases;
import kiji.testing.TestKiji;
import kiji.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three Kiji nodes on one PostgreSQL database, all running the scheduled publisher and the
 * webhook sender: the leases let one node at a time do each, so one scheduled article is
 * published once, audited once and announced once.
 */
class ScheduledPublishingOnManyNodesTest {
    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.at("2024-12-01T00:00:00Z");
    final DatabaseSettings db = TestDatabases.freshPostgres();
    final WebhookReceiver receiver = WebhookReceiver.start();
    final List<String> received = receiver.events();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    TestKiji node(String name) {
        return TestKiji.start(Config.defaults(dir.resolve(name)), Database.open(db), clock);
    }

    @Test
    void a_scheduled_article_is_published_audited_and_announced_once_by_three_nodes() throws Exception {
        long id;
        try (var setup = node("setup")) {
            setup.category("japan-defense", "日本の防衛", "mod");
            setup.kiji.newsroom.webhooks.add(receiver.url());
            id = setup.kiji.articleService.create(new ArticleDraft(Optional.empty(), "護衛艦の進水式(12月1日)", "",
                    "横浜で護衛艦の進水式が行われる。", "japan-defense", List.of(), List.of(), Status.SCHEDULED,
                    Optional.of(clock.instant().plus(Duration.ofMinutes(1))))).id();
        }
        clock.advance(Duration.ofMinutes(2)); // due: every node's publisher catches up on it as it starts

        var pool = Executors.newFixedThreadPool(3);
        var starting = new ArrayList<Future<TestKiji>>();
        for (var name : List.of("a", "b", "c")) starting.add(pool.submit(() -> node(name)));
        var nodes = new ArrayList<TestKiji>();
        try {
            for (var f : starting) nodes.add(f.get());
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) Thread.sleep(50);
            Thread.sleep(7_000); // longer than a publisher's catch-up and a sender's round on every node

            var any = nodes.getFirst().kiji;
            assertThat(any.articles.find(id).orElseThrow().status()).isEqualTo(Status.PUBLISHED);
            assertThat(any.newsroom.audit.forTarget(Editorial.target(id)))
                    .filteredOn(e -> e.action().equals("article.publish.scheduled")).hasSize(1);
            assertThat(any.newsroom.webhooks.recentDeliveries(10)).hasSize(1);
            assertThat(received).containsExactly("article.published");
        } finally {
            for (var n : nodes) n.close();
            pool.shutdown();
        }
    }
}
