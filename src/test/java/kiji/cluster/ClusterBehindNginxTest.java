package kiji.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import kiji.app.Config;
import kiji.ranking.ViewCounting;
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
 * Three Kiji nodes on one PostgreSQL database behind nginx (Debian's, with
 * {@code proxy_next_upstream} as an operator would set it), checked through the balancer.
 */
class ClusterBehindNginxTest {
    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.at("2024-12-01T03:00:00Z");
    final DatabaseSettings db = TestDatabases.freshPostgres();
    final List<TestKiji> nodes = new ArrayList<>();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Nginx nginx;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Nginx.installed(), "nginx is not installed (apt-get install nginx)");
        for (var name : List.of("a", "b", "c")) {
            nodes.add(TestKiji.start(Config.defaults(dir.resolve(name)), Database.open(db), clock));
        }
        nginx = Nginx.start(dir, nodes.stream().map(n -> n.kiji.port()).toList());
    }

    @AfterEach
    void stop() throws Exception {
        if (nginx != null) nginx.close();
        for (var n : nodes) n.close();
    }

    @Test
    void each_view_through_the_balancer_is_counted_once_and_every_node_takes_its_share() throws Exception {
        var article = nodes.getFirst().publish("三沢基地の航空祭(12月1日)", "本文");
        int readers = 150;
        for (int r = 0; r < readers; r++) {
            var res = send(HttpRequest.newBuilder(url("/api/views"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"articleId\": " + article.id() + "}"))
                    .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0 reader/" + r).build());
            assertThat(res.statusCode()).isEqualTo(204);
        }
        long total = 0;
        for (var n : nodes) {
            long counted = n.kiji.ranking.counting().total(ViewCounting.Result.COUNTED);
            assertThat(counted).as("round robin gives every node views").isPositive();
            total += counted;
            n.kiji.ranking.refresh(); // flush
        }
        assertThat(total).isEqualTo(readers);
        assertThat(nodes.getFirst().kiji.ranking.store().totalViews()).isEqualTo(readers);
    }

    @Test
    void an_edit_through_the_balancer_shows_on_every_node_within_two_seconds() throws Exception {
        var article = nodes.getFirst().publish("八戸港の掃海訓練(12月1日)", "本文");
        var path = nodes.getFirst().kiji.permalinks.of(article);
        for (int i = 0; i < 6; i++) assertThat(get(path).body()).contains("八戸港の掃海訓練"); // kept on every node

        var put = send(HttpRequest.newBuilder(url("/api/admin/articles/" + article.id()))
                .header("Authorization", "Bearer " + nodes.get(1).token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"title":"八戸港の掃海訓練は延期(12月1日)","body":"荒天のため延期された。",
                         "category":"japan-defense","status":"published","publishedAt":"2024-12-01T03:00:00Z"}"""))
                .build());
        assertThat(put.statusCode()).isEqualTo(200);
        long edited = System.nanoTime();
        var search = "/api/search?q=" + URLEncoder.encode("延期", StandardCharsets.UTF_8);
        boolean everywhere = false;
        while (!everywhere && System.nanoTime() - edited < 2_000_000_000L) {
            everywhere = true;
            for (var n : nodes) { // each node directly, and as many requests through the balancer
                everywhere &= n.get(path).body().contains("八戸港の掃海訓練は延期")
                        && n.get("/").body().contains("八戸港の掃海訓練は延期")
                        && n.get(search).body().contains("八戸港の掃海訓練は延期")
                        && get(path).body().contains("八戸港の掃海訓練は延期");
            }
            if (!everywhere) Thread.sleep(50);
        }
        assertThat(everywhere).as("page, listing and search on every node within 2 s").isTrue();
    }

    @Test
    void readers_see_no_error_when_a_node_stops_under_load() throws Exception {
        var article = nodes.getFirst().publish("小松基地の展示飛行(12月1日)", "本文");
        var path = nodes.getFirst().kiji.permalinks.of(article);
        var stop = new AtomicBoolean();
        var ok = new AtomicInteger();
        var failed = new java.util.concurrent.ConcurrentLinkedQueue<String>();
        var readers = new ArrayList<Thread>();
        for (int t = 0; t < 3; t++) {
            readers.add(Thread.ofPlatform().start(() -> {
                while (!stop.get()) {
                    try {
                        int status = get(path).statusCode();
                        if (status == 200) ok.incrementAndGet();
                        else failed.add("HTTP " + status);
                    } catch (RuntimeException e) {
                        failed.add(e.toString());
                    }
                }
            }));
        }
        Thread.sleep(500);
        nodes.removeLast().kiji.shutdown(Duration.ofMillis(200)); // as on SIGTERM, with a short grace
        Thread.sleep(1000);
        stop.set(true);
        for (var r : readers) r.join();
        assertThat(ok.get()).isGreaterThan(50);
        assertThat(failed).isEmpty();
    }

    private URI url(String path) {
        return nginx.url(path);
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(url(path)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
