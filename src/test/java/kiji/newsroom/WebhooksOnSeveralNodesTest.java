package kiji.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import kiji.app.Config;
import kiji.article.Article;
import kiji.article.ArticleDraft;
import kiji.article.ArticleEvent;
import kiji.article.Status;
import kiji.storage.Database;
import kiji.storage.DatabaseSettings;
import kiji.testing.MutableClock;
import kiji.testing.TestDatabases;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several nodes on one embedded PostgreSQL and a receiver on loopback whose first answer hangs:
 * a node that loses the lease while a POST is in flight does not get that delivery sent twice;
 * a node that dies mid-send leaves it to be sent again, with the same {@code X-Kiji-Delivery};
 * an article turning public that every node hears of at once is queued once per webhook.
 */
class WebhooksOnSeveralNodesTest {
    record Received(String deliveryId, String body) {}

    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.at("2024-10-21T01:00:00Z");
    final List<TestKiji> nodes = new ArrayList<>();
    final List<Received> received = new CopyOnWriteArrayList<>();
    final CountDownLatch firstArrived = new CountDownLatch(1);
    final CountDownLatch releaseFirst = new CountDownLatch(1);
    final AtomicBoolean firstTaken = new AtomicBoolean();
    final ExecutorService rounds = Executors.newCachedThreadPool();
    HttpServer receiver;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.createContext("/hook", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-Kiji-Delivery"), body));
            int status = 204;
            if (firstTaken.compareAndSet(false, true)) { // the first POST hangs until the test lets it go, then fails
                firstArrived.countDown();
                await(releaseFirst);
                status = 503;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        releaseFirst.countDown();
        rounds.shutdownNow();
        nodes.forEach(TestKiji::close);
        receiver.stop(0);
    }

    @Test
    void a_delivery_in_flight_on_a_node_that_lost_the_lease_is_not_sent_by_the_node_that_took_over() throws Exception {
        var first = cluster(3);
        var hook = first.kiji.newsroom.webhooks.add(hookUrl());
        for (int i = 1; i <= 4; i++) first.publish("防衛相が会見(10月2" + i + "日)", "本文");
        var running = roundOnEveryNode();
        assertThat(firstArrived.await(20, TimeUnit.SECONDS)).isTrue();

        clock.advance(WebhookSender.LEASE_DURATION.plusSeconds(1)); // the sending node's lease ran out mid-POST
        running.addAll(roundOnEveryNode());
        awaitReceived(4);
        Thread.sleep(300); // room for a wrong second POST to arrive
        releaseFirst.countDown();
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        var ids = received.stream().map(Received::deliveryId).toList();
        assertThat(ids).hasSize(4).doesNotHaveDuplicates();
        var deliveries = first.kiji.newsroom.webhooks.recentDeliveries(10);
        assertThat(deliveries).hasSize(4).allSatisfy(d -> {
            assertThat(d.webhookId()).isEqualTo(hook.id());
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(ids).contains(String.valueOf(d.id()));
        });
        // the hung POST's 503 is recorded by its own node: retried later, still under the same id
        assertThat(deliveries).filteredOn(d -> d.state().equals("pending")).hasSize(1)
                .allSatisfy(d -> assertThat(d.lastStatus()).contains(503));
        assertThat(deliveries).filteredOn(d -> d.state().equals("delivered")).hasSize(3);
    }

    @Test
    void a_delivery_whose_node_stopped_mid_send_is_sent_again_once_with_the_same_delivery_id() throws Exception {
        var first = cluster(2);
        first.kiji.newsroom.webhooks.add(hookUrl());
        first.publish("護衛艦が入港(10月21日)", "本文");
        var running = roundOnEveryNode();
        assertThat(firstArrived.await(20, TimeUnit.SECONDS)).isTrue();

        clock.advance(WebhookSender.CLAIM.plusSeconds(1)); // the claim expired: its node is taken for dead
        running.addAll(roundOnEveryNode());
        awaitReceived(2);
        releaseFirst.countDown(); // the "dead" node wakes up to a 503 it must not record over the retry's 204
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        assertThat(received).hasSize(2);
        assertThat(received.get(1)).isEqualTo(received.get(0)); // same X-Kiji-Delivery, same body: a receiver drops it
        var delivery = first.kiji.newsroom.webhooks.recentDeliveries(10);
        assertThat(delivery).singleElement().satisfies(d -> {
            assertThat(d.state()).isEqualTo("delivered");
            assertThat(d.lastStatus()).contains(204);
            assertThat(d.attempts()).isEqualTo(2);
        });
    }

    @Test
    void an_article_turning_public_heard_by_every_node_at_once_is_announced_once_per_webhook() throws Exception {
        var first = cluster(3);
        first.category("japan-defense", "日本の防衛", "mod");
        var hook = first.kiji.newsroom.webhooks.add(hookUrl());
        var due = clock.instant().plusSeconds(60);
        var articles = new ArrayList<Article>();
        for (int i = 0; i < 12; i++) { // scheduled: not public yet, nothing announced
            articles.add(first.kiji.articleService.create(new ArticleDraft(Optional.empty(),
                    "観閲式の予定(" + (i + 1) + ")", "", "本文", "japan-defense", List.of(), List.of(),
                    Status.SCHEDULED, Optional.of(due))));
        }
        assertThat(first.kiji.newsroom.webhooks.recentDeliveries(50)).isEmpty();
        clock.set(due);
        for (var article : articles) { // the scheduled publisher on one node, editors' saves on the others
            var event = new ArticleEvent(ArticleEvent.Type.UPDATED, article.id(),
                    Optional.of(article));
            var together = new CyclicBarrier(nodes.size());
            var heard = nodes.stream().map(node -> CompletableFuture.runAsync(() -> {
                await(together);
                node.kiji.newsroom.webhooks.on(event);
            }, rounds)).toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(heard).get(30, TimeUnit.SECONDS);
        }
        var published = first.kiji.newsroom.webhooks.recentDeliveries(100).stream()
                .filter(d -> d.event().equals("article.published")).toList();
        assertThat(published).hasSize(articles.size()).allSatisfy(d -> assertThat(d.webhookId()).isEqualTo(hook.id()));
        assertThat(published.stream().map(Webhooks.Delivery::articleId)).doesNotHaveDuplicates();
    }

    private TestKiji cluster(int size) {
        DatabaseSettings database = TestDatabases.freshPostgres();
        for (int i = 1; i <= size; i++) {
            nodes.add(TestKiji.start(Config.defaults(dir.resolve("node-" + i)), Database.open(database), clock));
        }
        return nodes.get(0);
    }

    /** A delivery round started on every node at once, as their schedules would. */
    private List<CompletableFuture<Integer>> roundOnEveryNode() {
        var started = new ArrayList<CompletableFuture<Integer>>();
        for (var node : nodes) {
            started.add(CompletableFuture.supplyAsync(node.kiji.newsroom.webhookSender::deliverDue, rounds));
        }
        return started;
    }

    private void awaitReceived(int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (received.size() < n && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(received).as("POSTs received").hasSizeGreaterThanOrEqualTo(n);
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
