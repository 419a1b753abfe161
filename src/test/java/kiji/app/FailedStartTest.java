package kiji.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import kiji.storage.Database;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A start that fails part-way lets go of what it took, so the next start on the folder works. */
class FailedStartTest {
    @TempDir
    Path dir;

    @Test
    void a_start_that_fails_after_the_index_lock_releases_it_and_the_next_start_succeeds() {
        var clock = MutableClock.at("2024-10-21T01:58:00Z");
        try (var db = Database.sqlite(dir)) {
            // the web parts fail to build (as when brotli's native library cannot load) after the index is locked
            var broken = new Kiji.PreparedWeb(CompletableFuture.failedFuture(new IllegalStateException("no brotli")));
            assertThatThrownBy(() -> Kiji.create(Config.defaults(dir), db, clock, broken)).hasRootCauseMessage("no brotli");
        }
        assertThat(threadsNamed("kiji-ranking-sync", "kiji-search-changes")).isEmpty();
        try (var app = TestKiji.start(dir, clock)) {
            assertThat(app.get("/").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void what_was_taken_is_released_last_first_and_a_failing_release_does_not_stop_the_others() {
        var order = new ArrayList<String>();
        var acquired = new Acquired();
        acquired.add("lock", () -> order.add("lock"));
        acquired.add("threads", () -> {
            order.add("threads");
            throw new IllegalStateException("stuck");
        });
        acquired.add("pool", () -> order.add("pool"));
        var failure = new RuntimeException("start failed");
        acquired.releaseAfter(failure);
        assertThat(order).containsExactly("pool", "threads", "lock");
        assertThat(failure.getSuppressed()).extracting(Throwable::getMessage).containsExactly("stuck");
        acquired.releaseAfter(new RuntimeException("again"));
        assertThat(order).as("each is released once").hasSize(3);
    }

    private static java.util.List<String> threadsNamed(String... names) {
        var wanted = java.util.Set.of(names);
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).filter(wanted::contains).toList();
    }
}
