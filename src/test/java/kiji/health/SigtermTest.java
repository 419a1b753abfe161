package kiji.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import kiji.ranking.HourBucketStore;
import kiji.storage.Database;
import kiji.testing.ChildKiji;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kiji serve} in a child JVM stopped with SIGTERM under beacon load, as an orchestrator
 * stops a node: it turns unready, answers what is in flight, flushes every acknowledged view
 * and exits within 10 s.
 */
class SigtermTest {
    @TempDir
    Path dir;

    @Test
    void sigterm_makes_the_node_unready_then_it_exits_within_ten_seconds_keeping_every_acknowledged_view()
            throws Exception {
        long id;
        try (var app = TestKiji.start(dir, Clock.systemUTC())) {
            id = app.publish("観閲式の予行(12月3日)", "本文").id();
        }
        int port = ChildKiji.freePort();
        var child = ChildKiji.serve(dir, port, dir.resolve("child.log"));
        try {
            var http = ChildKiji.http();
            var base = "http://127.0.0.1:" + port;
            awaitReady(http, base, child);

            var stop = new AtomicBoolean();
            var acked = new AtomicLong();
            var errors = new ConcurrentLinkedQueue<Integer>(); // 5xx other than a stopping server's 503
            List<Thread> readers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int thread = t;
                readers.add(Thread.ofPlatform().start(() -> {
                    for (int n = 0; !stop.get(); n++) {
                        var req = HttpRequest.newBuilder(URI.create(base + "/api/views"))
                                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0 reader/" + thread + "/" + n)
                                .POST(HttpRequest.BodyPublishers.ofString("{\"articleId\": " + id + "}"))
                                .build();
                        try {
                            int status = http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
                            if (status == 204) acked.incrementAndGet();
                            else if (status >= 500 && status != 503) errors.add(status);
                        } catch (Exception e) {
                            return; // the server is gone
                        }
                    }
                }));
            }
            Thread.sleep(2000);
            long termAt = System.nanoTime();
            child.destroy(); // SIGTERM on Linux: the shutdown hook runs
            // the signal reaches the JVM's hook within milliseconds; the node then keeps answering for its grace
            HttpResponse<String> readyz;
            do {
                readyz = http.send(HttpRequest.newBuilder(URI.create(base + "/readyz")).build(),
                        HttpResponse.BodyHandlers.ofString());
            } while (readyz.statusCode() == 200 && System.nanoTime() - termAt < 1_000_000_000L);
            assertThat(readyz.statusCode()).as("unready within a second, still answering").isEqualTo(503);
            assertThat(readyz.body()).isEqualTo("draining\n");

            assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("exits within 10 s of SIGTERM").isTrue();
            long exitedAfterMillis = (System.nanoTime() - termAt) / 1_000_000;
            stop.set(true);
            for (var r : readers) r.join();

            long stored;
            try (var db = Database.sqlite(dir)) {
                stored = new HourBucketStore(db.jdbi()).totalViews();
            }
            System.out.printf("SigtermTest: exited after %d ms, acknowledged %d, stored %d%n", exitedAfterMillis,
                    acked.get(), stored);
            assertThat(acked.get()).as("load must reach the server").isGreaterThan(50);
            assertThat(stored).as("every acknowledged view is flushed").isEqualTo(acked.get());
            assertThat(errors).isEmpty();
            assertThat(Files.readString(dir.resolve("child.log"))).doesNotContain("Exception");
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void sigterm_exits_within_ten_seconds_even_when_the_database_is_gone() throws Exception {
        var db = kiji.testing.TestDatabases.freshPostgres();
        var name = db.url().replaceAll(".*/([a-z0-9_]+).*", "$1");
        int port = ChildKiji.freePort();
        var child = ChildKiji.serve(dir, port, dir.resolve("child.log"), "--db-url", db.url(), "--db-user", "postgres");
        try (var pg = java.sql.DriverManager.getConnection(db.url().replace("/" + name, "/postgres"), "postgres", "");
             var sql = pg.createStatement()) {
            var http = ChildKiji.http();
            awaitReady(http, "http://127.0.0.1:" + port, child);

            sql.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
            sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
            Thread.sleep(1500); // the flusher and the probes now wait on connections that never come
            long termAt = System.nanoTime();
            child.destroy();
            assertThat(child.waitFor(11, TimeUnit.SECONDS)).as("exits within 10 s of SIGTERM").isTrue();
            long millis = (System.nanoTime() - termAt) / 1_000_000;
            System.out.printf("SigtermTest: without its database, exited after %d ms%n", millis);
            assertThat(millis).isLessThan(10_000);
            sql.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
        } finally {
            child.destroyForcibly();
        }
    }

    private static void awaitReady(HttpClient http, String base, Process child) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) throw new AssertionError("the child process died at startup");
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/readyz")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not ready within 60 s");
    }
}
