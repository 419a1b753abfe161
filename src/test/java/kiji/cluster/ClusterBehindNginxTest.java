package kiji.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
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
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import kiji.app.Config;
import kiji.article.Status;
import kiji.newsroom.PhotoUploads;
import kiji.ranking.ViewCounting;
import kiji.storage.Database;
import kiji.storage.DatabaseSettings;
import kiji.testing.MutableClock;
import kiji.testing.TestDatabases;
import kiji.testing.TestKiji;
import kiji.testing.TestS3;
import kiji.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three Kiji nodes on one PostgreSQL database and one S3 bucket (S3Proxy) behind nginx (Debian's,
 * with {@code proxy_next_upstream} as an operator would set it), checked through the balancer.
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
        var media = TestS3.media(TestS3.freshBucket(), "kiji"); // photos shared through one S3Proxy bucket
        for (var name : List.of("a", "b", "c")) {
            nodes.add(TestKiji.start(Config.defaults(dir.resolve(name)).withMedia(media), Database.open(db), clock));
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
    void a_photo_uploaded_through_the_balancer_is_served_with_the_same_bytes_by_every_node() throws Exception {
        // over nginx's default 1 MB request body: the balancer must let a camera's photo through
        var photo = PhotoUploads.through(nodes.getFirst(), this::url, "nakama")
                .cameraJpeg(1800, 1200, "那覇港に入る護衛艦");
        assertThat(photo.variants()).isNotEmpty();
        for (int width : photo.variants()) {
            var uploaded = bytes(url(photo.url(width)));
            assertThat(uploaded.statusCode()).isEqualTo(200);
            assertThat(ImageIO.read(new ByteArrayInputStream(uploaded.body())).getWidth()).isEqualTo(width);
            for (var n : nodes) { // each node directly, whichever one took the upload
                var served = bytes(URI.create(n.url(photo.url(width))));
                assertThat(served.statusCode()).isEqualTo(200);
                assertThat(served.headers().firstValue("Content-Type")).contains("image/jpeg");
                assertThat(served.body()).isEqualTo(uploaded.body());
            }
        }
        for (var name : List.of("a", "b", "c")) assertThat(dir.resolve(name).resolve("media")).doesNotExist();
    }

    @Test
    void a_scheduled_article_is_published_audited_and_announced_once_by_the_three_nodes() throws Exception {
        var receiver = WebhookReceiver.start();
        var received = receiver.events();
        var pool = Executors.newFixedThreadPool(nodes.size());
        try {
            var any = nodes.getFirst();
            any.category("japan-defense", "日本の防衛", "mod");
            any.kiji.newsroom.webhooks.add(receiver.url());
            var scheduled = send(HttpRequest.newBuilder(url("/api/admin/articles"))
                    .header("Authorization", "Bearer " + any.token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"title":"舞鶴基地の一般公開(12月1日)","body":"舞鶴基地が一般に公開される。",
                             "category":"japan-defense","status":"scheduled","publishedAt":"2024-12-01T03:10:00Z"}"""))
                    .build());
            assertThat(scheduled.statusCode()).isEqualTo(201);
            var matcher = java.util.regex.Pattern.compile("\"id\":\\s*(\\d+)").matcher(scheduled.body());
            assertThat(matcher.find()).isTrue();
            long id = Long.parseLong(matcher.group(1));
            var path = any.kiji.permalinks.of(any.kiji.articles.find(id).orElseThrow());
            assertThat(get(path).statusCode()).as("not before its time").isEqualTo(404);

            clock.advance(Duration.ofMinutes(15)); // the nodes' clock: now it is due
            // every node's publishing round at once, as their timers run them (every 15 s, not waited for here)
            var rounds = new ArrayList<Future<Integer>>();
            for (var n : nodes) rounds.add(pool.submit(n.kiji.newsroom.publisher::publishDueIfHeld));
            int published = 0;
            for (var r : rounds) published += r.get();
            assertThat(published).as("a timer's round may have come first; never two").isLessThanOrEqualTo(1);

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos(); // the senders run every 5 s
            while (received.isEmpty() && System.nanoTime() < deadline) Thread.sleep(50);
            Thread.sleep(5_500); // every node's sender has had one more round since
            assertThat(received).containsExactly("article.published");
            assertThat(any.kiji.newsroom.webhooks.recentDeliveries(10)).hasSize(1);
            assertThat(any.kiji.newsroom.audit.forTarget("article:" + id))
                    .filteredOn(e -> e.action().equals("article.publish.scheduled")).hasSize(1);
            assertThat(any.kiji.articles.find(id).orElseThrow().status()).isEqualTo(Status.PUBLISHED);
            for (var n : nodes) assertThat(n.get(path).body()).contains("舞鶴基地の一般公開");
        } finally {
            pool.shutdown();
            receiver.close();
        }
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

    private HttpResponse<byte[]> bytes(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
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
