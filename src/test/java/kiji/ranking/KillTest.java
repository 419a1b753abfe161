package kiji.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import kiji.storage.Database;
import kiji.testing.ChildKiji;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Durability: a real Kiji process, killed with SIGKILL while readers send beacons. */
class KillTest {
    // The flush runs every second; a flush that was committing at the kill may add its own
    // commit time (milliseconds on SQLite) to the loss, hence the small allowance.
    static final long LOSS_WINDOW_NANOS = Duration.ofMillis(1000 + 150).toNanos();

    @TempDir
    Path dir;

    @Test
    void a_process_killed_with_sigkill_under_load_loses_at_most_the_last_second_of_views() throws Exception {
        long id;
        try (var app = TestKiji.start(dir, Clock.systemUTC())) {
            id = app.publish("速報記事", "本文").id();
        }
        int port = ChildKiji.freePort();
        var child = ChildKiji.serve(dir, port, dir.resolve("child.log"));
        try {
            var http = ChildKiji.http();
            var base = "http://127.0.0.1:" + port;
            awaitUp(http, base + "/api/ranking", child);

            var stop = new AtomicBoolean();
            var sent = new AtomicLong();
            var acked = new ConcurrentLinkedQueue<Long>(); // nanoTime of each 204
            List<Thread> readers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                readers.add(Thread.ofPlatform().start(() -> {
                    for (int n = 0; !stop.get(); n++) {
                        var req = HttpRequest.newBuilder(URI.create(base + "/api/views"))
                                .header("User-Agent", Views.reader(thread * 10_000_000L + n))
                                .POST(HttpRequest.BodyPublishers.ofString("{\"articleId\": " + id + "}"))
                                .build();
                        sent.incrementAndGet();
                        try {
                            if (http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 204) {
                                acked.add(System.nanoTime());
                            }
                        } catch (Exception e) {
                            return; // the server is gone
                        }
                    }
                }));
            }
            Thread.sleep(3500);
            long killedAt = System.nanoTime();
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
            child.waitFor();
            stop.set(true);
            for (var r : readers) r.join();

            long ackedTotal = acked.size();
            long ackedBeforeWindow = acked.stream().filter(t -> t < killedAt - LOSS_WINDOW_NANOS).count();
            long stored;
            try (var db = Database.sqlite(dir)) {
                stored = new HourBucketStore(db.jdbi()).totalViews();
            }
            System.out.printf("KillTest: sent %d, acknowledged %d, stored %d, lost %d%n", sent.get(), ackedTotal, stored,
                    ackedTotal - stored);
            assertThat(ackedTotal).as("load must reach the server").isGreaterThan(100);
            assertThat(stored).as("views acknowledged more than a second before the kill are stored")
                    .isGreaterThanOrEqualTo(ackedBeforeWindow);
            assertThat(stored).as("nothing counted that was not sent").isLessThanOrEqualTo(sent.get());
        } finally {
            child.destroyForcibly();
        }
    }

    private static void awaitUp(HttpClient http, String url, Process child) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) throw new AssertionError("the child process died at startup");
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the child process did not start within 60 s");
    }
}
