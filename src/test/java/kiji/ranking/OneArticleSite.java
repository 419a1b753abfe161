package kiji.ranking;

import java.nio.file.Path;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A real server on loopback with one published article, {@link #id}, on a clock the test moves. */
abstract class OneArticleSite {
    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.at("2024-10-21T03:10:00Z");
    TestKiji app;
    long id;

    /** The article's title. */
    String title() {
        return "防衛装備庁が説明会(10月18日)";
    }

    @BeforeEach
    void start() {
        app = TestKiji.start(dir, clock);
        id = app.publish(title(), "本文").id();
    }

    @AfterEach
    void stop() {
        app.close();
    }
}
