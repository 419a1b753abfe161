package kiji.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kiji.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** Concurrent misses of one kept page: one render, shared, and never a stale or stuck one. */
class RenderFlightsTest {
    private static final int READERS = 8;

    private final AtomicInteger renders = new AtomicInteger();
    // Patience far above how long the first render is held, so a slow machine cannot turn a
    // waiter into a renderer of its own (that is the patience's job, not what these tests check).
    private final RenderCache cache = new RenderCache(
            List.of(new RenderCache.Rule(RenderCache.Rule.Match.EXACT, "/busy", "public, max-age=60")),
            RankingWidget::empty, MutableClock.at("2024-10-21T01:58:00Z"), 1 << 20, Duration.ofSeconds(60),
            Duration.ofSeconds(60));

    @Test
    void readers_missing_the_same_page_at_once_share_one_render() throws Exception {
        var bodies = readAtOnce(ctx -> {
            holdFirstRender();
            ctx.html("ページ " + renders.get());
        });

        assertThat(renders).hasValue(1);
        assertThat(bodies).hasSize(READERS).containsOnly("ページ 1");
        assertThat(cache.rendersInFlight()).isZero();
    }

    @Test
    void a_render_that_fails_leaves_the_waiting_readers_to_render_for_themselves() throws Exception {
        var bodies = readAtOnce(ctx -> {
            if (holdFirstRender() == 1) throw new IllegalStateException("データベースが応答しない");
            ctx.html("ページ");
        });

        assertThat(bodies).hasSize(READERS).containsOnlyOnce("500").contains("ページ");
        assertThat(renders.get()).isGreaterThan(1);
        assertThat(cache.rendersInFlight()).isZero();
    }

    @Test
    void an_article_event_during_the_render_makes_waiting_readers_render_the_new_state() throws Exception {
        var bodies = readAtOnce(ctx -> {
            int n = holdFirstRender();
            if (n == 1) cache.invalidateAll(); // an article was published while the first render ran
            ctx.html(n == 1 ? "古い版" : "新しい版");
        });

        assertThat(bodies).containsOnlyOnce("古い版");
        assertThat(bodies.stream().filter("新しい版"::equals)).hasSize(READERS - 1);
    }

    /** Counts a render; the first one waits until every other reader waits for it. */
    private int holdFirstRender() throws InterruptedException {
        int n = renders.incrementAndGet();
        if (n == 1) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (cache.readersWaiting() < READERS - 1 && System.nanoTime() < deadline) Thread.sleep(5);
        }
        return n;
    }

    private interface Page {
        void render(Context ctx) throws Exception;
    }

    private List<String> readAtOnce(Page page) throws Exception {
        var web = Javalin.create(config -> {
            cache.register(config.routes);
            config.routes.get("/busy", page::render);
            config.routes.exception(IllegalStateException.class, (e, ctx) -> ctx.status(500).result("500"));
        }).start("127.0.0.1", 0);
        var pool = Executors.newFixedThreadPool(READERS);
        try (var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + "/busy")).build();
            var answers = new ArrayList<Future<String>>();
            for (int i = 0; i < READERS; i++) {
                answers.add(pool.submit(() -> http.send(request, HttpResponse.BodyHandlers.ofString()).body()));
            }
            var bodies = new ArrayList<String>();
            for (var answer : answers) bodies.add(answer.get(30, TimeUnit.SECONDS));
            return bodies;
        } finally {
            pool.shutdownNow();
            web.stop();
        }
    }
}
