package kiji.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import kiji.article.ArticleDraft;
import kiji.article.Status;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhooks against a real receiver on loopback: signed, retried with backoff, visible to admins. */
class WebhooksTest {
    record Received(String event, String timestamp, String signature, String body) {}

    @TempDir
    Path dir;

    MutableClock clock = MutableClock.at("2024-10-21T01:00:00Z");
    TestKiji app;
    HttpServer receiver;
    List<Received> received = new CopyOnWriteArrayList<>();
    AtomicInteger failuresToGo = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        app = TestKiji.start(dir, clock);
        app.category("japan-defense", "日本の防衛", "mod");
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            received.add(new Received(headers.getFirst("X-Kiji-Event"), headers.getFirst("X-Kiji-Timestamp"),
                    headers.getFirst("X-Kiji-Signature"), body));
            exchange.sendResponseHeaders(failuresToGo.getAndDecrement() > 0 ? 503 : 204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        app.close();
    }

    String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    ArticleDraft draft(Status status) {
        return new ArticleDraft(Optional.empty(), "防衛相が会見(10月21日)", "", "本文", "japan-defense", List.of(),
                List.of(), status, Optional.of(clock.instant()));
    }

    @Test
    void publish_update_and_unpublish_are_posted_with_a_verifiable_hmac_signature() {
        var hook = app.kiji.newsroom.webhooks.add(hookUrl());
        var service = app.kiji.articleService;
        var article = service.create(draft(Status.DRAFT));
        service.update(article.id(), draft(Status.DRAFT)); // draft edits: nothing to tell
        service.update(article.id(), draft(Status.PUBLISHED));
        service.update(article.id(), draft(Status.PUBLISHED));
        service.update(article.id(), draft(Status.DRAFT));
        app.kiji.newsroom.webhookSender.deliverDue();
        assertThat(received).extracting(Received::event)
                .containsExactly("article.published", "article.updated", "article.unpublished");
        for (var r : received) {
            assertThat(r.signature()).isEqualTo("sha256=" + WebhookSender.sign(hook.secret(), r.timestamp() + "." + r.body()));
            assertThat(r.body()).contains("\"articleId\":" + article.id()).contains("/docs/mod/");
        }
        assertThat(WebhookSender.sign("another secret", received.get(0).timestamp() + "." + received.get(0).body()))
                .isNotEqualTo(received.get(0).signature().substring(7));
    }

    @Test
    void a_failed_delivery_is_retried_with_backoff_and_shown_to_admins() {
        app.kiji.newsroom.webhooks.add(hookUrl());
        failuresToGo.set(2);
        app.kiji.articleService.create(draft(Status.PUBLISHED));
        app.kiji.newsroom.webhookSender.deliverDue();
        var first = app.kiji.newsroom.webhooks.recentDeliveries(1).get(0);
        assertThat(first.state()).isEqualTo("pending");
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastStatus()).contains(503);
        assertThat(first.nextAttemptAt()).isEqualTo(clock.instant().plus(WebhookSender.FIRST_RETRY));
        app.kiji.newsroom.webhookSender.deliverDue(); // not due yet
        assertThat(received).hasSize(1);
        clock.advance(Duration.ofSeconds(31));
        app.kiji.newsroom.webhookSender.deliverDue();
        var second = app.kiji.newsroom.webhooks.recentDeliveries(1).get(0);
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofSeconds(60)));
        clock.advance(Duration.ofSeconds(61));
        app.kiji.newsroom.webhookSender.deliverDue();
        assertThat(app.kiji.newsroom.webhooks.recentDeliveries(1).get(0).state()).isEqualTo("delivered");
        assertThat(received).hasSize(3);

        app.kiji.newsroom.users.add("chief", "編集長", Role.ADMIN, "編集長のパスワード1");
        var admin = NewsroomClient.signedIn(app, "chief", "編集長のパスワード1");
        var page = admin.get("/newsroom/webhooks");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(hookUrl()).contains("article.published").contains("送信済み");
        assertThat(admin.post("/newsroom/webhooks", Map.of("url", "javascript:alert(1)")).statusCode()).isEqualTo(400);
    }

    @Test
    void a_receiver_trickling_its_answer_is_cut_off_and_the_delivery_tried_again_later() {
        receiver.createContext("/slow", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 0); // headers at once, then a byte every 200 ms for 10 s
            try (var body = exchange.getResponseBody()) {
                for (int i = 0; i < 50; i++) {
                    body.write('.');
                    body.flush();
                    Thread.sleep(200);
                }
            } catch (IOException | InterruptedException e) {
                // the sender hung up: what this test wants
            }
        });
        app.kiji.newsroom.webhooks.add("http://127.0.0.1:" + receiver.getAddress().getPort() + "/slow");
        app.kiji.articleService.create(draft(Status.PUBLISHED));
        var sender = new WebhookSender(app.kiji.database.jdbi(), clock,
                app.kiji.leases.lease(WebhookSender.LEASE, WebhookSender.LEASE_DURATION), Duration.ofSeconds(1));
        long start = System.nanoTime();
        sender.deliverDue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        var delivery = app.kiji.newsroom.webhooks.recentDeliveries(1).get(0);
        assertThat(delivery.state()).isEqualTo("pending");
        assertThat(delivery.lastError()).contains("HttpTimeoutException");
        sender.close();
    }

    @Test
    void an_unreachable_url_gives_up_after_the_last_attempt() {
        app.kiji.newsroom.webhooks.add("http://127.0.0.1:1/nothing-listens-here");
        app.kiji.articleService.create(draft(Status.PUBLISHED));
        for (int i = 0; i < WebhookSender.MAX_ATTEMPTS; i++) {
            app.kiji.newsroom.webhookSender.deliverDue();
            clock.advance(Duration.ofMinutes(20));
        }
        var last = app.kiji.newsroom.webhooks.recentDeliveries(1).get(0);
        assertThat(last.state()).isEqualTo("failed");
        assertThat(last.attempts()).isEqualTo(WebhookSender.MAX_ATTEMPTS);
        assertThat(last.lastError()).isNotBlank();
    }
}
